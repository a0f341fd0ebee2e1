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
import type { BacklogAge } from '@/lib/schemas/cases';
import { useTRPC } from '@/lib/trpc/react';
import styles from './dispute-analytics.module.css';

/** The backlog at the end of the period by age since opened; a bar opens its disputes. */
export function BacklogAgeingChart({ input, linkQuery }: { input: DashboardQueryInput; linkQuery: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const t = useTranslations('disputeAnalytics.backlog');
  const f = useFormat();
  const ageLabel = (bucket: string) => t(`ages.${bucket as BacklogAge}`);
  const { data } = useSuspenseQuery(trpc.disputes.backlogAgeing.queryOptions(input));
  const total = data.reduce((sum, b) => sum + b.count, 0);
  const hrefOf = (bucket: string) => drilldownHref('disputes', linkQuery, { basis: 'backlog', age: bucket });
  const rows = data.map((b) => ({ age: ageLabel(b.bucket), count: b.count }));
  return (
    <div>
      <ChartFrame
        title={t('title')}
        description={t('description', { count: f.count(total), to: input.to })}
        columns={[
          { key: 'age', label: t('openFor') },
          { key: 'count', label: t('disputes') },
        ]}
        rows={total === 0 ? [] : rows}
      >
        <LazySeriesChart
          kind="bar"
          data={rows}
          xKey="age"
          series={[{ key: 'count', label: t('disputes'), color: 'var(--chart-2)' }]}
          valueKind="count"
          onSelect={(label) => {
            const bucket = data.find((b) => ageLabel(b.bucket) === label);
            if (bucket) router.push(hrefOf(bucket.bucket));
          }}
        />
      </ChartFrame>
      <ul className={styles.drillList} aria-label={t('drillLabel')}>
        {data.map((b) => (
          <li key={b.bucket}>
            <Link href={hrefOf(b.bucket)}>{t('item', { label: ageLabel(b.bucket), count: f.count(b.count) })}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
