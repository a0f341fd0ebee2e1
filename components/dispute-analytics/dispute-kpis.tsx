'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
import { drilldownHref } from '@/lib/drilldown';
import { formatCount } from '@/lib/format';
import { useTRPC } from '@/lib/trpc/react';
import { KpiStrip, type KpiItem } from '@/components/dashboard/kpi-strip';

/** The KPI engine's dispute figures for the period, each against the previous period. */
export function DisputeKpis({ input, linkQuery }: { input: DashboardQueryInput; linkQuery: string }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.disputes.summary.queryOptions(input));
  const { current: k, previous: p } = data;
  const opened = drilldownHref('disputes', linkQuery);
  const resolved = drilldownHref('disputes', linkQuery, { basis: 'resolved' });
  const items: KpiItem[] = [
    {
      id: 'opened',
      label: 'Disputes opened',
      value: k.opened,
      previous: p.opened,
      kind: 'count',
      goodWhen: 'down',
      href: opened,
    },
    {
      id: 'disputed',
      label: 'Amount disputed',
      value: k.disputedCents,
      previous: p.disputedCents,
      kind: 'cents',
      goodWhen: 'down',
      href: opened,
    },
    {
      id: 'credited',
      label: 'Amount credited',
      value: k.creditedCents,
      previous: p.creditedCents,
      kind: 'cents',
      goodWhen: 'down',
      href: resolved,
      note: `on ${formatCount(k.resolved)} disputes resolved in the period`,
    },
    {
      id: 'undue',
      label: 'Undue-charge rate',
      value: k.undueRate,
      previous: p.undueRate,
      kind: 'rate',
      goodWhen: 'down',
      href: resolved,
      note: 'of disputes resolved',
    },
    {
      id: 'first-bill',
      label: 'First-bill share',
      value: k.firstBillShare,
      previous: p.firstBillShare,
      kind: 'rate',
      goodWhen: 'down',
      href: drilldownHref('disputes', linkQuery, { firstBill: 'true' }),
      note: 'of disputes opened',
    },
    {
      id: 'median-hours',
      label: 'Median time to resolve',
      value: k.medianHoursToResolve,
      previous: p.medianHoursToResolve,
      kind: 'hours',
      goodWhen: 'down',
      href: resolved,
    },
    {
      id: 'p90-hours',
      label: 'p90 time to resolve',
      value: data.p90HoursToResolve.current,
      previous: data.p90HoursToResolve.previous,
      kind: 'hours',
      goodWhen: 'down',
      href: resolved,
      note: '90% of resolved disputes took at most this',
    },
    {
      id: 'sla',
      label: 'SLA compliance',
      value: k.slaComplianceRate,
      previous: p.slaComplianceRate,
      kind: 'rate',
      goodWhen: 'up',
      href: resolved,
      note: `resolved within ${data.slaHours} h`,
    },
    {
      id: 'backlog',
      label: 'Backlog at end',
      value: k.backlogAtEnd,
      previous: p.backlogAtEnd,
      kind: 'count',
      goodWhen: 'down',
      href: drilldownHref('disputes', linkQuery, { basis: 'backlog' }),
      note: 'still open when the period ended',
    },
  ];
  return <KpiStrip items={items} label="Dispute figures" currency={data.currency} />;
}
