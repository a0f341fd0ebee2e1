import { TRPCError } from '@trpc/server';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { OutageView } from '@/components/outage-response/outage-view';
import { getQueryClient, HydrateClient, trpc } from '@/server/api/server-helpers';
import { requireRole } from '@/server/auth/guards';

type Props = { params: Promise<{ ref: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { ref } = await params;
  const t = await getTranslations('outageResponse');
  return { title: t('title', { ref: decodeURIComponent(ref) }) };
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
  void queryClient.prefetchQuery(trpc.outageComms.texts.queryOptions({ ref }));
  void queryClient.prefetchQuery(trpc.outageComms.dispatchTotals.queryOptions({ ref }));
  const t = await getTranslations('outageResponse');
  return (
    <HydrateClient>
      <p className="muted">
        <Link href="/outages">{t('back')}</Link>
      </p>
      <Suspense fallback={<p className="muted">{t('loading')}</p>}>
        <OutageView outageRef={ref} />
      </Suspense>
    </HydrateClient>
  );
}
