import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { createLoader } from 'nuqs/server';
import Link from 'next/link';
import { Suspense } from 'react';
import { FilterBarLoader } from '@/components/dashboard/filter-bar-loader';
import { FilterError } from '@/components/dashboard/filter-error';
import { ApiTokensPanel } from '@/components/exports/api-tokens-panel';
import { ExportPanel } from '@/components/exports/export-panel';
import { exportDatasetParser } from '@/lib/schemas/exports';
import { getQueryClient, HydrateClient, trpc } from '@/server/api/server-helpers';
import { EXPORT_ROLES } from '@/server/export/plan';
import { loadDashboardPage } from '@/server/loaders/dashboard-page';
import { loadDisplaySettings } from '@/server/loaders/display-settings';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('exports');
  return { title: t('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const loadDataset = createLoader({ dataset: exportDatasetParser });

/** Downloads of the rows behind the dashboard, with its filters, and the user's API tokens. */
export default async function ExportsPage({ searchParams }: Props) {
  const page = await loadDashboardPage(searchParams, [...EXPORT_ROLES]);
  const t = await getTranslations('exports');
  const queryClient = getQueryClient();
  void queryClient.prefetchQuery(trpc.apiTokens.list.queryOptions());
  const { timezone } = await loadDisplaySettings();
  let exportSection;
  if (page.ok) {
    const { dataset } = loadDataset(await searchParams);
    void queryClient.prefetchQuery(trpc.exports.count.queryOptions({ dataset, ...page.input }));
    exportSection = (
      <>
        <Suspense fallback={<div className="filters muted">{t('loadingFilters')}</div>}>
          <FilterBarLoader filters={page.filters} />
        </Suspense>
        <Suspense fallback={<p className="muted">{t('counting')}</p>}>
          <ExportPanel input={page.input} timezone={page.filters.timezone} />
        </Suspense>
      </>
    );
  } else {
    exportSection = <FilterError message={page.error} path="/exports" />;
  }
  return (
    <HydrateClient>
      <h1>{t('title')}</h1>
      <p className="muted">
        {t('intro')}
        {page.user.role === 'analyst' ? t('analystIntro') : null}
      </p>
      {exportSection}
      <p>
        <Link href="/exports/schedules">Scheduled exports</Link>: send a dataset by email every day, week or month.
      </p>
      <Suspense fallback={<p className="muted">{t('loadingTokens')}</p>}>
        <ApiTokensPanel timezone={timezone} />
      </Suspense>
    </HydrateClient>
  );
}
