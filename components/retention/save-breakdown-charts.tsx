'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { ChartFrame } from '@/components/charts/chart-frame';
import { LazySeriesChart } from '@/components/charts/lazy';
import { useFormat } from '@/components/i18n/use-format';
import styles from './retention.module.css';

export interface SaveBreakdownRow {
  key: string;
  label: string;
  closed: number;
  saved: number;
  saveRate: number | null;
  href: string;
}

/**
 * Closed cases broken down by one dimension: the save rate, and saves against losses, as two
 * bar charts; a click on a bar, or on its link, opens the closed cases behind it.
 */
export function SaveBreakdownCharts({
  dimension,
  rows,
}: {
  dimension: 'offer' | 'reason';
  rows: readonly SaveBreakdownRow[];
}) {
  const router = useRouter();
  const t = useTranslations('retention.breakdown');
  const f = useFormat();
  const data = rows.map((r) => ({
    label: r.label,
    closed: r.closed,
    saved: r.saved,
    lost: r.closed - r.saved,
    saveRate: r.saveRate,
  }));
  const columns = [
    { key: 'label', label: t(`dimension.${dimension}`) },
    { key: 'closed', label: t('closed') },
    { key: 'saved', label: t('saved') },
    { key: 'lost', label: t('lost') },
    { key: 'saveRate', label: t('saveRate'), kind: 'rate' as const },
  ];
  const hrefByLabel = new Map(rows.map((r) => [r.label, r.href]));
  const onSelect = (label: string) => {
    const href = hrefByLabel.get(label);
    if (href) router.push(href);
  };
  return (
    <div>
      <div className="grid-2">
        <ChartFrame
          title={t(`rateTitle.${dimension}`)}
          description={t('rateDescription')}
          columns={columns}
          rows={data}
        >
          <LazySeriesChart
            kind="bar"
            data={data}
            xKey="label"
            series={[{ key: 'saveRate', label: t('saveRate'), color: 'var(--chart-3)' }]}
            valueKind="rate"
            xTicks="all"
            onSelect={onSelect}
          />
        </ChartFrame>
        <ChartFrame
          title={t(`outcomeTitle.${dimension}`)}
          description={t('outcomeDescription')}
          columns={columns}
          rows={data}
        >
          <LazySeriesChart
            kind="bar"
            data={data}
            xKey="label"
            series={[
              { key: 'saved', label: t('saved'), color: 'var(--chart-3)', stackId: 'outcome' },
              { key: 'lost', label: t('lost'), color: 'var(--chart-5)', stackId: 'outcome' },
            ]}
            valueKind="count"
            xTicks="all"
            onSelect={onSelect}
          />
        </ChartFrame>
      </div>
      {rows.length > 0 ? (
        <nav className={styles.drill} aria-label={t(`drillLabel.${dimension}`)}>
          {rows.map((r) => (
            <Link key={r.key} href={r.href}>
              {t('drillItem', {
                label: r.label,
                saved: f.count(r.saved),
                closed: f.count(r.closed),
                rate: f.rate(r.saveRate),
              })}
            </Link>
          ))}
        </nav>
      ) : null}
    </div>
  );
}
