'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useFormat } from '@/components/i18n/use-format';
import { ChartFrame } from '@/components/charts/chart-frame';
import { LazySeriesChart } from '@/components/charts/lazy';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
import { drilldownHref } from '@/lib/drilldown';
import { useTRPC } from '@/lib/trpc/react';
import styles from './compensation.module.css';

/** The KPI engine's `byRegion` (the customer's region) for the period; a bar opens its compensations. */
export function RegionBreakdown({ input, linkQuery }: { input: DashboardQueryInput; linkQuery: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const t = useTranslations('compensation.regions');
  const f = useFormat();
  const { data } = useSuspenseQuery(trpc.compensation.summary.queryOptions(input));
  const { data: options } = useSuspenseQuery(trpc.dashboard.filterOptions.queryOptions());
  const nameOf = (code: string) => options.regions.find((r) => r.code === code)?.name ?? code;
  const rows = data.current.byRegion.map((r) => ({
    region: r.key,
    name: nameOf(r.key),
    count: r.count,
    totalCents: r.totalCents,
  }));
  const hrefOf = (region: string) => drilldownHref('compensations', linkQuery, { region });
  return (
    <div>
      <ChartFrame
        title={t('title')}
        description={t('description')}
        columns={[
          { key: 'name', label: t('region') },
          { key: 'count', label: t('count') },
          { key: 'totalCents', label: t('cost'), kind: 'cents' },
        ]}
        rows={rows}
        currency={data.currency}
      >
        <LazySeriesChart
          kind="bar"
          data={rows}
          xKey="region"
          series={[{ key: 'totalCents', label: t('cost'), color: 'var(--chart-6)' }]}
          valueKind="cents"
          currency={data.currency}
          onSelect={(region) => router.push(hrefOf(region))}
        />
      </ChartFrame>
      <ul className={styles.drillList} aria-label={t('drillLabel')}>
        {rows.map((r) => (
          <li key={r.region}>
            <Link href={hrefOf(r.region)} title={r.name}>
              {t('item', { region: r.region, amount: f.cents(r.totalCents, data.currency) })}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
