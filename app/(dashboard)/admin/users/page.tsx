import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { UsersTable } from '@/components/admin/users-table';
import { requireRole } from '@/server/auth/guards';
import { getQueryClient, HydrateClient, trpc } from '@/server/api/server-helpers';
import { loadRegions } from '@/server/loaders/regions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('adminUsers');
  return { title: t('title') };
}

export default async function AdminUsersPage() {
  const admin = await requireRole('admin');
  void getQueryClient().prefetchQuery(trpc.admin.users.queryOptions());
  const regions = await loadRegions();
  const t = await getTranslations('adminUsers');
  return (
    <HydrateClient>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <Suspense fallback={<p className="muted">{t('loading')}</p>}>
        <UsersTable regions={regions} currentUserId={admin.id} />
      </Suspense>
    </HydrateClient>
  );
}
