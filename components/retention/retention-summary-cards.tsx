'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { formatValue, type ValueKind } from '@/components/charts/value-format';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
import { drilldownHref } from '@/lib/drilldown';
import { useTRPC } from '@/lib/trpc/react';

/** The desk's figures for the period (KPI engine); "Closed" opens the closed cases. */
export function RetentionSummaryCards({ input, linkQuery }: { input: DashboardQueryInput; linkQuery: string }) {
  const trpc = useTRPC();
  const t = useTranslations('retention.desk');
  const locale = useLocale();
  const { data } = useSuspenseQuery(trpc.retention.breakdowns.queryOptions(input));
  const f = data.figures;
  const cards: { id: string; label: string; value: number | null; kind: ValueKind; href?: string }[] = [
    {
      id: 'closed',
      label: t('closed'),
      value: f.saved + f.lost,
      kind: 'count',
      href: drilldownHref('retention-cases', linkQuery, { basis: 'closed' }),
    },
    { id: 'save-rate', label: t('saveRate'), value: f.saveRate, kind: 'rate' },
    { id: 'saved-mrr', label: t('savedMrr'), value: f.savedMrrCents, kind: 'cents' },
    { id: 'offer-cost', label: t('offerCost'), value: f.offerCostCents, kind: 'cents' },
    { id: 'cost-per-save', label: t('costPerSave'), value: f.costPerSaveCents, kind: 'cents' },
    {
      id: 'opened',
      label: t('opened'),
      value: f.opened,
      kind: 'count',
      href: drilldownHref('retention-cases', linkQuery, { basis: 'opened' }),
    },
  ];
  return (
    <section className="cards" aria-label={t('label')}>
      {cards.map((card) => {
        const body = (
          <>
            <div className="kpi-label">{card.label}</div>
            <div className="kpi-value" data-value={card.value ?? ''}>
              {formatValue(card.value, card.kind, data.currency, locale)}
            </div>
          </>
        );
        return card.href ? (
          <Link className="card" key={card.id} href={card.href} data-testid={`retention-${card.id}`}>
            {body}
          </Link>
        ) : (
          <div className="card" key={card.id} data-testid={`retention-${card.id}`}>
            {body}
          </div>
        );
      })}
    </section>
  );
}
