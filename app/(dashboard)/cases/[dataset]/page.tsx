import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { createLoader } from 'nuqs/server';
import { Suspense } from 'react';
import { CasesList } from '@/components/cases/cases-list';
import styles from '@/components/cases/cases.module.css';
import { DATASET_AREAS, describeCases } from '@/components/cases/describe-cases';
import { wordsOf } from '@/components/ui/vocab';
import { FilterBarLoader } from '@/components/dashboard/filter-bar-loader';
import { FilterError } from '@/components/dashboard/filter-error';
import { DRILLDOWN_DATASETS, drilldownParsers, type DrilldownDataset } from '@/lib/drilldown';
import { casesRequest, type CasesRequest } from '@/lib/schemas/cases';
import { getQueryClient, HydrateClient, trpc } from '@/server/api/server-helpers';
import { loadDashboardPage } from '@/server/loaders/dashboard-page';
import { loadDisplaySettings } from '@/server/loaders/display-settings';

type Props = {
  params: Promise<{ dataset: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const loadNarrowing = createLoader(drilldownParsers);

function isDataset(value: string): value is DrilldownDataset {
  return (DRILLDOWN_DATASETS as readonly string[]).includes(value);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { dataset } = await params;
  const t = await getTranslations('cases');
  return { title: isDataset(dataset) ? t(`datasets.${dataset}`) : t('notFound') };
}

function prefetch(request: CasesRequest) {
  const queryClient = getQueryClient();
  switch (request.dataset) {
    case 'disputes':
      return void queryClient.prefetchQuery(trpc.cases.disputes.queryOptions(request.input));
    case 'retention-cases':
      return void queryClient.prefetchQuery(trpc.cases.retentionCases.queryOptions(request.input));
    case 'churned-customers':
      return void queryClient.prefetchQuery(trpc.cases.churnedCustomers.queryOptions(request.input));
    case 'compensations':
      return void queryClient.prefetchQuery(trpc.cases.compensations.queryOptions(request.input));
  }
}

/** The rows behind a dashboard figure: `/cases/<dataset>?<dashboard filters>&<narrowing>`. */
export default async function CasesPage({ params, searchParams }: Props) {
  const { dataset } = await params;
  if (!isDataset(dataset)) notFound();
  const page = await loadDashboardPage(searchParams);
  const t = await getTranslations('cases');
  const label = t(`datasets.${dataset}`);
  if (!page.ok) {
    return (
      <>
        <h1>{label}</h1>
        <FilterError message={page.error} path={`/cases/${dataset}`} />
      </>
    );
  }
  const back = (
    <Link className={styles.back} href={`${DATASET_AREAS[dataset]}${page.linkQuery}`}>
      ← {t(`areas.${dataset}`)}
    </Link>
  );
  const parsed = casesRequest(dataset, page.input, loadNarrowing(await searchParams));
  if (!parsed.ok) {
    return (
      <>
        {back}
        <h1>{label}</h1>
        <FilterError message={parsed.error} path={`/cases/${dataset}${page.linkQuery}`} />
      </>
    );
  }
  prefetch(parsed.request);
  const { currency } = await loadDisplaySettings();
  return (
    <HydrateClient>
      {back}
      <h1 data-testid="cases-heading">{describeCases(parsed.request, t, wordsOf(await getTranslations('vocab')))}</h1>
      <Suspense fallback={<div className="filters muted">{t('loadingFilters')}</div>}>
        <FilterBarLoader filters={page.filters} showRep={dataset !== 'churned-customers'} />
      </Suspense>
      <Suspense fallback={<p className="muted">{t('loadingList')}</p>}>
        <CasesList request={parsed.request} timezone={page.filters.timezone} currency={currency} />
      </Suspense>
    </HydrateClient>
  );
}
