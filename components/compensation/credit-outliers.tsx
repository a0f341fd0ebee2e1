'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useFormat } from '@/components/i18n/use-format';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
import { drilldownHref } from '@/lib/drilldown';
import { useTRPC } from '@/lib/trpc/react';
import styles from './compensation.module.css';

/** Reps whose compensation per billing dispute is far above their peers', with the rule that flags them. */
export function CreditOutliers({ input, linkQuery }: { input: DashboardQueryInput; linkQuery: string }) {
  const trpc = useTRPC();
  const t = useTranslations('compensation.outliers');
  const f = useFormat();
  const { data } = useSuspenseQuery(trpc.compensation.creditOutliers.queryOptions(input));
  const money = (cents: number | null) => (cents === null ? '—' : f.cents(Math.round(cents), data.currency));
  const flagged = data.reps.filter((r) => r.flagged).length;
  return (
    <div className="card table-scroll">
      <p className={styles.rule} data-testid="outlier-rule">
        {t.rich('rule', {
          minCases: data.minCases,
          region: input.region ? t('inRegion', { region: input.region }) : '',
          median: money(data.peerMedianCents),
          peers: f.count(data.peers),
          factor: data.factor,
          strong: (chunks) => <strong>{chunks}</strong>,
        })}
      </p>
      {data.reps.length === 0 ? (
        <p className="muted">{t('empty')}</p>
      ) : (
        <table className={`data ${styles.table}`}>
          <caption className={`muted ${styles.tableCaption}`}>
            {flagged === 0 ? t('noneFlagged') : t('flagged', { count: flagged })}
          </caption>
          <thead>
            <tr>
              <th>{t('rep')}</th>
              <th className={styles.num}>{t('cases')}</th>
              <th className={styles.num}>{t('issued')}</th>
              <th className={styles.num}>{t('perCase')}</th>
              <th className={styles.num}>{t('ratio')}</th>
              <th>{t('flag')}</th>
            </tr>
          </thead>
          <tbody>
            {data.reps.map((r) => (
              <tr key={r.rep} className={r.flagged ? styles.flaggedRow : undefined} data-flagged={r.flagged}>
                <td>
                  <Link href={drilldownHref('compensations', linkQuery, { issuer: r.rep })} title={r.rep}>
                    {r.name}
                  </Link>
                </td>
                <td className={styles.num}>{f.count(r.cases)}</td>
                <td className={styles.num}>{money(r.totalCents)}</td>
                <td className={styles.num}>{money(r.perCaseCents)}</td>
                <td className={styles.num}>
                  {r.ratioToMedian === null ? '—' : t('ratioValue', { ratio: f.decimal(r.ratioToMedian, 2) })}
                </td>
                <td>
                  {r.flagged ? (
                    <span className={styles.flag}>{t('abovePeers')}</span>
                  ) : r.peer ? null : (
                    <span className="muted">{t('tooFew')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
