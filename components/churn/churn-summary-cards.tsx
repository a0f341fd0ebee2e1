'use client';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import { formatValue, type ValueKind } from '@/components/charts/value-format';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
import { drilldownHref } from '@/lib/drilldown';
import { useTRPC } from '@/lib/trpc/react';

/** The period's churn figures (KPI engine) as cards; "Churned" opens the list of churned customers. */
export function ChurnSummaryCards({ input, linkQuery }: { input: DashboardQueryInput; linkQuery: string }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.churn.figures.queryOptions(input));
  const t = useTranslations('churn.cards');
  const locale = useLocale();
  const cards: {
    id: 'churned' | 'churn-rate' | 'revenue-churn' | 'active-start' | 'joined';
    value: number | null;
    kind: ValueKind;
    href?: string;
  }[] = [
    {
      id: 'churned',
      value: data.churned,
      kind: 'count',
      href: drilldownHref('churned-customers', linkQuery),
    },
    { id: 'churn-rate', value: data.churnRate, kind: 'rate' },
    { id: 'revenue-churn', value: data.revenueChurnRate, kind: 'rate' },
    { id: 'active-start', value: data.activeAtStart, kind: 'count' },
    { id: 'joined', value: data.joined, kind: 'count' },
  ];
  return (
    <section className="cards" aria-label={t('label')}>
      {cards.map((card) => {
        const body = (
          <>
            <div className="kpi-label">{t(card.id)}</div>
            <div className="kpi-value" data-value={card.value ?? ''}>
              {formatValue(card.value, card.kind, undefined, locale)}
            </div>
          </>
        );
        return card.href ? (
          <Link className="card" key={card.id} href={card.href} data-testid={`churn-${card.id}`}>
            {body}
          </Link>
        ) : (
          <div className="card" key={card.id} data-testid={`churn-${card.id}`}>
            {body}
          </div>
        );
      })}
    </section>
  );
}
