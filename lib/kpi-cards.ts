import type { ValueKind } from '@/components/charts/value-format';
import { drilldownHref } from './drilldown';

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

export interface KpiCardDef {
  id: string;
  label: string;
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
    label: 'Churn rate',
    kind: 'rate',
    goodWhen: 'down',
    value: (k) => k.churn.churnRate,
    monthly: (m) => m.churn.churnRate,
    href: (q) => drilldownHref('churned-customers', q),
  },
  {
    id: 'revenue-churn',
    label: 'Revenue churn',
    kind: 'rate',
    goodWhen: 'down',
    value: (k) => k.churn.revenueChurnRate,
    monthly: (m) => m.churn.revenueChurnRate,
    href: (q) => drilldownHref('churned-customers', q),
  },
  {
    id: 'save-rate',
    label: 'Save rate',
    kind: 'rate',
    goodWhen: 'up',
    value: (k) => k.retention.saveRate,
    monthly: (m) => m.retention.saveRate,
    href: (q) => drilldownHref('retention-cases', q, { basis: 'closed' }),
  },
  {
    id: 'saved-mrr',
    label: 'Saved MRR',
    kind: 'cents',
    goodWhen: 'up',
    value: (k) => k.retention.savedMrrCents,
    monthly: (m) => m.retention.savedMrrCents,
    href: (q) => drilldownHref('retention-cases', q, { basis: 'closed', outcome: 'saved' }),
  },
  {
    id: 'disputes-opened',
    label: 'Disputes opened',
    kind: 'count',
    goodWhen: 'down',
    value: (k) => k.disputes.opened,
    monthly: (m) => m.disputes.opened,
    href: (q) => drilldownHref('disputes', q, { basis: 'opened' }),
  },
  {
    id: 'dispute-backlog',
    label: 'Dispute backlog',
    kind: 'count',
    goodWhen: 'down',
    value: (k) => k.disputes.backlogAtEnd,
    monthly: (m) => m.disputes.backlogAtEnd,
    href: (q) => drilldownHref('disputes', q, { basis: 'backlog' }),
  },
  {
    id: 'sla-compliance',
    label: 'SLA compliance',
    kind: 'rate',
    goodWhen: 'up',
    value: (k) => k.disputes.slaComplianceRate,
    monthly: (m) => m.disputes.slaComplianceRate,
    href: (q) => drilldownHref('disputes', q, { basis: 'resolved' }),
  },
  {
    id: 'minutes-to-communicate',
    label: 'Median minutes to first public communication',
    kind: 'minutes',
    goodWhen: 'down',
    value: communicateMedian,
    monthly: (m) => m.outages.medianMinutesToCommunicate,
    href: (q) => `/outages${q}`,
  },
  {
    id: 'compensation-total',
    label: 'Compensation total',
    kind: 'cents',
    goodWhen: 'down',
    value: (k) => k.compensation.totalCents,
    monthly: (m) => m.compensation.totalCents,
    href: (q) => drilldownHref('compensations', q),
  },
];

export interface Delta {
  text: string;
  tone: 'good' | 'bad' | 'neutral';
}

/** Change against the previous period: points for rates, per cent for amounts. */
export function describeDelta(
  current: number | null,
  previous: number | null,
  def: Pick<KpiCardDef, 'kind' | 'goodWhen'>,
): Delta {
  if (current === null || previous === null) return { text: 'no comparison', tone: 'neutral' };
  const diff = current - previous;
  if (diff === 0) return { text: 'no change', tone: 'neutral' };
  const tone = diff > 0 === (def.goodWhen === 'up') ? 'good' : 'bad';
  const sign = diff > 0 ? '+' : '−';
  if (def.kind === 'rate') return { text: `${sign}${Math.abs(diff * 100).toFixed(1)} pts`, tone };
  if (previous === 0)
    return { text: `${sign}${def.kind === 'minutes' ? Math.abs(diff).toFixed(1) : Math.abs(diff)} from 0`, tone };
  return { text: `${sign}${Math.abs((diff / previous) * 100).toFixed(1)}%`, tone };
}
