import { TRPCError } from '@trpc/server';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { CustomerView } from '@/components/customer-360/customer-view';
import { getQueryClient, HydrateClient, trpc } from '@/server/api/server-helpers';
import { requireUser } from '@/server/auth/guards';
import { loadDisplaySettings } from '@/server/loaders/display-settings';

type Props = { params: Promise<{ account: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { account } = await params;
  const t = await getTranslations('customer360');
  return { title: t('pageTitle', { account: decodeURIComponent(account) }) };
}

/** Customer 360: every role, within its own customers (another region's customer is a 404, like a missing one). */
export default async function CustomerPage({ params }: Props) {
  await requireUser();
  const account = decodeURIComponent((await params).account);
  try {
    await getQueryClient().fetchQuery(trpc.customers.get.queryOptions({ account }));
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')) notFound();
    throw error;
  }
  const { currency, timezone } = await loadDisplaySettings();
  const t = await getTranslations('customer360');
  return (
    <HydrateClient>
      <Suspense fallback={<p className="muted">{t('loading')}</p>}>
        <CustomerView account={account} currency={currency} timezone={timezone} />
      </Suspense>
    </HydrateClient>
  );
}
