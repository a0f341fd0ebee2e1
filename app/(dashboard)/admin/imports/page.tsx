import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { ImportHistory } from '@/components/admin-imports/import-history';
import { ImportUploader } from '@/components/admin-imports/import-uploader';
import { getQueryClient, HydrateClient, trpc } from '@/server/api/server-helpers';
import { requireRole } from '@/server/auth/guards';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('adminImports');
  return { title: t('title') };
}

export default async function AdminImportsPage() {
  await requireRole('admin');
  const t = await getTranslations('adminImports');
  const queryClient = getQueryClient();
  void queryClient.prefetchQuery(trpc.imports.entities.queryOptions());
  void queryClient.prefetchQuery(trpc.imports.runs.queryOptions());
  return (
    <HydrateClient>
      <h1>{t('title')}</h1>
      <Suspense fallback={<p className="muted">{t('loadingForm')}</p>}>
        <ImportUploader />
      </Suspense>
      <h2 style={{ marginTop: 24 }}>{t('history')}</h2>
      <Suspense fallback={<p className="muted">{t('loadingHistory')}</p>}>
        <ImportHistory />
      </Suspense>
    </HydrateClient>
  );
}
