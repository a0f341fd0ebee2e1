'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import Link from 'next/link';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
import { drilldownHref } from '@/lib/drilldown';
import { formatCents, formatCount, formatRate } from '@/lib/format';
import { useTRPC } from '@/lib/trpc/react';
import styles from './dispute-analytics.module.css';
import { humanize } from '@/lib/format';

/** The KPI engine's `byCause` for the period, each cause linking to its disputes. */
export function CauseTable({ input, linkQuery }: { input: DashboardQueryInput; linkQuery: string }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.disputes.summary.queryOptions(input));
  const { byCause, opened } = data.current;
  return (
    <section className="card table-scroll" aria-labelledby="by-cause">
      <h2 id="by-cause">Opened in the period by cause</h2>
      {byCause.length === 0 ? (
        <p className="muted">No disputes were opened in this period.</p>
      ) : (
        <table className={`data ${styles.table}`}>
          <thead>
            <tr>
              <th>Cause</th>
              <th className={styles.num}>Opened</th>
              <th className={styles.num}>Share</th>
              <th className={styles.num}>Disputed</th>
            </tr>
          </thead>
          <tbody>
            {byCause.map((row) => (
              <tr key={row.cause}>
                <td>
                  <Link href={drilldownHref('disputes', linkQuery, { cause: row.cause })}>{humanize(row.cause)}</Link>
                </td>
                <td className={styles.num}>{formatCount(row.count)}</td>
                <td className={styles.num}>{formatRate(opened === 0 ? null : row.count / opened)}</td>
                <td className={styles.num}>{formatCents(row.disputedCents, data.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
