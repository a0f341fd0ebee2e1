'use client';
import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { useWords } from '@/components/ui/vocab';
import { ChartFrame } from '@/components/charts/chart-frame';
import { OUTAGE_STEPS, targetStatus, type Milestone, type OutageStep } from '@/lib/outage-targets';
import { minutesFrom } from './format';
import { LazyTimelineChart } from './lazy';
import { MilestoneRow } from './milestone-row';
import type { TimelineRow } from './timeline-chart';
import { useNow } from './use-now';
import styles from './outage-response.module.css';

interface Props {
  outageRef: string;
  startedAt: string;
  steps: Record<OutageStep, string | null>;
  targets: Record<Milestone, number>;
  timezone: string;
  serverNow: string;
  canManage: boolean;
}

function targetOf(step: OutageStep, targets: Record<Milestone, number>): number | null {
  return step === 'unlimited' ? null : targets[step];
}

/** The milestones against their targets: a chart, then a table where each is recorded now or at an exact time. */
export function MilestonePanel({ outageRef, startedAt, steps, targets, timezone, serverNow, canManage }: Props) {
  const t = useTranslations('outageResponse.milestones');
  const words = useWords();
  const now = useNow(serverNow);
  const open = steps.resolve === null;
  // The chart moves once a minute; the header's clock ticks every second.
  const elapsed = Math.floor((now - Date.parse(startedAt)) / 60_000);
  const rows = useMemo(
    () =>
      OUTAGE_STEPS.map((step) => {
        const at = steps[step];
        const minutes = at ? minutesFrom(startedAt, at) : null;
        const target = targetOf(step, targets);
        const status: TimelineRow['status'] =
          target === null ? (at ? 'untimed' : 'missing') : targetStatus(minutes, target);
        return { step, at, minutes, target, status };
      }),
    [steps, startedAt, targets],
  );
  // Recomputed once a minute, not on every tick of the clock.
  const chartRows: TimelineRow[] = useMemo(
    () =>
      rows
        .filter((r) => r.step !== 'resolve')
        .map((r) => ({
          label: words('milestone', r.step),
          actual: r.minutes === null ? null : Math.round(r.minutes * 10) / 10,
          waiting: r.minutes === null && open ? elapsed : null,
          target: r.target,
          status: r.status,
        })),
    [rows, open, elapsed, words],
  );
  return (
    <section className="card" aria-labelledby="timeline">
      <h2 id="timeline">{t('title')}</h2>
      <p className="muted">{t('timesIn', { timezone })}</p>
      <ChartFrame
        title={t('chartTitle')}
        description={open ? t('chartOpen') : t('chartClosed')}
        columns={[
          { key: 'label', label: t('milestone') },
          { key: 'actual', label: t('happened'), kind: 'minutes' },
          { key: 'target', label: t('target'), kind: 'minutes' },
        ]}
        rows={chartRows}
      >
        <LazyTimelineChart
          rows={chartRows}
          nowMinutes={open ? elapsed : null}
          labels={{ target: t('target'), happened: t('happened'), waiting: t('stillWaiting'), now: t('now') }}
        />
      </ChartFrame>
      <div className="table-scroll">
        <table className={`data ${styles.table}`} aria-label={t('label')}>
          <thead>
            <tr>
              <th>{t('milestone')}</th>
              <th>{t('when')}</th>
              <th className={styles.num}>{t('fromStart')}</th>
              <th className={styles.num}>{t('target')}</th>
              {canManage ? <th>{t('record')}</th> : null}
            </tr>
          </thead>
          {rows.map((r) => (
            <MilestoneRow
              key={r.step}
              outageRef={outageRef}
              step={r.step}
              at={r.at}
              minutes={r.minutes}
              target={r.target}
              status={r.status}
              timezone={timezone}
              canManage={canManage}
            />
          ))}
        </table>
      </div>
    </section>
  );
}
