import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { RetentionCallForm } from '@/components/retention-calls/retention-call-form';
import { getQueryClient, HydrateClient, trpc } from '@/server/api/server-helpers';
import { requireRole } from '@/server/auth/guards';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('retention.calls');
  return { title: t('title') };
}

export default async function NewRetentionCallPage() {
  const user = await requireRole('rep', 'manager', 'admin');
  const t = await getTranslations('retention.calls');
  void getQueryClient().prefetchQuery(trpc.retentionCalls.formOptions.queryOptions());
  return (
    <HydrateClient>
      <h1>{t('title')}</h1>
      <Suspense fallback={<p className="muted">{t('loadingForm')}</p>}>
        <RetentionCallForm isRep={user.role === 'rep'} />
      </Suspense>
    </HydrateClient>
  );
}
