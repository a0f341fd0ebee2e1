import type { Metadata } from 'next';
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

export const metadata: Metadata = { title: 'Exports' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const loadDataset = createLoader({ dataset: exportDatasetParser });

/** Downloads of the rows behind the dashboard, with its filters, and the user's API tokens. */
export default async function ExportsPage({ searchParams }: Props) {
  const page = await loadDashboardPage(searchParams, [...EXPORT_ROLES]);
  const queryClient = getQueryClient();
  void queryClient.prefetchQuery(trpc.apiTokens.list.queryOptions());
  const { timezone } = await loadDisplaySettings();
  let exportSection;
  if (page.ok) {
    const { dataset } = loadDataset(await searchParams);
    void queryClient.prefetchQuery(trpc.exports.count.queryOptions({ dataset, ...page.input }));
    exportSection = (
      <>
        <Suspense fallback={<div className="filters muted">Loading filters…</div>}>
          <FilterBarLoader filters={page.filters} />
        </Suspense>
        <Suspense fallback={<p className="muted">Counting rows…</p>}>
          <ExportPanel input={page.input} timezone={page.filters.timezone} />
        </Suspense>
      </>
    );
  } else {
    exportSection = <FilterError message={page.error} path="/exports" />;
  }
  return (
    <HydrateClient>
      <h1>Exports</h1>
      <p className="muted">
        The rows behind the dashboard as CSV or XLSX, in the columns of the import, for the period, region and rep
        chosen below.
        {page.user.role === 'analyst' ? ' Customer names are left out of analysts’ exports.' : null}
      </p>
      {exportSection}
      <p>
        <Link href="/exports/schedules">Scheduled exports</Link>: send a dataset by email every day, week or month.
      </p>
      <Suspense fallback={<p className="muted">Loading your API tokens…</p>}>
        <ApiTokensPanel timezone={timezone} />
      </Suspense>
    </HydrateClient>
  );
}
