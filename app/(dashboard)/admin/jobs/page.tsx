import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { JobsView } from '@/components/admin-jobs/jobs-view';
import { getQueryClient, HydrateClient, trpc } from '@/server/api/server-helpers';
import { requireRole } from '@/server/auth/guards';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('adminJobs');
  return { title: t('title') };
}

/** The background jobs: each queue's counts, the latest failures with their reason, and retrying one. */
export default async function JobsPage() {
  await requireRole('admin');
  const t = await getTranslations('adminJobs');
  const queryClient = getQueryClient();
  void queryClient.prefetchQuery(trpc.adminJobs.overview.queryOptions());
  return (
    <HydrateClient>
      <h1>{t('title')}</h1>
      <Suspense fallback={<p className="muted">{t('loading')}</p>}>
        <JobsView />
      </Suspense>
    </HydrateClient>
  );
}
