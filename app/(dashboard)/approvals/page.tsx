import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { ApprovalsList } from '@/components/approvals/approvals-list';
import { getQueryClient, HydrateClient, trpc } from '@/server/api/server-helpers';
import { requireRole } from '@/server/auth/guards';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('approvals');
  return { title: t('title') };
}

export default async function ApprovalsPage() {
  const user = await requireRole('manager', 'admin');
  const t = await getTranslations('approvals');
  void getQueryClient().prefetchQuery(trpc.approvals.list.queryOptions());
  return (
    <HydrateClient>
      <h1>{user.role === 'manager' && user.regionCode ? t('titleRegion', { region: user.regionCode }) : t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <Suspense fallback={<p className="muted">{t('loading')}</p>}>
        <ApprovalsList />
      </Suspense>
    </HydrateClient>
  );
}
