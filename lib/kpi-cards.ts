import type { ValueKind } from '@/components/charts/value-format';
import { drilldownHref } from './drilldown';
import { formatDecimal } from './format';
import { DEFAULT_LOCALE } from './locales';

/** The figures a KPI card reads; the same shape the KPI engine returns, kept structural here. */
export interface CardKpis {
  churn: { churnRate: number | null; revenueChurnRate: number | null };
  retention: { saveRate: number | null; savedMrrCents: number };
  disputes: { opened: number; backlogAtEnd: number; slaComplianceRate: number | null };
  outages: { milestones: readonly { milestone: string; median: number | null }[] };
  compensation: { totalCents: number };
}

export interface CardMonth {
  churn: { churnRate: number | null; revenueChurnRate: number | null };
  retention: { saveRate: number | null; savedMrrCents: number };
  disputes: { opened: number; backlogAtEnd: number; slaComplianceRate: number | null };
  outages: { medianMinutesToCommunicate: number | null };
  compensation: { totalCents: number };
}

/** The cards' ids; each is also its label's key in the `dashboard.kpi` messages. */
export type KpiCardId =
  | 'churn-rate'
  | 'revenue-churn'
  | 'save-rate'
  | 'saved-mrr'
  | 'disputes-opened'
  | 'dispute-backlog'
  | 'sla-compliance'
  | 'minutes-to-communicate'
  | 'compensation-total';

export interface KpiCardDef {
  id: KpiCardId;
  kind: ValueKind;
  /** Which direction is good news, for the colour of the delta. */
  goodWhen: 'up' | 'down';
  value: (k: CardKpis) => number | null;
  monthly: (m: CardMonth) => number | null;
  /** The list of cases behind the figure (or, for outages, the page listing them), with the page's filters. */
  href: (linkQuery: string) => string;
}

const communicateMedian = (k: CardKpis) =>
  k.outages.milestones.find((m) => m.milestone === 'communicate')?.median ?? null;

export const KPI_CARDS: readonly KpiCardDef[] = [
  {
    id: 'churn-rate',
    kind: 'rate',
    goodWhen: 'down',
    value: (k) => k.churn.churnRate,
    monthly: (m) => m.churn.churnRate,
    href: (q) => drilldownHref('churned-customers', q),
  },
  {
    id: 'revenue-churn',
    kind: 'rate',
    goodWhen: 'down',
    value: (k) => k.churn.revenueChurnRate,
    monthly: (m) => m.churn.revenueChurnRate,
    href: (q) => drilldownHref('churned-customers', q),
  },
  {
    id: 'save-rate',
    kind: 'rate',
    goodWhen: 'up',
    value: (k) => k.retention.saveRate,
    monthly: (m) => m.retention.saveRate,
    href: (q) => drilldownHref('retention-cases', q, { basis: 'closed' }),
  },
  {
    id: 'saved-mrr',
    kind: 'cents',
    goodWhen: 'up',
    value: (k) => k.retention.savedMrrCents,
    monthly: (m) => m.retention.savedMrrCents,
    href: (q) => drilldownHref('retention-cases', q, { basis: 'closed', outcome: 'saved' }),
  },
  {
    id: 'disputes-opened',
    kind: 'count',
    goodWhen: 'down',
    value: (k) => k.disputes.opened,
    monthly: (m) => m.disputes.opened,
    href: (q) => drilldownHref('disputes', q, { basis: 'opened' }),
  },
  {
    id: 'dispute-backlog',
    kind: 'count',
    goodWhen: 'down',
    value: (k) => k.disputes.backlogAtEnd,
    monthly: (m) => m.disputes.backlogAtEnd,
    href: (q) => drilldownHref('disputes', q, { basis: 'backlog' }),
  },
  {
    id: 'sla-compliance',
    kind: 'rate',
    goodWhen: 'up',
    value: (k) => k.disputes.slaComplianceRate,
    monthly: (m) => m.disputes.slaComplianceRate,
    href: (q) => drilldownHref('disputes', q, { basis: 'resolved' }),
  },
  {
    id: 'minutes-to-communicate',
    kind: 'minutes',
    goodWhen: 'down',
    value: communicateMedian,
    monthly: (m) => m.outages.medianMinutesToCommunicate,
    href: (q) => `/outages${q}`,
  },
  {
    id: 'compensation-total',
    kind: 'cents',
    goodWhen: 'down',
    value: (k) => k.compensation.totalCents,
    monthly: (m) => m.compensation.totalCents,
    href: (q) => drilldownHref('compensations', q),
  },
];

/** A change as a key of the `dashboard.delta` messages, its signed amount in the language's digits, and its colour. */
export interface Delta {
  key: 'noComparison' | 'noChange' | 'points' | 'percent' | 'fromZero';
  amount: string;
  tone: 'good' | 'bad' | 'neutral';
}

/** Change against the previous period: points for rates, per cent for amounts. */
export function describeDelta(
  current: number | null,
  previous: number | null,
  def: Pick<KpiCardDef, 'kind' | 'goodWhen'>,
  locale: string = DEFAULT_LOCALE,
): Delta {
  if (current === null || previous === null) return { key: 'noComparison', amount: '', tone: 'neutral' };
  const diff = current - previous;
  if (diff === 0) return { key: 'noChange', amount: '', tone: 'neutral' };
  const tone = diff > 0 === (def.goodWhen === 'up') ? 'good' : 'bad';
  const sign = diff > 0 ? '+' : '−';
  const decimal = (n: number) => formatDecimal(n, 1, locale);
  if (def.kind === 'rate') return { key: 'points', amount: `${sign}${decimal(Math.abs(diff * 100))}`, tone };
  if (previous === 0) {
    const amount = def.kind === 'minutes' ? decimal(Math.abs(diff)) : formatDecimal(Math.abs(diff), 0, locale);
    return { key: 'fromZero', amount: `${sign}${amount}`, tone };
  }
  const percent = `${decimal(Math.abs((diff / previous) * 100))}${locale === 'es' ? '\u00a0%' : '%'}`;
  return { key: 'percent', amount: `${sign}${percent}`, tone };
}
