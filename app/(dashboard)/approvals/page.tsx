import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ApprovalsList } from '@/components/approvals/approvals-list';
import { getQueryClient, HydrateClient, trpc } from '@/server/api/server-helpers';
import { requireRole } from '@/server/auth/guards';

export const metadata: Metadata = { title: 'Credit approvals' };

export default async function ApprovalsPage() {
  const user = await requireRole('manager', 'admin');
  void getQueryClient().prefetchQuery(trpc.approvals.list.queryOptions());
  return (
    <HydrateClient>
      <h1>Credit approvals{user.role === 'manager' && user.regionCode ? ` — ${user.regionCode}` : ''}</h1>
      <p className="muted">Credits above a rep&apos;s limit wait here. Approving one credits the customer at once.</p>
      <Suspense fallback={<p className="muted">Loading pending requests…</p>}>
        <ApprovalsList />
      </Suspense>
    </HydrateClient>
  );
}
