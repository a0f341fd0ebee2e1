'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useFormat } from '@/components/i18n/use-format';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
import { useWords } from '@/components/ui/vocab';
import { MILESTONE_ORDER } from '@/lib/outage-targets';
import { useTRPC } from '@/lib/trpc/react';
import { MilestoneCell } from './milestone-cell';
import styles from './outage-analytics.module.css';

const MAX_REGIONS = 3;

/** The outages started in the period, latest first, each milestone coloured against its target. */
export function OutageTable({ input }: { input: DashboardQueryInput }) {
  const trpc = useTRPC();
  const t = useTranslations('outageAnalytics.table');
  const f = useFormat();
  const words = useWords();
  const { data: outages } = useSuspenseQuery(trpc.outages.list.queryOptions(input));
  const { data: summary } = useSuspenseQuery(trpc.outages.summary.queryOptions(input));
  const { data: targets } = useSuspenseQuery(trpc.outageResponse.targets.queryOptions());
  if (outages.length === 0) return <p className="card muted">{t('empty')}</p>;
  return (
    <div className="card table-scroll">
      <p className={`muted ${styles.caption}`}>
        {t.rich('legend', {
          timezone: summary.timezone,
          region: input.region ? t('onlyRegion', { region: input.region }) : '',
          met: (chunks) => <span className={styles.met}>{chunks}</span>,
          missed: (chunks) => <span className={styles.missed}>{chunks}</span>,
          missing: (chunks) => <span className={styles.missing}>{chunks}</span>,
        })}
      </p>
      <table className={`data ${styles.table}`}>
        <thead>
          <tr>
            <th>{t('ref')}</th>
            <th>{t('title')}</th>
            <th>{t('severity')}</th>
            <th>{t('regions')}</th>
            <th>{t('started')}</th>
            {MILESTONE_ORDER.map((m) => (
              <th key={m} className={styles.num} title={t('targetTitle', { target: targets[m] })}>
                {t(`short.${m}`)}
              </th>
            ))}
            <th className={styles.num}>{t('affected')}</th>
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
                {words('severity', o.severity)}
              </td>
              <td title={o.regions.join(', ') + (o.postcodes > 0 ? t('postcodesTitle', { count: o.postcodes }) : '')}>
                {o.regions.slice(0, MAX_REGIONS).join(', ')}
                {o.regions.length > MAX_REGIONS ? ` +${o.regions.length - MAX_REGIONS}` : ''}
                {o.postcodes > 0 ? (
                  <span className="muted">{t('postcodes', { count: f.count(o.postcodes) })}</span>
                ) : null}
              </td>
              <td className={styles.nowrap}>
                <time dateTime={o.startedAt}>{o.startedLocal}</time>
              </td>
              {MILESTONE_ORDER.map((m) => (
                <MilestoneCell key={m} minutes={o.minutes[m]} target={targets[m]} />
              ))}
              <td className={styles.num}>{f.count(o.affectedCustomers)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
