import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { SettingsEditor } from '@/components/admin-settings/settings-form';
import { getQueryClient, HydrateClient, trpc } from '@/server/api/server-helpers';
import { requireRole } from '@/server/auth/guards';

export const metadata: Metadata = { title: 'Settings' };

/** What an admin may change at run time; each change applies from the next request and is audited. */
export default async function AdminSettingsPage() {
  await requireRole('admin');
  void getQueryClient().prefetchQuery(trpc.adminSettings.get.queryOptions());
  return (
    <HydrateClient>
      <h1>Settings</h1>
      <p className="muted">
        Values saved here replace the environment&apos;s defaults from the next request on; every change is in the{' '}
        <Link href="/admin/audit?entity=setting">audit log</Link>.
      </p>
      <Suspense fallback={<p className="muted">Loading the settings…</p>}>
        <SettingsEditor />
      </Suspense>
    </HydrateClient>
  );
}
