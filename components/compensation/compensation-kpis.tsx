'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useFormat } from '@/components/i18n/use-format';
import { KpiStrip } from '@/components/dashboard/kpi-strip';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
import { drilldownHref } from '@/lib/drilldown';
import { useTRPC } from '@/lib/trpc/react';

/** The KPI engine's compensation totals for the period, against the previous period. */
export function CompensationKpis({ input, linkQuery }: { input: DashboardQueryInput; linkQuery: string }) {
  const trpc = useTRPC();
  const t = useTranslations('compensation.kpis');
  const f = useFormat();
  const { data } = useSuspenseQuery(trpc.compensation.summary.queryOptions(input));
  const { current: k, previous: p } = data;
  const perItem = (total: number, count: number) => (count === 0 ? null : Math.round(total / count));
  const automatic = k.byRep.find((r) => r.key === 'automatic')?.totalCents ?? 0;
  const all = drilldownHref('compensations', linkQuery);
  return (
    <KpiStrip
      label={t('label')}
      currency={data.currency}
      items={[
        {
          id: 'total',
          label: t('total'),
          value: k.totalCents,
          previous: p.totalCents,
          kind: 'cents',
          goodWhen: 'down',
          href: all,
        },
        {
          id: 'count',
          label: t('count'),
          value: k.count,
          previous: p.count,
          kind: 'count',
          goodWhen: 'down',
          href: all,
        },
        {
          id: 'average',
          label: t('average'),
          value: perItem(k.totalCents, k.count),
          previous: perItem(p.totalCents, p.count),
          kind: 'cents',
          goodWhen: 'down',
        },
        {
          id: 'automatic',
          label: t('automatic'),
          value: automatic,
          kind: 'cents',
          href: drilldownHref('compensations', linkQuery, { issuer: 'automatic' }),
          note: t('automaticNote', { share: f.rate(k.totalCents === 0 ? null : automatic / k.totalCents) }),
        },
      ]}
    />
  );
}
