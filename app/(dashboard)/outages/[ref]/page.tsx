import { TRPCError } from '@trpc/server';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { OutageView } from '@/components/outage-response/outage-view';
import { getQueryClient, HydrateClient, trpc } from '@/server/api/server-helpers';
import { requireRole } from '@/server/auth/guards';

type Props = { params: Promise<{ ref: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { ref } = await params;
  return { title: `Outage ${decodeURIComponent(ref)}` };
}

export default async function OutagePage({ params }: Props) {
  await requireRole('manager', 'analyst', 'admin');
  const ref = decodeURIComponent((await params).ref);
  const queryClient = getQueryClient();
  // Awaited, not just prefetched: an outage outside the user's region is a 404, like a missing one.
  try {
    await queryClient.fetchQuery(trpc.outageResponse.get.queryOptions({ ref }));
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')) notFound();
    throw error;
  }
  void queryClient.prefetchQuery(trpc.outageResponse.compensation.queryOptions({ ref }));
  return (
    <HydrateClient>
      <p className="muted">
        <Link href="/outages">← Outages</Link>
      </p>
      <Suspense fallback={<p className="muted">Loading the outage…</p>}>
        <OutageView outageRef={ref} />
      </Suspense>
    </HydrateClient>
  );
}
