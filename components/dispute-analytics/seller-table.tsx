'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import Link from 'next/link';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
import { drilldownHref } from '@/lib/drilldown';
import { formatCents, formatCount, formatRate } from '@/lib/format';
import { useTRPC } from '@/lib/trpc/react';
import styles from './dispute-analytics.module.css';

/** First-bill disputes opened in the period, by the rep who sold the contract. */
export function FirstBillSellerTable({ input, linkQuery }: { input: DashboardQueryInput; linkQuery: string }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.disputes.firstBillBySeller.queryOptions(input));
  const total = data.rows.reduce((sum, r) => sum + r.count, 0);
  return (
    <div className="card table-scroll">
      <p className={`muted ${styles.caption}`}>
        Disputes about the customer&apos;s first bill (bill number 1) opened in the period, by the rep who sold the
        contract. The seller owns the follow-up. &ldquo;So far&rdquo; columns count what those disputes have been found
        and credited up to now.
      </p>
      {total === 0 ? (
        <p className="muted">No first-bill disputes were opened in this period.</p>
      ) : (
        <table className={`data ${styles.table}`}>
          <thead>
            <tr>
              <th>Sold by</th>
              <th className={styles.num}>First-bill disputes</th>
              <th className={styles.num}>Share</th>
              <th className={styles.num}>Disputed</th>
              <th className={styles.num}>Found undue so far</th>
              <th className={styles.num}>Credited so far</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((row) => (
              <tr key={row.seller ?? ''}>
                <td>
                  {row.seller === null ? (
                    <span className="muted">No seller recorded</span>
                  ) : (
                    <Link
                      href={drilldownHref('disputes', linkQuery, { firstBill: 'true', soldBy: row.seller })}
                      title={row.seller}
                    >
                      {row.name ?? row.seller}
                    </Link>
                  )}
                </td>
                <td className={styles.num}>{formatCount(row.count)}</td>
                <td className={styles.num}>{formatRate(row.count / total)}</td>
                <td className={styles.num}>{formatCents(row.disputedCents, data.currency)}</td>
                <td className={styles.num}>{formatCount(row.undueSoFar)}</td>
                <td className={styles.num}>{formatCents(row.creditedSoFarCents, data.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
