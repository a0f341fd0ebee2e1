import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { SettingsEditor } from '@/components/admin-settings/settings-form';
import { getQueryClient, HydrateClient, trpc } from '@/server/api/server-helpers';
import { requireRole } from '@/server/auth/guards';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('adminSettings');
  return { title: t('title') };
}

/** What an admin may change at run time; each change applies from the next request and is audited. */
export default async function AdminSettingsPage() {
  await requireRole('admin');
  const t = await getTranslations('adminSettings');
  void getQueryClient().prefetchQuery(trpc.adminSettings.get.queryOptions());
  return (
    <HydrateClient>
      <h1>{t('title')}</h1>
      <p className="muted">
        {t.rich('intro', { link: (chunks) => <Link href="/admin/audit?entity=setting">{chunks}</Link> })}
      </p>
      <Suspense fallback={<p className="muted">{t('loading')}</p>}>
        <SettingsEditor />
      </Suspense>
    </HydrateClient>
  );
}
