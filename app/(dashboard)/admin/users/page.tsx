import type { Metadata } from 'next';
import { Suspense } from 'react';
import { UsersTable } from '@/components/admin/users-table';
import { requireRole } from '@/server/auth/guards';
import { getQueryClient, HydrateClient, trpc } from '@/server/api/server-helpers';
import { loadRegions } from '@/server/loaders/regions';

export const metadata: Metadata = { title: 'Users' };

export default async function AdminUsersPage() {
  const admin = await requireRole('admin');
  void getQueryClient().prefetchQuery(trpc.admin.users.queryOptions());
  const regions = await loadRegions();
  return (
    <HydrateClient>
      <h1>Users</h1>
      <p className="muted">
        Staff accounts. A deactivated user is signed out at once and their API tokens stop working. Imported users sign
        in only after they get a link.
      </p>
      <Suspense fallback={<p className="muted">Loading users…</p>}>
        <UsersTable regions={regions} currentUserId={admin.id} />
      </Suspense>
    </HydrateClient>
  );
}
