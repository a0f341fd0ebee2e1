'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { Suspense } from 'react';
import { Sparkline } from '@/components/charts/sparkline';
import { formatValue } from '@/components/charts/value-format';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
import { describeDelta, KPI_CARDS, type KpiCardDef } from '@/lib/kpi-cards';
import { useTRPC } from '@/lib/trpc/react';

/** The 12-month trend of one card; the monthly series is slower than the figures, so it streams in after them. */
function CardSparkline({ input, card }: { input: DashboardQueryInput; card: KpiCardDef }) {
  const trpc = useTRPC();
  const { data: series } = useSuspenseQuery(trpc.dashboard.series.queryOptions(input));
  return <Sparkline values={series.map((m) => card.monthly(m))} />;
}

/** The overview's KPI cards: value, delta against the previous period, 12-month sparkline. */
export function KpiCards({ input, linkQuery }: { input: DashboardQueryInput; linkQuery: string }) {
  const trpc = useTRPC();
  const { data: kpis } = useSuspenseQuery(trpc.dashboard.kpis.queryOptions(input));
  return (
    <section className="cards" aria-label="Key figures">
      {KPI_CARDS.map((card) => {
        const value = card.value(kpis.current);
        const delta = describeDelta(value, card.value(kpis.previous), card);
        return (
          <Link className="card" key={card.id} href={card.href(linkQuery)} data-testid={`kpi-${card.id}`}>
            <div className="kpi-label">{card.label}</div>
            <div className="kpi-value" data-value={value ?? ''}>
              {formatValue(value, card.kind)}
            </div>
            <div className={`delta ${delta.tone}`}>{delta.text} vs previous period</div>
            <Suspense fallback={<div style={{ height: 36 }} aria-hidden="true" />}>
              <CardSparkline input={input} card={card} />
            </Suspense>
          </Link>
        );
      })}
    </section>
  );
}
