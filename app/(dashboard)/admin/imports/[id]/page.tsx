import { TRPCError } from '@trpc/server';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { ImportRunReport } from '@/components/admin-imports/import-run-report';
import { getQueryClient, HydrateClient, trpc } from '@/server/api/server-helpers';
import { requireRole } from '@/server/auth/guards';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations('adminImports');
  return { title: t('runTitle', { id: (await params).id }) };
}

export default async function ImportRunPage({ params }: Props) {
  await requireRole('admin');
  const raw = (await params).id;
  const id = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(id) || id <= 0) notFound();
  // Awaited, not just prefetched: an unknown run is a 404.
  try {
    await getQueryClient().fetchQuery(trpc.imports.run.queryOptions({ id }));
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')) notFound();
    throw error;
  }
  const t = await getTranslations('adminImports');
  return (
    <HydrateClient>
      <p className="muted">
        <Link href="/admin/imports">{t('back')}</Link>
      </p>
      <h1>{t('runTitle', { id: String(id) })}</h1>
      <Suspense fallback={<p className="muted">{t('loadingReport')}</p>}>
        <ImportRunReport id={id} />
      </Suspense>
    </HydrateClient>
  );
}
