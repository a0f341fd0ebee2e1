'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import Link from 'next/link';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
import { formatCount } from '@/lib/format';
import { MILESTONE_ORDER } from '@/lib/outage-targets';
import { useTRPC } from '@/lib/trpc/react';
import { MilestoneCell } from './milestone-cell';
import styles from './outage-analytics.module.css';

const SHORT_LABELS = {
  detect: 'Detect',
  communicate: 'Comms',
  ivr: 'IVR',
  sms: 'SMS',
  brief: 'Brief',
  resolve: 'Resolve',
} as const;
const MAX_REGIONS = 3;

/** The outages started in the period, latest first, each milestone coloured against its target. */
export function OutageTable({ input }: { input: DashboardQueryInput }) {
  const trpc = useTRPC();
  const { data: outages } = useSuspenseQuery(trpc.outages.list.queryOptions(input));
  const { data: summary } = useSuspenseQuery(trpc.outages.summary.queryOptions(input));
  const { data: targets } = useSuspenseQuery(trpc.outageResponse.targets.queryOptions());
  if (outages.length === 0) return <p className="card muted">No outages started in this period.</p>;
  return (
    <div className="card table-scroll">
      <p className={`muted ${styles.caption}`}>
        Minutes from the start; <span className={styles.met}>green</span> on target,{' '}
        <span className={styles.missed}>red</span> late, <span className={styles.missing}>—</span> not recorded (for
        Resolve: still ongoing). Started in {summary.timezone} time. Affected customers: active at the start, billed at
        one of the outage&apos;s postcodes or, when it lists none, in an affected region
        {input.region ? ` (only ${input.region} customers, as filtered)` : ''}.
      </p>
      <table className={`data ${styles.table}`}>
        <thead>
          <tr>
            <th>Ref</th>
            <th>Title</th>
            <th>Severity</th>
            <th>Regions</th>
            <th>Started</th>
            {MILESTONE_ORDER.map((m) => (
              <th key={m} className={styles.num} title={`Target ${targets[m]} min`}>
                {SHORT_LABELS[m]}
              </th>
            ))}
            <th className={styles.num}>Affected</th>
          </tr>
        </thead>
        <tbody>
          {outages.map((o) => (
            <tr key={o.ref}>
              <td className={styles.nowrap}>
                <Link href={`/outages/${encodeURIComponent(o.ref)}`}>{o.ref}</Link>
              </td>
              <td className={styles.title}>{o.title}</td>
              <td className={styles.severity} data-severity={o.severity}>
                {o.severity}
              </td>
              <td title={o.regions.join(', ') + (o.postcodes > 0 ? ` — ${o.postcodes} postcodes` : '')}>
                {o.regions.slice(0, MAX_REGIONS).join(', ')}
                {o.regions.length > MAX_REGIONS ? ` +${o.regions.length - MAX_REGIONS}` : ''}
                {o.postcodes > 0 ? <span className="muted"> ({formatCount(o.postcodes)} postcodes)</span> : null}
              </td>
              <td className={styles.nowrap}>
                <time dateTime={o.startedAt}>{o.startedLocal}</time>
              </td>
              {MILESTONE_ORDER.map((m) => (
                <MilestoneCell key={m} minutes={o.minutes[m]} target={targets[m]} />
              ))}
              <td className={styles.num}>{formatCount(o.affectedCustomers)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
