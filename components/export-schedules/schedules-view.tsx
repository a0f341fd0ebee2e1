'use client';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { MutationError } from '@/components/ui/mutation-error';
import { formatZonedInstant } from '@/lib/format';
import { useTRPC } from '@/lib/trpc/react';
import { describeExport, describeTiming, RUN_STATUS_LABELS, type ScheduleRow } from './describe';
import styles from './export-schedules.module.css';
import { RunHistory } from './run-history';
import { ScheduleForm, type RegionOption } from './schedule-form';

/** The user's export schedules: create, edit, pause or resume, delete, and each one's run history. */
export function SchedulesView({
  regions,
  pinnedRegion,
  timezone,
}: {
  regions: readonly RegionOption[];
  pinnedRegion: string | null;
  timezone: string;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: schedules } = useSuspenseQuery(trpc.exportSchedules.list.queryOptions());
  const [editing, setEditing] = useState<ScheduleRow | 'new' | null>(null);
  const [history, setHistory] = useState<number | null>(null);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.exportSchedules.list.queryKey() });
  const setEnabled = useMutation(trpc.exportSchedules.setEnabled.mutationOptions({ onSuccess: invalidate }));
  const remove = useMutation(trpc.exportSchedules.remove.mutationOptions({ onSuccess: invalidate }));
  const runNow = useMutation(
    trpc.exportSchedules.runNow.mutationOptions({
      onSuccess: async (_data, { id }) => {
        setHistory(id);
        await Promise.all([invalidate(), queryClient.invalidateQueries({ queryKey: trpc.exportSchedules.runs.queryKey() })]);
      },
    }),
  );

  return (
    <>
      {editing === null ? (
        <div className={styles.toolbar}>
          <button type="button" className="btn" onClick={() => setEditing('new')}>
            New schedule
          </button>
        </div>
      ) : (
        <ScheduleForm
          key={editing === 'new' ? 'new' : editing.id}
          editing={editing === 'new' ? null : editing}
          regions={regions}
          pinnedRegion={pinnedRegion}
          timezone={timezone}
          onDone={() => setEditing(null)}
        />
      )}
      <MutationError error={setEnabled.error ?? remove.error ?? runNow.error} />
      {schedules.length === 0 ? (
        <p className="muted">No schedules yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="data" aria-label="Your export schedules">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Export</th>
                <th scope="col">When ({timezone})</th>
                <th scope="col">Recipients</th>
                <th scope="col">Next run</th>
                <th scope="col">Last run</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {schedules.map((s) => (
                <Fragment key={s.id}>
                  <tr>
                    <td>{s.name}</td>
                    <td>{describeExport(s)}</td>
                    <td>{describeTiming(s.timing)}</td>
                    <td>{s.recipients.map((r) => r.name).join(', ')}</td>
                    <td>{s.enabled ? formatZonedInstant(s.nextRunAt, timezone) : 'Paused'}</td>
                    <td className={s.lastRun?.status === 'failed' ? styles.failed : undefined}>
                      {s.lastRun
                        ? `${RUN_STATUS_LABELS[s.lastRun.status]} ${formatZonedInstant(s.lastRun.dueAt, timezone)}`
                        : '—'}
                    </td>
                    <td>
                      <div className={styles.actions}>
                        <button type="button" className="btn btn-small btn-ghost" onClick={() => setEditing(s)}>
                          Edit
                        </button>
                        <button
                          type="button"
                          className="btn btn-small btn-ghost"
                          disabled={setEnabled.isPending}
                          onClick={() => setEnabled.mutate({ id: s.id, enabled: !s.enabled })}
                        >
                          {s.enabled ? 'Pause' : 'Resume'}
                        </button>
                        <button
                          type="button"
                          className="btn btn-small btn-ghost"
                          disabled={runNow.isPending}
                          onClick={() => runNow.mutate({ id: s.id })}
                        >
                          Run now
                        </button>
                        <button
                          type="button"
                          className="btn btn-small btn-ghost"
                          aria-expanded={history === s.id}
                          onClick={() => setHistory(history === s.id ? null : s.id)}
                        >
                          History
                        </button>
                        <button
                          type="button"
                          className="btn btn-small btn-ghost"
                          disabled={remove.isPending}
                          onClick={() => {
                            if (window.confirm(`Delete “${s.name}” and its history? Links already sent stop working.`)) {
                              remove.mutate({ id: s.id });
                            }
                          }}
                        >
                          Delete
                        </button>
                      </div>
                    </td>
                  </tr>
                  {history === s.id ? (
                    <tr>
                      <td colSpan={7}>
                        <RunHistory scheduleId={s.id} name={s.name} timezone={timezone} />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
