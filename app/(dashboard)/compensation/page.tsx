import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { CompensationKpis } from '@/components/compensation/compensation-kpis';
import styles from '@/components/compensation/compensation.module.css';
import { CreditOutliers } from '@/components/compensation/credit-outliers';
import { KindTable } from '@/components/compensation/kind-table';
import { KindTrendChart } from '@/components/compensation/kind-trend-chart';
import { RegionBreakdown } from '@/components/compensation/region-breakdown';
import { CompensationRepTable } from '@/components/compensation/rep-table';
import { FilterBarLoader } from '@/components/dashboard/filter-bar-loader';
import { FilterError } from '@/components/dashboard/filter-error';
import { getQueryClient, HydrateClient, trpc } from '@/server/api/server-helpers';
import { loadDashboardPage } from '@/server/loaders/dashboard-page';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('compensation');
  return { title: t('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const loading = (text: string) => <p className="muted">{text}</p>;

export default async function CompensationPage({ searchParams }: Props) {
  const page = await loadDashboardPage(searchParams);
  const t = await getTranslations('compensation');
  if (!page.ok) {
    return (
      <>
        <h1>{t('title')}</h1>
        <FilterError message={page.error} path="/compensation" />
      </>
    );
  }
  const queryClient = getQueryClient();
  void queryClient.prefetchQuery(trpc.compensation.summary.queryOptions(page.input));
  void queryClient.prefetchQuery(trpc.compensation.kindMonthly.queryOptions(page.input));
  void queryClient.prefetchQuery(trpc.compensation.creditOutliers.queryOptions(page.input));
  const { input, linkQuery } = page;
  return (
    <HydrateClient>
      <h1>{t('title')}</h1>
      <Suspense fallback={<div className="filters muted">{t('loadingFilters')}</div>}>
        <FilterBarLoader filters={page.filters} />
      </Suspense>
      <Suspense fallback={loading(t('loading.figures'))}>
        <CompensationKpis input={input} linkQuery={linkQuery} />
      </Suspense>
      <Suspense fallback={loading(t('loading.trend'))}>
        <KindTrendChart input={input} />
      </Suspense>
      <div className="grid-2">
        <Suspense fallback={loading(t('loading.kinds'))}>
          <KindTable input={input} linkQuery={linkQuery} />
        </Suspense>
        <Suspense fallback={loading(t('loading.regions'))}>
          <RegionBreakdown input={input} linkQuery={linkQuery} />
        </Suspense>
      </div>
      <h2 className={styles.heading}>{t('byRepHeading')}</h2>
      <Suspense fallback={loading(t('loading.reps'))}>
        <CompensationRepTable input={input} linkQuery={linkQuery} />
      </Suspense>
      <h2 className={styles.heading}>{t('outliersHeading')}</h2>
      <Suspense fallback={loading(t('loading.outliers'))}>
        <CreditOutliers input={input} linkQuery={linkQuery} />
      </Suspense>
    </HydrateClient>
  );
}
