import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { AgentScripts } from '@/components/outage-comms/agent-scripts';
import { getQueryClient, HydrateClient, trpc } from '@/server/api/server-helpers';
import { requireRole } from '@/server/auth/guards';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('outageComms.scripts');
  return { title: t('title') };
}

/** What agents tell callers about the open outages of their region. */
export default async function OutageScriptsPage() {
  const user = await requireRole('rep', 'manager', 'analyst', 'admin');
  const t = await getTranslations('outageComms.scripts');
  void getQueryClient().prefetchQuery(trpc.outageComms.activeScripts.queryOptions());
  return (
    <HydrateClient>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <Suspense fallback={<p className="muted">…</p>}>
        <AgentScripts canOpenOutages={user.role !== 'rep'} />
      </Suspense>
    </HydrateClient>
  );
}
