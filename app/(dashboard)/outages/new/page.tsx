import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { NewOutageForm } from '@/components/outage-response/new-outage-form';
import { getQueryClient, HydrateClient, trpc } from '@/server/api/server-helpers';
import { requireRole } from '@/server/auth/guards';

export const metadata: Metadata = { title: 'Declare an outage' };

export default async function NewOutagePage() {
  await requireRole('manager', 'admin');
  void getQueryClient().prefetchQuery(trpc.outageResponse.formOptions.queryOptions());
  return (
    <HydrateClient>
      <p className="muted">
        <Link href="/outages">← Outages</Link>
      </p>
      <h1>Declare an outage</h1>
      <Suspense fallback={<p className="muted">Loading the form…</p>}>
        <NewOutageForm />
      </Suspense>
    </HydrateClient>
  );
}
