'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { formatCount } from '@/lib/format';
import { useTRPC } from '@/lib/trpc/react';
import styles from './admin-imports.module.css';
import { entityLabel, failureText, formatWhen, STATUS_LABELS } from './format-run';

/** The latest 50 imports (admin screen and API), newest first, each linking to its report. */
export function ImportHistory() {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.imports.runs.queryOptions());
  if (data.runs.length === 0) return <p className="muted">No imports yet.</p>;
  return (
    <div className="table-scroll">
      <table className="data" aria-label="Import history">
        <thead>
          <tr>
            <th>When</th>
            <th>Who</th>
            <th>Data</th>
            <th>File</th>
            <th>Mode</th>
            <th>Status</th>
            <th className={styles.num}>Read</th>
            <th className={styles.num}>Written</th>
            <th className={styles.num}>Rejected</th>
            <th>Report</th>
          </tr>
        </thead>
        <tbody>
          {data.runs.map((run) => (
            <tr key={run.id} data-testid={`import-run-${run.id}`}>
              <td className={styles.nowrap}>{formatWhen(run.startedAt, data.timezone)}</td>
              <td>{run.startedByName ?? <span className="muted">command line</span>}</td>
              <td>{entityLabel(run.entity)}</td>
              <td className={styles.value}>{run.fileName ?? <span className="muted">API</span>}</td>
              <td>{run.skipInvalid ? 'valid rows' : 'all or nothing'}</td>
              <td
                className={run.status === 'committed' ? styles.ok : run.status === 'running' ? undefined : styles.bad}
              >
                {STATUS_LABELS[run.status]}
                {run.status === 'failed' ? <div className={styles.reason}>{failureText(run.failureReason)}</div> : null}
              </td>
              <td className={styles.num}>{formatCount(run.rowsRead)}</td>
              <td className={styles.num}>{formatCount(run.rowsWritten)}</td>
              <td className={styles.num}>{formatCount(run.rowsRejected)}</td>
              <td className={styles.nowrap}>
                <Link href={`/admin/imports/${run.id}`}>Report</Link>
                {run.hasRejects ? (
                  <>
                    {' · '}
                    <a href={`/api/v1/admin/imports/${run.id}/rejects`} download>
                      Rejects CSV
                    </a>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
