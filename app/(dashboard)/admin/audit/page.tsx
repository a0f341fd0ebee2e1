import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { createLoader } from 'nuqs/server';
import { Suspense } from 'react';
import { AuditView } from '@/components/audit-log/audit-view';
import { FilterError } from '@/components/dashboard/filter-error';
import { auditRequest, auditUrlParsers } from '@/lib/schemas/audit-log';
import { getQueryClient, HydrateClient, trpc } from '@/server/api/server-helpers';
import { requireRole } from '@/server/auth/guards';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auditLog');
  return { title: t('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const loadAuditUrl = createLoader(auditUrlParsers);

/** Who changed what and when: the append-only audit log, newest first, filtered on the server. */
export default async function AuditPage({ searchParams }: Props) {
  await requireRole('admin');
  const t = await getTranslations('auditLog');
  const request = auditRequest(loadAuditUrl(await searchParams));
  if (!request.ok) {
    return (
      <>
        <h1>{t('title')}</h1>
        <FilterError message={request.error} path="/admin/audit" />
      </>
    );
  }
  const queryClient = getQueryClient();
  void queryClient.prefetchQuery(trpc.auditLog.list.queryOptions(request.input));
  void queryClient.prefetchQuery(trpc.auditLog.facets.queryOptions());
  return (
    <HydrateClient>
      <h1>{t('title')}</h1>
      <Suspense fallback={<p className="muted">{t('loading')}</p>}>
        <AuditView input={request.input} />
      </Suspense>
    </HydrateClient>
  );
}
