import type { Metadata } from 'next';
import { Suspense } from 'react';
import { MyCases } from '@/components/retention-calls/my-cases';
import { MySaveRate } from '@/components/retention-calls/my-save-rate';
import { getQueryClient, HydrateClient, trpc } from '@/server/api/server-helpers';
import { requireRole } from '@/server/auth/guards';

export const metadata: Metadata = { title: 'My retention cases' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** `?page=n`; anything else is page 1. */
function pageFrom(value: string | string[] | undefined): number {
  const page = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1;
}

export default async function MyRetentionCasesPage({ searchParams }: Props) {
  await requireRole('rep');
  const page = pageFrom((await searchParams).page);
  const queryClient = getQueryClient();
  void queryClient.prefetchQuery(trpc.retentionCalls.mySaveRate.queryOptions());
  void queryClient.prefetchQuery(trpc.retentionCalls.myCases.queryOptions({ page }));
  return (
    <HydrateClient>
      <h1>My retention cases</h1>
      <Suspense fallback={<p className="muted">Loading your save rate…</p>}>
        <MySaveRate />
      </Suspense>
      <Suspense fallback={<p className="muted">Loading your cases…</p>}>
        <MyCases page={page} />
      </Suspense>
    </HydrateClient>
  );
}
