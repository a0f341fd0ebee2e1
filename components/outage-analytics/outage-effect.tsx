'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { ChartFrame } from '@/components/charts/chart-frame';
import { LazySeriesChart } from '@/components/charts/lazy';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
import { formatCount, formatRate } from '@/lib/format';
import { useTRPC } from '@/lib/trpc/react';
import styles from './outage-analytics.module.css';

type Group = {
  customers: number;
  disputes: number;
  disputesPer1000: number | null;
  churned: number;
  churnRate: number | null;
};

const per1000 = (value: number | null) => (value === null ? '—' : value.toFixed(1));
const round1 = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

/** How many times the affected figure is the others' one, e.g. "×2.3"; — when either is missing. */
function times(affected: number | null, others: number | null): string {
  if (affected === null || others === null || others === 0) return '—';
  return `×${(affected / others).toFixed(1)}`;
}

/**
 * The 30 days after each outage started in the period: disputes opened per 1,000 customers and
 * churn, for the customers it affected against everyone else active at its start.
 */
export function OutageEffect({ input }: { input: DashboardQueryInput }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.outageResponse.effect.queryOptions(input));
  if (data.outages === 0) return <p className="card muted">No outages started in this period.</p>;
  const rows: { label: string; group: Group }[] = [
    { label: 'Affected customers', group: data.affected },
    { label: 'Everyone else active at the start', group: data.others },
  ];
  const chartRows = data.byOutage
    .filter((o) => o.affected.customers > 0)
    .map((o) => ({
      // Not `ref`: Recharts spreads each row into the bar's props, and React takes `ref` as its own.
      outage: o.ref,
      affected: round1(o.affected.disputesPer1000),
      others: round1(o.others.disputesPer1000),
      affectedChurn: o.affected.churnRate,
      othersChurn: o.others.churnRate,
    }));
  return (
    <>
      <section className="card table-scroll" aria-labelledby="outage-effect" data-testid="outage-effect">
        <h3 id="outage-effect">In the 30 days after the start</h3>
        <p className={`muted ${styles.caption}`}>
          Over the {formatCount(data.outages)} outages started in the period; each outage counts its own customers (a
          customer hit twice counts twice)
          {input.region ? `, only ${input.region} customers` : ''}.
          {data.windowsOpen > 0
            ? ` ${formatCount(data.windowsOpen)} of them started less than 30 days ago: their figures are so far.`
            : ''}
        </p>
        <table className={`data ${styles.table}`}>
          <thead>
            <tr>
              <th>Customers</th>
              <th className={styles.num}>Customers × outages</th>
              <th className={styles.num}>Disputes opened</th>
              <th className={styles.num}>per 1,000</th>
              <th className={styles.num}>Churned</th>
              <th className={styles.num}>Churn rate</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ label, group }) => (
              <tr key={label}>
                <td>{label}</td>
                <td className={styles.num}>{formatCount(group.customers)}</td>
                <td className={styles.num}>{formatCount(group.disputes)}</td>
                <td className={styles.num}>{per1000(group.disputesPer1000)}</td>
                <td className={styles.num}>{formatCount(group.churned)}</td>
                <td className={styles.num}>{formatRate(group.churnRate, 2)}</td>
              </tr>
            ))}
            <tr>
              <td>Affected against the rest</td>
              <td />
              <td />
              <td className={styles.num} data-testid="effect-disputes-ratio">
                {times(data.affected.disputesPer1000, data.others.disputesPer1000)}
              </td>
              <td />
              <td className={styles.num}>{times(data.affected.churnRate, data.others.churnRate)}</td>
            </tr>
          </tbody>
        </table>
      </section>
      <div className="grid-2">
        <ChartFrame
          title="Disputes per 1,000 customers, 30 days after each outage"
          description="affected against everyone else"
          columns={[
            { key: 'outage', label: 'Outage' },
            { key: 'affected', label: 'Affected' },
            { key: 'others', label: 'Everyone else' },
          ]}
          rows={chartRows}
        >
          <LazySeriesChart
            kind="bar"
            data={chartRows}
            xKey="outage"
            valueKind="count"
            xTicks="all"
            series={[
              { key: 'affected', label: 'Affected', color: 'var(--chart-2)' },
              { key: 'others', label: 'Everyone else', color: 'var(--chart-1)' },
            ]}
          />
        </ChartFrame>
        <ChartFrame
          title="Churn rate, 30 days after each outage"
          description="affected against everyone else"
          columns={[
            { key: 'outage', label: 'Outage' },
            { key: 'affectedChurn', label: 'Affected', kind: 'rate' },
            { key: 'othersChurn', label: 'Everyone else', kind: 'rate' },
          ]}
          rows={chartRows}
        >
          <LazySeriesChart
            kind="bar"
            data={chartRows}
            xKey="outage"
            valueKind="rate"
            xTicks="all"
            series={[
              { key: 'affectedChurn', label: 'Affected', color: 'var(--chart-2)' },
              { key: 'othersChurn', label: 'Everyone else', color: 'var(--chart-1)' },
            ]}
          />
        </ChartFrame>
      </div>
    </>
  );
}
