'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import Link from 'next/link';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
import { drilldownHref } from '@/lib/drilldown';
import { formatCents, formatCount, formatRate } from '@/lib/format';
import { useTRPC } from '@/lib/trpc/react';
import styles from './dispute-analytics.module.css';

/** Dispute figures per assigned rep; the rep opens their disputes. */
export function DisputeRepTable({ input, linkQuery }: { input: DashboardQueryInput; linkQuery: string }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.disputes.byRep.queryOptions(input));
  if (data.rows.length === 0) return <p className="muted card">No disputes were opened or resolved in this period.</p>;
  return (
    <div className="card table-scroll">
      <p className={`muted ${styles.caption}`}>
        Opened: disputes opened in the period. Resolved, SLA compliance, median time and credited: disputes resolved or
        rejected in the period.
      </p>
      <table className={`data ${styles.table}`}>
        <thead>
          <tr>
            <th>Assigned rep</th>
            <th className={styles.num}>Opened</th>
            <th className={styles.num}>Resolved</th>
            <th className={styles.num}>SLA compliance</th>
            <th className={styles.num}>Median time to resolve</th>
            <th className={styles.num}>Credited</th>
          </tr>
        </thead>
        <tbody>
          {data.rows.map((row) => (
            <tr key={row.rep ?? ''}>
              <td>
                {row.rep === null ? (
                  <span className="muted">Unassigned</span>
                ) : (
                  <Link href={drilldownHref('disputes', linkQuery, { rep: row.rep })} title={row.rep}>
                    {row.name ?? row.rep}
                  </Link>
                )}
              </td>
              <td className={styles.num}>{formatCount(row.opened)}</td>
              <td className={styles.num}>{formatCount(row.resolved)}</td>
              <td className={styles.num}>{formatRate(row.slaComplianceRate)}</td>
              <td className={styles.num}>
                {row.medianHoursToResolve === null ? '—' : `${row.medianHoursToResolve.toFixed(1)} h`}
              </td>
              <td className={styles.num}>{formatCents(row.creditedCents, data.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
