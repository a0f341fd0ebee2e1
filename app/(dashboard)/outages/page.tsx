import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { FilterBarLoader } from '@/components/dashboard/filter-bar-loader';
import { FilterError } from '@/components/dashboard/filter-error';
import { MilestoneSummary } from '@/components/outage-analytics/milestone-summary';
import { OutageEffect } from '@/components/outage-analytics/outage-effect';
import { OutageKpis } from '@/components/outage-analytics/outage-kpis';
import { OutageTable } from '@/components/outage-analytics/outage-table';
import { OutageTrends } from '@/components/outage-analytics/outage-trends';
import styles from '@/components/outage-analytics/outage-analytics.module.css';
import { TargetsNote } from '@/components/outage-analytics/targets-note';
import { getQueryClient, HydrateClient, trpc } from '@/server/api/server-helpers';
import { loadDashboardPage } from '@/server/loaders/dashboard-page';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('outageAnalytics');
  return { title: t('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const loading = (text: string) => <p className="muted">{text}</p>;

export default async function OutagesPage({ searchParams }: Props) {
  const page = await loadDashboardPage(searchParams);
  const t = await getTranslations('outageAnalytics');
  const declare =
    page.user.role === 'manager' || page.user.role === 'admin' ? (
      <Link className="btn" href="/outages/new" data-testid="declare-outage">
        {t('declare')}
      </Link>
    ) : null;
  const heading = (
    <div className={styles.pageHead}>
      <h1>{t('title')}</h1>
      {declare}
    </div>
  );
  if (!page.ok) {
    return (
      <>
        {heading}
        <FilterError message={page.error} path="/outages" />
      </>
    );
  }
  const queryClient = getQueryClient();
  const { input } = page;
  void queryClient.prefetchQuery(trpc.outageResponse.targets.queryOptions());
  void queryClient.prefetchQuery(trpc.outages.summary.queryOptions(input));
  void queryClient.prefetchQuery(trpc.outages.list.queryOptions(input));
  void queryClient.prefetchQuery(trpc.dashboard.series.queryOptions(input));
  void queryClient.prefetchQuery(trpc.outageResponse.effect.queryOptions(input));
  return (
    <HydrateClient>
      {heading}
      <Suspense fallback={<div className="filters muted">{t('loadingFilters')}</div>}>
        <FilterBarLoader filters={page.filters} showRep={false} />
      </Suspense>
      <Suspense fallback={loading(t('loading.figures'))}>
        <TargetsNote />
        <OutageKpis input={input} />
        <MilestoneSummary input={input} />
      </Suspense>
      <h2 className={styles.heading}>{t('startedHeading')}</h2>
      <Suspense fallback={loading(t('loading.outages'))}>
        <OutageTable input={input} />
      </Suspense>
      <h2 className={styles.heading}>{t('acrossHeading')}</h2>
      <Suspense fallback={loading(t('loading.trends'))}>
        <OutageTrends input={input} />
      </Suspense>
      <Suspense fallback={loading(t('loading.effect'))}>
        <OutageEffect input={input} />
      </Suspense>
    </HydrateClient>
  );
}
