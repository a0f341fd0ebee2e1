import type { Metadata } from 'next';
import { Suspense } from 'react';
import { OverviewSnapshotCards } from '@/components/home/overview-snapshot-cards';
import { QueueSummaryCard } from '@/components/home/queue-summary-card';
import { requireUser } from '@/server/auth/guards';
import { getQueryClient, HydrateClient, trpc } from '@/server/api/server-helpers';

export const metadata: Metadata = { title: 'Home' };

export default async function HomePage() {
  const user = await requireUser();
  const queryClient = getQueryClient();
  if (user.role === 'rep') {
    void queryClient.prefetchQuery(trpc.queue.mySummary.queryOptions());
    return (
      <HydrateClient>
        <h1>My work</h1>
        <Suspense fallback={<p className="muted">Loading your queue…</p>}>
          <QueueSummaryCard />
        </Suspense>
      </HydrateClient>
    );
  }
  void queryClient.prefetchQuery(trpc.overview.snapshot.queryOptions());
  return (
    <HydrateClient>
      <h1>Overview{user.regionCode && user.role === 'manager' ? ` — ${user.regionCode}` : ''}</h1>
      <Suspense fallback={<p className="muted">Loading figures…</p>}>
        <OverviewSnapshotCards />
      </Suspense>
    </HydrateClient>
  );
}
