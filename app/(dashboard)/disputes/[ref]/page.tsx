import { TRPCError } from '@trpc/server';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { CaseView } from '@/components/dispute-case/case-view';
import { getQueryClient, HydrateClient, trpc } from '@/server/api/server-helpers';
import { requireRole } from '@/server/auth/guards';

type Props = { params: Promise<{ ref: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { ref } = await params;
  return { title: `Dispute ${decodeURIComponent(ref)}` };
}

export default async function DisputeCasePage({ params }: Props) {
  const user = await requireRole('rep', 'manager', 'analyst', 'admin');
  const ref = decodeURIComponent((await params).ref);
  const worksQueue = user.role === 'rep' || user.role === 'manager';
  // Awaited, not just prefetched: a dispute the user may not see is a 404, like a missing one.
  try {
    await getQueryClient().fetchQuery(trpc.disputeCase.get.queryOptions({ ref }));
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')) notFound();
    throw error;
  }
  return (
    <HydrateClient>
      <p className="muted">
        {worksQueue ? <Link href="/queue">← Dispute queue</Link> : <Link href="/disputes">← Billing disputes</Link>}
      </p>
      <Suspense fallback={<p className="muted">Loading the case…</p>}>
        <CaseView disputeRef={ref} />
      </Suspense>
    </HydrateClient>
  );
}
