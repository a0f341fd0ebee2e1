import type { Metadata } from 'next';
import { Suspense } from 'react';
import { FilterBarLoader } from '@/components/dashboard/filter-bar-loader';
import { FilterError } from '@/components/dashboard/filter-error';
import { MilestoneSummary } from '@/components/outages/milestone-summary';
import { OutageKpis } from '@/components/outages/outage-kpis';
import { OutageTable } from '@/components/outages/outage-table';
import styles from '@/components/outages/outages.module.css';
import { TargetsNote } from '@/components/outages/targets-note';
import { getQueryClient, HydrateClient, trpc } from '@/server/api/server-helpers';
import { loadDashboardPage } from '@/server/services/dashboard-page';

export const metadata: Metadata = { title: 'Outages' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const loading = (what: string) => <p className="muted">Loading {what}…</p>;

export default async function OutagesPage({ searchParams }: Props) {
  const page = await loadDashboardPage(searchParams);
  if (!page.ok) {
    return (
      <>
        <h1>Outages</h1>
        <FilterError message={page.error} path="/outages" />
      </>
    );
  }
  const queryClient = getQueryClient();
  void queryClient.prefetchQuery(trpc.outages.summary.queryOptions(page.input));
  void queryClient.prefetchQuery(trpc.outages.list.queryOptions(page.input));
  const { input } = page;
  return (
    <HydrateClient>
      <h1>Outages</h1>
      <Suspense fallback={<div className="filters muted">Loading filters…</div>}>
        <FilterBarLoader filters={page.filters} showRep={false} />
      </Suspense>
      <Suspense fallback={loading('outage figures')}>
        <TargetsNote input={input} />
        <OutageKpis input={input} />
        <MilestoneSummary input={input} />
      </Suspense>
      <h2 className={styles.heading}>Outages started in the period</h2>
      <Suspense fallback={loading('outages')}>
        <OutageTable input={input} />
      </Suspense>
    </HydrateClient>
  );
}
