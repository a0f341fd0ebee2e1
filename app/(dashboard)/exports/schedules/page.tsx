import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { SchedulesView } from '@/components/export-schedules/schedules-view';
import { getQueryClient, HydrateClient, trpc } from '@/server/api/server-helpers';
import { requireRole } from '@/server/auth/guards';
import { pinnedRegion } from '@/server/auth/rbac';
import { loadDisplaySettings } from '@/server/loaders/display-settings';
import { loadRegions } from '@/server/loaders/regions';

export const metadata: Metadata = { title: 'Scheduled exports' };

/** A user's recurring exports, mailed as expiring download links, with each one's history. */
export default async function ExportSchedulesPage() {
  const user = await requireRole('manager', 'analyst', 'admin');
  const queryClient = getQueryClient();
  void queryClient.prefetchQuery(trpc.exportSchedules.list.queryOptions());
  void queryClient.prefetchQuery(trpc.exportSchedules.recipientOptions.queryOptions());
  const [{ timezone }, regions] = await Promise.all([loadDisplaySettings(), loadRegions()]);
  const pinned = pinnedRegion(user);
  return (
    <HydrateClient>
      <h1>Scheduled exports</h1>
      <p className="muted">
        A dataset with its filters, sent by email as a download link on a daily, weekly or monthly schedule, at an hour
        of the report time zone ({timezone}). The rows are those you may export when it runs; each recipient gets a
        link of their own that works only for them, signed in, for a limited time. <Link href="/exports">One-off exports</Link>
      </p>
      <Suspense fallback={<p className="muted">Loading your schedules…</p>}>
        <SchedulesView
          regions={pinned === null ? regions : regions.filter((r) => r.code === pinned)}
          pinnedRegion={pinned}
          timezone={timezone}
        />
      </Suspense>
    </HydrateClient>
  );
}
