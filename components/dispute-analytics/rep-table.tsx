'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useFormat } from '@/components/i18n/use-format';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
import { drilldownHref } from '@/lib/drilldown';
import { useTRPC } from '@/lib/trpc/react';
import styles from './dispute-analytics.module.css';

/** Dispute figures per assigned rep; the rep opens their disputes. */
export function DisputeRepTable({ input, linkQuery }: { input: DashboardQueryInput; linkQuery: string }) {
  const trpc = useTRPC();
  const t = useTranslations('disputeAnalytics.reps');
  const f = useFormat();
  const { data } = useSuspenseQuery(trpc.disputes.byRep.queryOptions(input));
  if (data.rows.length === 0) return <p className="muted card">{t('empty')}</p>;
  return (
    <div className="card table-scroll">
      <p className={`muted ${styles.caption}`}>{t('caption')}</p>
      <table className={`data ${styles.table}`}>
        <thead>
          <tr>
            <th>{t('rep')}</th>
            <th className={styles.num}>{t('opened')}</th>
            <th className={styles.num}>{t('resolved')}</th>
            <th className={styles.num}>{t('sla')}</th>
            <th className={styles.num}>{t('median')}</th>
            <th className={styles.num}>{t('credited')}</th>
          </tr>
        </thead>
        <tbody>
          {data.rows.map((row) => (
            <tr key={row.rep ?? ''}>
              <td>
                {row.rep === null ? (
                  <span className="muted">{t('unassigned')}</span>
                ) : (
                  <Link href={drilldownHref('disputes', linkQuery, { rep: row.rep })} title={row.rep}>
                    {row.name ?? row.rep}
                  </Link>
                )}
              </td>
              <td className={styles.num}>{f.count(row.opened)}</td>
              <td className={styles.num}>{f.count(row.resolved)}</td>
              <td className={styles.num}>{f.rate(row.slaComplianceRate)}</td>
              <td className={styles.num}>
                {row.medianHoursToResolve === null
                  ? '—'
                  : t('hours', { hours: f.decimal(row.medianHoursToResolve, 1) })}
              </td>
              <td className={styles.num}>{f.cents(row.creditedCents, data.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
