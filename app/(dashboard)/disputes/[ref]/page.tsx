import { TRPCError } from '@trpc/server';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { CaseView } from '@/components/dispute-case/case-view';
import { getQueryClient, HydrateClient, trpc } from '@/server/api/server-helpers';
import { requireRole } from '@/server/auth/guards';

type Props = { params: Promise<{ ref: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { ref } = await params;
  const t = await getTranslations('disputeCase');
  return { title: t('title', { ref: decodeURIComponent(ref) }) };
}

export default async function DisputeCasePage({ params }: Props) {
  const user = await requireRole('rep', 'manager', 'analyst', 'admin');
  const ref = decodeURIComponent((await params).ref);
  const worksQueue = user.role === 'rep' || user.role === 'manager';
  const t = await getTranslations('disputeCase');
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
        {worksQueue ? <Link href="/queue">{t('backQueue')}</Link> : <Link href="/disputes">{t('backDisputes')}</Link>}
      </p>
      <Suspense fallback={<p className="muted">{t('loading')}</p>}>
        <CaseView disputeRef={ref} />
      </Suspense>
    </HydrateClient>
  );
}
