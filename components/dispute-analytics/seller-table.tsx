'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useFormat } from '@/components/i18n/use-format';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
import { drilldownHref } from '@/lib/drilldown';
import { useTRPC } from '@/lib/trpc/react';
import styles from './dispute-analytics.module.css';

/** First-bill disputes opened in the period, by the rep who sold the contract. */
export function FirstBillSellerTable({ input, linkQuery }: { input: DashboardQueryInput; linkQuery: string }) {
  const trpc = useTRPC();
  const t = useTranslations('disputeAnalytics.sellers');
  const f = useFormat();
  const { data } = useSuspenseQuery(trpc.disputes.firstBillBySeller.queryOptions(input));
  const total = data.rows.reduce((sum, r) => sum + r.count, 0);
  return (
    <div className="card table-scroll">
      <p className={`muted ${styles.caption}`}>{t('caption')}</p>
      {total === 0 ? (
        <p className="muted">{t('empty')}</p>
      ) : (
        <table className={`data ${styles.table}`}>
          <thead>
            <tr>
              <th>{t('soldBy')}</th>
              <th className={styles.num}>{t('count')}</th>
              <th className={styles.num}>{t('share')}</th>
              <th className={styles.num}>{t('disputed')}</th>
              <th className={styles.num}>{t('undue')}</th>
              <th className={styles.num}>{t('credited')}</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((row) => (
              <tr key={row.seller ?? ''}>
                <td>
                  {row.seller === null ? (
                    <span className="muted">{t('noSeller')}</span>
                  ) : (
                    <Link
                      href={drilldownHref('disputes', linkQuery, { firstBill: 'true', soldBy: row.seller })}
                      title={row.seller}
                    >
                      {row.name ?? row.seller}
                    </Link>
                  )}
                </td>
                <td className={styles.num}>{f.count(row.count)}</td>
                <td className={styles.num}>{f.rate(row.count / total)}</td>
                <td className={styles.num}>{f.cents(row.disputedCents, data.currency)}</td>
                <td className={styles.num}>{f.count(row.undueSoFar)}</td>
                <td className={styles.num}>{f.cents(row.creditedSoFarCents, data.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
