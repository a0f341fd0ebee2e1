'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { KpiStrip } from '@/components/dashboard/kpi-strip';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
import { useTRPC } from '@/lib/trpc/react';

type Milestones = readonly { milestone: string; median: number | null }[];
const median = (milestones: Milestones, name: string) => milestones.find((m) => m.milestone === name)?.median ?? null;

/** The KPI engine's outage figures for the period, each against the previous period. */
export function OutageKpis({ input }: { input: DashboardQueryInput }) {
  const trpc = useTRPC();
  const t = useTranslations('outageAnalytics.kpis');
  const { data } = useSuspenseQuery(trpc.outages.summary.queryOptions(input));
  const { current: k, previous: p } = data;
  return (
    <KpiStrip
      label={t('label')}
      items={[
        { id: 'outages', label: t('started'), value: k.count, previous: p.count, kind: 'count', goodWhen: 'down' },
        {
          id: 'comm-within-target',
          label: t('withinTarget'),
          value: k.commWithinTargetRate,
          previous: p.commWithinTargetRate,
          kind: 'rate',
          goodWhen: 'up',
          note: t('withinTargetNote', { minutes: data.commTargetMinutes }),
        },
        {
          id: 'minutes-to-communicate',
          label: t('median'),
          value: median(k.milestones, 'communicate'),
          previous: median(p.milestones, 'communicate'),
          kind: 'minutes',
          goodWhen: 'down',
        },
        {
          id: 'affected',
          label: t('affected'),
          value: k.affectedCustomers,
          previous: p.affectedCustomers,
          kind: 'count',
          goodWhen: 'down',
          note: t('affectedNote'),
        },
      ]}
    />
  );
}
