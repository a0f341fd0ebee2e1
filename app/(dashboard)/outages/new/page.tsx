import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { NewOutageForm } from '@/components/outage-response/new-outage-form';
import { getQueryClient, HydrateClient, trpc } from '@/server/api/server-helpers';
import { requireRole } from '@/server/auth/guards';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('outageResponse');
  return { title: t('newTitle') };
}

export default async function NewOutagePage() {
  await requireRole('manager', 'admin');
  const t = await getTranslations('outageResponse');
  void getQueryClient().prefetchQuery(trpc.outageResponse.formOptions.queryOptions());
  return (
    <HydrateClient>
      <p className="muted">
        <Link href="/outages">{t('back')}</Link>
      </p>
      <h1>{t('newTitle')}</h1>
      <Suspense fallback={<p className="muted">{t('loadingForm')}</p>}>
        <NewOutageForm />
      </Suspense>
    </HydrateClient>
  );
}
