import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ImportHistory } from '@/components/admin-imports/import-history';
import { ImportUploader } from '@/components/admin-imports/import-uploader';
import { getQueryClient, HydrateClient, trpc } from '@/server/api/server-helpers';
import { requireRole } from '@/server/auth/guards';

export const metadata: Metadata = { title: 'Imports' };

export default async function AdminImportsPage() {
  await requireRole('admin');
  const queryClient = getQueryClient();
  void queryClient.prefetchQuery(trpc.imports.entities.queryOptions());
  void queryClient.prefetchQuery(trpc.imports.runs.queryOptions());
  return (
    <HydrateClient>
      <h1>Imports</h1>
      <Suspense fallback={<p className="muted">Loading the import form…</p>}>
        <ImportUploader />
      </Suspense>
      <h2 style={{ marginTop: 24 }}>History</h2>
      <Suspense fallback={<p className="muted">Loading the import history…</p>}>
        <ImportHistory />
      </Suspense>
    </HydrateClient>
  );
}
