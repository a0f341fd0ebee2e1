import type { Metadata } from 'next';
import { Suspense } from 'react';
import { RetentionCallForm } from '@/components/retention-calls/retention-call-form';
import { getQueryClient, HydrateClient, trpc } from '@/server/api/server-helpers';
import { requireRole } from '@/server/auth/guards';

export const metadata: Metadata = { title: 'Log a retention call' };

export default async function NewRetentionCallPage() {
  const user = await requireRole('rep', 'manager', 'admin');
  void getQueryClient().prefetchQuery(trpc.retentionCalls.formOptions.queryOptions());
  return (
    <HydrateClient>
      <h1>Log a retention call</h1>
      <Suspense fallback={<p className="muted">Loading the form…</p>}>
        <RetentionCallForm isRep={user.role === 'rep'} />
      </Suspense>
    </HydrateClient>
  );
}
