import type { Metadata } from 'next';
import { Suspense } from 'react';
import { UsersTable } from '@/components/admin/users-table';
import { requireRole } from '@/server/auth/guards';
import { getQueryClient, HydrateClient, trpc } from '@/server/api/server-helpers';

export const metadata: Metadata = { title: 'Users' };

export default async function AdminUsersPage() {
  await requireRole('admin');
  void getQueryClient().prefetchQuery(trpc.admin.users.queryOptions());
  return (
    <HydrateClient>
      <h1>Users</h1>
      <Suspense fallback={<p className="muted">Loading users…</p>}>
        <UsersTable />
      </Suspense>
    </HydrateClient>
  );
}
