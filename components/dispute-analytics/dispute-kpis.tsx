'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
import { drilldownHref } from '@/lib/drilldown';
import { useFormat } from '@/components/i18n/use-format';
import { useTRPC } from '@/lib/trpc/react';
import { KpiStrip, type KpiItem } from '@/components/dashboard/kpi-strip';

/** The KPI engine's dispute figures for the period, each against the previous period. */
export function DisputeKpis({ input, linkQuery }: { input: DashboardQueryInput; linkQuery: string }) {
  const trpc = useTRPC();
  const t = useTranslations('disputeAnalytics.kpis');
  const f = useFormat();
  const { data } = useSuspenseQuery(trpc.disputes.summary.queryOptions(input));
  const { current: k, previous: p } = data;
  const opened = drilldownHref('disputes', linkQuery);
  const resolved = drilldownHref('disputes', linkQuery, { basis: 'resolved' });
  const items: KpiItem[] = [
    {
      id: 'opened',
      label: t('opened'),
      value: k.opened,
      previous: p.opened,
      kind: 'count',
      goodWhen: 'down',
      href: opened,
    },
    {
      id: 'disputed',
      label: t('disputed'),
      value: k.disputedCents,
      previous: p.disputedCents,
      kind: 'cents',
      goodWhen: 'down',
      href: opened,
    },
    {
      id: 'credited',
      label: t('credited'),
      value: k.creditedCents,
      previous: p.creditedCents,
      kind: 'cents',
      goodWhen: 'down',
      href: resolved,
      note: t('creditedNote', { count: f.count(k.resolved) }),
    },
    {
      id: 'undue',
      label: t('undue'),
      value: k.undueRate,
      previous: p.undueRate,
      kind: 'rate',
      goodWhen: 'down',
      href: resolved,
      note: t('ofResolved'),
    },
    {
      id: 'first-bill',
      label: t('firstBill'),
      value: k.firstBillShare,
      previous: p.firstBillShare,
      kind: 'rate',
      goodWhen: 'down',
      href: drilldownHref('disputes', linkQuery, { firstBill: 'true' }),
      note: t('ofOpened'),
    },
    {
      id: 'median-hours',
      label: t('median'),
      value: k.medianHoursToResolve,
      previous: p.medianHoursToResolve,
      kind: 'hours',
      goodWhen: 'down',
      href: resolved,
    },
    {
      id: 'p90-hours',
      label: t('p90'),
      value: data.p90HoursToResolve.current,
      previous: data.p90HoursToResolve.previous,
      kind: 'hours',
      goodWhen: 'down',
      href: resolved,
      note: t('p90Note'),
    },
    {
      id: 'sla',
      label: t('sla'),
      value: k.slaComplianceRate,
      previous: p.slaComplianceRate,
      kind: 'rate',
      goodWhen: 'up',
      href: resolved,
      note: t('slaNote', { hours: data.slaHours }),
    },
    {
      id: 'backlog',
      label: t('backlog'),
      value: k.backlogAtEnd,
      previous: p.backlogAtEnd,
      kind: 'count',
      goodWhen: 'down',
      href: drilldownHref('disputes', linkQuery, { basis: 'backlog' }),
      note: t('backlogNote'),
    },
  ];
  return <KpiStrip items={items} label={t('label')} currency={data.currency} />;
}
