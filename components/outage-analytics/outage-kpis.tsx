'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { KpiStrip } from '@/components/dashboard/kpi-strip';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
import { useTRPC } from '@/lib/trpc/react';

type Milestones = readonly { milestone: string; median: number | null }[];
const median = (milestones: Milestones, name: string) => milestones.find((m) => m.milestone === name)?.median ?? null;

/** The KPI engine's outage figures for the period, each against the previous period. */
export function OutageKpis({ input }: { input: DashboardQueryInput }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.outages.summary.queryOptions(input));
  const { current: k, previous: p } = data;
  return (
    <KpiStrip
      label="Outage figures"
      items={[
        { id: 'outages', label: 'Outages started', value: k.count, previous: p.count, kind: 'count', goodWhen: 'down' },
        {
          id: 'comm-within-target',
          label: 'Communicated within target',
          value: k.commWithinTargetRate,
          previous: p.commWithinTargetRate,
          kind: 'rate',
          goodWhen: 'up',
          note: `public communication within ${data.commTargetMinutes} min of the start`,
        },
        {
          id: 'minutes-to-communicate',
          label: 'Median time to communicate',
          value: median(k.milestones, 'communicate'),
          previous: median(p.milestones, 'communicate'),
          kind: 'minutes',
          goodWhen: 'down',
        },
        {
          id: 'affected',
          label: 'Affected customers',
          value: k.affectedCustomers,
          previous: p.affectedCustomers,
          kind: 'count',
          goodWhen: 'down',
          note: 'summed over the outages',
        },
      ]}
    />
  );
}
