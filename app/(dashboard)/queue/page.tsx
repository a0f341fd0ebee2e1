import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { createLoader } from 'nuqs/server';
import { Suspense } from 'react';
import { FilterError } from '@/components/dashboard/filter-error';
import { QueueView } from '@/components/queue/queue-view';
import { queueFiltersOf, queueRequest, queueUrlParsers } from '@/lib/schemas/queue';
import { getQueryClient, HydrateClient, trpc } from '@/server/api/server-helpers';
import { requireRole } from '@/server/auth/guards';
import { loadDisplaySettings } from '@/server/loaders/display-settings';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('queue');
  return { title: t('title.mine') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const loadQueueUrl = createLoader(queueUrlParsers);

/** Unresolved disputes by SLA deadline: a rep's own, or a manager's region (all for a national manager). */
export default async function QueuePage({ searchParams }: Props) {
  const user = await requireRole('rep', 'manager');
  const manager = user.role === 'manager';
  const t = await getTranslations('queue');
  const title = manager
    ? user.regionCode
      ? t('title.region', { region: user.regionCode })
      : t('title.all')
    : t('title.mine');
  const request = queueRequest(loadQueueUrl(await searchParams));
  if (!request.ok) {
    return (
      <>
        <h1>{title}</h1>
        <FilterError message={request.error} path="/queue" />
      </>
    );
  }
  // A rep's queue is always their own; the assignee filter is a manager's.
  const input = manager ? request.input : { ...request.input, assignee: null };
  const queryClient = getQueryClient();
  void queryClient.prefetchQuery(trpc.queue.list.queryOptions(input));
  void queryClient.prefetchQuery(trpc.queue.counts.queryOptions(queueFiltersOf(input)));
  void queryClient.prefetchQuery(trpc.savedViews.list.queryOptions({ page: 'queue' }));
  if (manager) void queryClient.prefetchQuery(trpc.queue.assignees.queryOptions());
  const display = await loadDisplaySettings();
  return (
    <HydrateClient>
      <h1>{title}</h1>
      <Suspense fallback={<p className="muted">{t('loading')}</p>}>
        <QueueView input={input} manager={manager} display={display} />
      </Suspense>
    </HydrateClient>
  );
}
