'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useFormat } from '@/components/i18n/use-format';
import { capitalize, useWords } from '@/components/ui/vocab';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
import { drilldownHref } from '@/lib/drilldown';
import { useTRPC } from '@/lib/trpc/react';
import styles from './dispute-analytics.module.css';

/** The KPI engine's `byCause` for the period, each cause linking to its disputes. */
export function CauseTable({ input, linkQuery }: { input: DashboardQueryInput; linkQuery: string }) {
  const trpc = useTRPC();
  const t = useTranslations('disputeAnalytics.causes');
  const f = useFormat();
  const words = useWords();
  const { data } = useSuspenseQuery(trpc.disputes.summary.queryOptions(input));
  const { byCause, opened } = data.current;
  return (
    <section className="card table-scroll" aria-labelledby="by-cause">
      <h2 id="by-cause">{t('title')}</h2>
      {byCause.length === 0 ? (
        <p className="muted">{t('empty')}</p>
      ) : (
        <table className={`data ${styles.table}`}>
          <thead>
            <tr>
              <th>{t('cause')}</th>
              <th className={styles.num}>{t('opened')}</th>
              <th className={styles.num}>{t('share')}</th>
              <th className={styles.num}>{t('disputed')}</th>
            </tr>
          </thead>
          <tbody>
            {byCause.map((row) => (
              <tr key={row.cause}>
                <td>
                  <Link href={drilldownHref('disputes', linkQuery, { cause: row.cause })}>
                    {capitalize(words('disputeCause', row.cause))}
                  </Link>
                </td>
                <td className={styles.num}>{f.count(row.count)}</td>
                <td className={styles.num}>{f.rate(opened === 0 ? null : row.count / opened)}</td>
                <td className={styles.num}>{f.cents(row.disputedCents, data.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
