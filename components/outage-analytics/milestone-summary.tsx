'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useFormat } from '@/components/i18n/use-format';
import { ChartFrame } from '@/components/charts/chart-frame';
import { LazySeriesChart } from '@/components/charts/lazy';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
import { MILESTONE_ORDER, targetStatus } from '@/lib/outage-targets';
import { useWords } from '@/components/ui/vocab';
import { useTRPC } from '@/lib/trpc/react';
import styles from './outage-analytics.module.css';

/** Median and p90 minutes to each milestone (KPI engine), against the targets. */
export function MilestoneSummary({ input }: { input: DashboardQueryInput }) {
  const trpc = useTRPC();
  const t = useTranslations('outageAnalytics.summary');
  const f = useFormat();
  const words = useWords();
  const { data } = useSuspenseQuery(trpc.outages.summary.queryOptions(input));
  const { data: targets } = useSuspenseQuery(trpc.outageResponse.targets.queryOptions());
  const rows = MILESTONE_ORDER.map((milestone) => {
    const figures = data.current.milestones.find((m) => m.milestone === milestone);
    return {
      milestone,
      label: words('milestone', milestone),
      target: targets[milestone],
      median: figures?.median ?? null,
      p90: figures?.p90 ?? null,
      missing: figures?.missing ?? 0,
    };
  });
  const hasData = data.current.count > 0;
  // Resolution takes hours and would flatten the communication milestones; it stays in the table.
  const chartRows = rows.filter((r) => r.milestone !== 'resolve');
  return (
    <div className="grid-2">
      <section className="card table-scroll" aria-labelledby="milestones">
        <h2 id="milestones">{t('title')}</h2>
        <p className={`muted ${styles.caption}`}>{t('caption', { count: f.count(data.current.count) })}</p>
        <table className={`data ${styles.table}`}>
          <thead>
            <tr>
              <th>{t('milestone')}</th>
              <th className={styles.num}>{t('target')}</th>
              <th className={styles.num}>{t('median')}</th>
              <th className={styles.num}>{t('p90')}</th>
              <th className={styles.num} title={t('missingTitle')}>
                {t('missing')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.milestone}>
                <td>{row.label}</td>
                <td className={styles.num}>{t('targetValue', { target: row.target })}</td>
                <Minutes value={row.median} target={row.target} />
                <Minutes value={row.p90} target={row.target} />
                <td className={`${styles.num} ${row.missing > 0 ? styles.missing : ''}`}>{f.count(row.missing)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <ChartFrame
        title={t('chartTitle')}
        description={t('chartDescription')}
        columns={[
          { key: 'label', label: t('milestone') },
          { key: 'target', label: t('target'), kind: 'minutes' },
          { key: 'median', label: t('median'), kind: 'minutes' },
          { key: 'p90', label: t('p90'), kind: 'minutes' },
        ]}
        rows={hasData ? chartRows : []}
      >
        <LazySeriesChart
          kind="bar"
          data={chartRows}
          xKey="label"
          valueKind="minutes"
          series={[
            { key: 'median', label: t('median'), color: 'var(--chart-1)' },
            { key: 'p90', label: t('p90'), color: 'var(--chart-2)' },
            { key: 'target', label: t('target'), color: 'var(--chart-3)' },
          ]}
        />
      </ChartFrame>
    </div>
  );
}

function Minutes({ value, target }: { value: number | null; target: number }) {
  const t = useTranslations('outageAnalytics');
  const f = useFormat();
  const status = targetStatus(value, target);
  return (
    <td className={`${styles.num} ${status === 'missing' ? 'muted' : styles[status]}`}>
      {value === null ? '—' : t('minutes', { value: f.decimal(value, 1) })}
    </td>
  );
}
