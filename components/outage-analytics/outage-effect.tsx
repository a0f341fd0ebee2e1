'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useFormat } from '@/components/i18n/use-format';
import { ChartFrame } from '@/components/charts/chart-frame';
import { LazySeriesChart } from '@/components/charts/lazy';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
import type { Formats } from '@/lib/format';
import { useTRPC } from '@/lib/trpc/react';
import styles from './outage-analytics.module.css';

type Group = {
  customers: number;
  disputes: number;
  disputesPer1000: number | null;
  churned: number;
  churnRate: number | null;
};

const round1 = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

/** How many times the affected figure is the others' one, e.g. "×2.3"; — when either is missing. */
function times(affected: number | null, others: number | null, f: Formats): string {
  if (affected === null || others === null || others === 0) return '—';
  return `×${f.decimal(affected / others, 1)}`;
}

/**
 * The 30 days after each outage started in the period: disputes opened per 1,000 customers and
 * churn, for the customers it affected against everyone else active at its start.
 */
export function OutageEffect({ input }: { input: DashboardQueryInput }) {
  const trpc = useTRPC();
  const t = useTranslations('outageAnalytics.effect');
  const f = useFormat();
  const per1000 = (value: number | null) => (value === null ? '—' : f.decimal(value, 1));
  const { data } = useSuspenseQuery(trpc.outageResponse.effect.queryOptions(input));
  if (data.outages === 0) return <p className="card muted">{t('empty')}</p>;
  const rows: { label: string; group: Group }[] = [
    { label: t('affected'), group: data.affected },
    { label: t('others'), group: data.others },
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
        <h3 id="outage-effect">{t('title')}</h3>
        <p className={`muted ${styles.caption}`}>
          {t('caption', {
            count: f.count(data.outages),
            region: input.region ? t('onlyRegion', { region: input.region }) : '',
          })}
          {data.windowsOpen > 0 ? t('windowsOpen', { count: f.count(data.windowsOpen) }) : ''}
        </p>
        <table className={`data ${styles.table}`}>
          <thead>
            <tr>
              <th>{t('customers')}</th>
              <th className={styles.num}>{t('customerOutages')}</th>
              <th className={styles.num}>{t('disputes')}</th>
              <th className={styles.num}>{t('per1000')}</th>
              <th className={styles.num}>{t('churned')}</th>
              <th className={styles.num}>{t('churnRate')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ label, group }) => (
              <tr key={label}>
                <td>{label}</td>
                <td className={styles.num}>{f.count(group.customers)}</td>
                <td className={styles.num}>{f.count(group.disputes)}</td>
                <td className={styles.num}>{per1000(group.disputesPer1000)}</td>
                <td className={styles.num}>{f.count(group.churned)}</td>
                <td className={styles.num}>{f.rate(group.churnRate, 2)}</td>
              </tr>
            ))}
            <tr>
              <td>{t('against')}</td>
              <td />
              <td />
              <td className={styles.num} data-testid="effect-disputes-ratio">
                {times(data.affected.disputesPer1000, data.others.disputesPer1000, f)}
              </td>
              <td />
              <td className={styles.num}>{times(data.affected.churnRate, data.others.churnRate, f)}</td>
            </tr>
          </tbody>
        </table>
      </section>
      <div className="grid-2">
        <ChartFrame
          title={t('disputesChart')}
          description={t('chartDescription')}
          columns={[
            { key: 'outage', label: t('outage') },
            { key: 'affected', label: t('affectedShort') },
            { key: 'others', label: t('everyoneElse') },
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
              { key: 'affected', label: t('affectedShort'), color: 'var(--chart-2)' },
              { key: 'others', label: t('everyoneElse'), color: 'var(--chart-1)' },
            ]}
          />
        </ChartFrame>
        <ChartFrame
          title={t('churnChart')}
          description={t('chartDescription')}
          columns={[
            { key: 'outage', label: t('outage') },
            { key: 'affectedChurn', label: t('affectedShort'), kind: 'rate' },
            { key: 'othersChurn', label: t('everyoneElse'), kind: 'rate' },
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
              { key: 'affectedChurn', label: t('affectedShort'), color: 'var(--chart-2)' },
              { key: 'othersChurn', label: t('everyoneElse'), color: 'var(--chart-1)' },
            ]}
          />
        </ChartFrame>
      </div>
    </>
  );
}
