'use client';
import { useQuery } from '@tanstack/react-query';
import { formatZonedInstant } from '@/lib/format';
import { useTRPC } from '@/lib/trpc/react';
import { RUN_STATUS_LABELS } from './describe';
import styles from './export-schedules.module.css';

/** A schedule's last 50 runs, failures with their reason; only its owner gets them. */
export function RunHistory({ scheduleId, name, timezone }: { scheduleId: number; name: string; timezone: string }) {
  const trpc = useTRPC();
  const runs = useQuery({
    ...trpc.exportSchedules.runs.queryOptions({ id: scheduleId }),
    // While a run waits or works, its outcome is seconds away.
    refetchInterval: (query) =>
      query.state.data?.some((r) => r.status === 'queued' || r.status === 'running') ? 2_000 : false,
  });
  if (runs.isPending) return <p className="muted">Loading the history…</p>;
  if (runs.isError) return <p className="error">{runs.error.message}</p>;
  if (runs.data.length === 0) return <p className="muted">“{name}” has not run yet.</p>;
  return (
    <div className={`table-scroll ${styles.history}`}>
      <table className="data" aria-label={`Runs of ${name}`}>
        <thead>
          <tr>
            <th scope="col">Due</th>
            <th scope="col">Status</th>
            <th scope="col">Period</th>
            <th scope="col">Rows</th>
            <th scope="col">Finished</th>
            <th scope="col">Link valid until</th>
            <th scope="col">Problem</th>
          </tr>
        </thead>
        <tbody>
          {runs.data.map((run) => (
            <tr key={run.id}>
              <td>{formatZonedInstant(run.dueAt, timezone)}</td>
              <td className={run.status === 'failed' ? styles.failed : undefined}>
                {RUN_STATUS_LABELS[run.status]}
                {run.attempts > 1 ? ` (attempt ${run.attempts})` : ''}
              </td>
              <td>{run.periodFrom && run.periodTo ? `${run.periodFrom} – ${run.periodTo}` : '—'}</td>
              <td>{run.rowCount === null ? '—' : run.rowCount.toLocaleString('en')}</td>
              <td>{formatZonedInstant(run.finishedAt, timezone)}</td>
              <td>{formatZonedInstant(run.linkExpiresAt, timezone)}</td>
              <td>{run.errorMessage ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
