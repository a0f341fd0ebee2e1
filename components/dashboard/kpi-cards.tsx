'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import { Suspense } from 'react';
import { Sparkline } from '@/components/charts/sparkline';
import { formatValue } from '@/components/charts/value-format';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
import { describeDelta, KPI_CARDS, type KpiCardDef } from '@/lib/kpi-cards';
import { useTRPC } from '@/lib/trpc/react';
import { useDeltaText } from './use-delta-text';

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
  const t = useTranslations('dashboard.kpi');
  const locale = useLocale();
  const deltaText = useDeltaText();
  return (
    <section className="cards" aria-label={t('label')}>
      {KPI_CARDS.map((card) => {
        const value = card.value(kpis.current);
        const delta = describeDelta(value, card.value(kpis.previous), card, locale);
        return (
          <Link className="card" key={card.id} href={card.href(linkQuery)} data-testid={`kpi-${card.id}`}>
            <div className="kpi-label">{t(card.id)}</div>
            <div className="kpi-value" data-value={value ?? ''}>
              {formatValue(value, card.kind, undefined, locale)}
            </div>
            <div className={`delta ${delta.tone}`}>{deltaText(delta)}</div>
            <Suspense fallback={<div style={{ height: 36 }} aria-hidden="true" />}>
              <CardSparkline input={input} card={card} />
            </Suspense>
          </Link>
        );
      })}
    </section>
  );
}
