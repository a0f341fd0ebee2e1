'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { ChartFrame } from '@/components/charts/chart-frame';
import { LazySeriesChart } from '@/components/charts/lazy';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
import { formatCount } from '@/lib/format';
import { MILESTONE_LABELS, MILESTONE_ORDER, targetStatus } from '@/lib/outage-targets';
import { useTRPC } from '@/lib/trpc/react';
import styles from './outage-analytics.module.css';

/** Median and p90 minutes to each milestone (KPI engine), against the targets. */
export function MilestoneSummary({ input }: { input: DashboardQueryInput }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.outages.summary.queryOptions(input));
  const { data: targets } = useSuspenseQuery(trpc.outageResponse.targets.queryOptions());
  const rows = MILESTONE_ORDER.map((milestone) => {
    const figures = data.current.milestones.find((m) => m.milestone === milestone);
    return {
      milestone,
      label: MILESTONE_LABELS[milestone],
      target: targets[milestone],
      median: figures?.median ?? null,
      p90: figures?.p90 ?? null,
      missing: figures?.missing ?? 0,
    };
  });
  const hasData = data.current.count > 0;
  // Resolution takes hours and would flatten the communication milestones; it stays in the table.
  const chartRows = rows.filter((r) => r.milestone !== 'resolve');
  return (
    <div className="grid-2">
      <section className="card table-scroll" aria-labelledby="milestones">
        <h2 id="milestones">Minutes from start to each milestone</h2>
        <p className={`muted ${styles.caption}`}>
          Over the {formatCount(data.current.count)} outages started in the period; an outage without the milestone
          counts as missing, not in the median.
        </p>
        <table className={`data ${styles.table}`}>
          <thead>
            <tr>
              <th>Milestone</th>
              <th className={styles.num}>Target</th>
              <th className={styles.num}>Median</th>
              <th className={styles.num}>p90</th>
              <th className={styles.num} title="Outages without this milestone">
                Missing
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.milestone}>
                <td>{row.label}</td>
                <td className={styles.num}>≤ {row.target} min</td>
                <Minutes value={row.median} target={row.target} />
                <Minutes value={row.p90} target={row.target} />
                <td className={`${styles.num} ${row.missing > 0 ? styles.missing : ''}`}>{formatCount(row.missing)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <ChartFrame
        title="Minutes to communicate, median and p90"
        description="from detection to agent briefing; resolution is in the table"
        columns={[
          { key: 'label', label: 'Milestone' },
          { key: 'target', label: 'Target', kind: 'minutes' },
          { key: 'median', label: 'Median', kind: 'minutes' },
          { key: 'p90', label: 'p90', kind: 'minutes' },
        ]}
        rows={hasData ? chartRows : []}
      >
        <LazySeriesChart
          kind="bar"
          data={chartRows}
          xKey="label"
          valueKind="minutes"
          series={[
            { key: 'median', label: 'Median', color: 'var(--chart-1)' },
            { key: 'p90', label: 'p90', color: 'var(--chart-2)' },
            { key: 'target', label: 'Target', color: 'var(--chart-3)' },
          ]}
        />
      </ChartFrame>
    </div>
  );
}

function Minutes({ value, target }: { value: number | null; target: number }) {
  const status = targetStatus(value, target);
  return (
    <td className={`${styles.num} ${status === 'missing' ? 'muted' : styles[status]}`}>
      {value === null ? '—' : `${value.toFixed(1)} min`}
    </td>
  );
}
