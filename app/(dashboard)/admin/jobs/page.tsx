import type { Metadata } from 'next';
import { Suspense } from 'react';
import { JobsView } from '@/components/admin-jobs/jobs-view';
import { getQueryClient, HydrateClient, trpc } from '@/server/api/server-helpers';
import { requireRole } from '@/server/auth/guards';

export const metadata: Metadata = { title: 'Jobs' };

/** The background jobs: each queue's counts, the latest failures with their reason, and retrying one. */
export default async function JobsPage() {
  await requireRole('admin');
  const queryClient = getQueryClient();
  void queryClient.prefetchQuery(trpc.adminJobs.overview.queryOptions());
  return (
    <HydrateClient>
      <h1>Jobs</h1>
      <Suspense fallback={<p className="muted">Loading the queues…</p>}>
        <JobsView />
      </Suspense>
    </HydrateClient>
  );
}
