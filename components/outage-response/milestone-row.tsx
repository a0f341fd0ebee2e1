'use client';
import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { OutageStep } from '@/lib/outage-targets';
import { useFormat } from '@/components/i18n/use-format';
import { useWords } from '@/components/ui/vocab';
import { useTRPC } from '@/lib/trpc/react';
import { formatLocal, formatMinutes } from './format';
import { MutationError } from '@/components/ui/mutation-error';
import type { TimelineRow } from './timeline-chart';
import { useOutageRefresh } from './use-outage-refresh';
import styles from './outage-response.module.css';

interface Props {
  outageRef: string;
  step: OutageStep;
  at: string | null;
  minutes: number | null;
  target: number | null;
  status: TimelineRow['status'];
  timezone: string;
  canManage: boolean;
}

/**
 * One milestone: when, how long after the start, against which target. A manager records it with
 * "Now" or, with "At…", an exact time (report time zone) that also corrects an earlier entry; a
 * refusal shows under the row, full width.
 */
export function MilestoneRow({ outageRef, step, at, minutes, target, status, timezone, canManage }: Props) {
  const trpc = useTRPC();
  const t = useTranslations('outageResponse');
  const f = useFormat();
  const words = useWords();
  const refresh = useOutageRefresh(outageRef);
  const [editing, setEditing] = useState(false);
  const [when, setWhen] = useState('');
  const mutation = useMutation(
    trpc.outageResponse.recordMilestone.mutationOptions({
      onSuccess: async () => {
        setWhen('');
        setEditing(false);
        await refresh();
      },
    }),
  );
  const label = words('milestone', step);
  return (
    <tbody data-testid={`milestone-${step}`}>
      <tr>
        <td>{label}</td>
        <td className={styles.nowrap}>{at ? formatLocal(at, timezone, f.locale) : '—'}</td>
        <td className={`${styles.num} ${styles[status]}`} data-status={status}>
          {formatMinutes(minutes, t, (value) => f.decimal(value, 1))}
          <span className={styles.statusText}>{t(`milestones.status.${status}`)}</span>
        </td>
        <td className={styles.num}>{target === null ? '—' : t('milestones.targetValue', { target })}</td>
        {canManage ? (
          <td>
            <div className={styles.record}>
              {at ? null : (
                <button
                  type="button"
                  className="btn btn-small"
                  disabled={mutation.isPending}
                  data-testid={`record-${step}-now`}
                  onClick={() => mutation.mutate({ ref: outageRef, step })}
                >
                  {t('milestones.recordNow')}
                </button>
              )}
              {editing ? (
                <form
                  className={styles.recordAt}
                  onSubmit={(e) => {
                    e.preventDefault();
                    if (when) mutation.mutate({ ref: outageRef, step, at: when });
                  }}
                >
                  <input
                    type="datetime-local"
                    aria-label={t('milestones.exactTime', { label })}
                    value={when}
                    onChange={(e) => setWhen(e.target.value)}
                    data-testid={`record-${step}-at`}
                  />
                  <button
                    type="submit"
                    className="btn btn-small"
                    disabled={mutation.isPending || when === ''}
                    data-testid={`record-${step}-save`}
                  >
                    {t('milestones.save')}
                  </button>
                  <button type="button" className="btn btn-small btn-ghost" onClick={() => setEditing(false)}>
                    {t('milestones.cancel')}
                  </button>
                </form>
              ) : (
                <button
                  type="button"
                  className="btn btn-small btn-ghost"
                  data-testid={`record-${step}-edit`}
                  onClick={() => setEditing(true)}
                >
                  {at ? t('milestones.correct') : t('milestones.atTime')}
                </button>
              )}
            </div>
          </td>
        ) : null}
      </tr>
      {mutation.error ? (
        <tr>
          <td colSpan={5} className={styles.rowError}>
            <MutationError error={mutation.error} />
          </td>
        </tr>
      ) : null}
    </tbody>
  );
}
