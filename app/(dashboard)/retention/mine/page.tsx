import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { MyCases } from '@/components/retention-calls/my-cases';
import { MySaveRate } from '@/components/retention-calls/my-save-rate';
import { getQueryClient, HydrateClient, trpc } from '@/server/api/server-helpers';
import { requireRole } from '@/server/auth/guards';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('retention.mine');
  return { title: t('title') };
}

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
  const t = await getTranslations('retention.mine');
  void queryClient.prefetchQuery(trpc.retentionCalls.mySaveRate.queryOptions());
  void queryClient.prefetchQuery(trpc.retentionCalls.myCases.queryOptions({ page }));
  return (
    <HydrateClient>
      <h1>{t('title')}</h1>
      <Suspense fallback={<p className="muted">{t('loadingRate')}</p>}>
        <MySaveRate />
      </Suspense>
      <Suspense fallback={<p className="muted">{t('loadingCases')}</p>}>
        <MyCases page={page} />
      </Suspense>
    </HydrateClient>
  );
}
