import { createSerializer, parseAsInteger, parseAsString, parseAsStringLiteral } from 'nuqs/server';
import { dashboardFilterParsers } from './dashboard-filters';

/** The lists behind the dashboard's figures: `/cases/<dataset>?<filters>&<narrowing>`. */
export const DRILLDOWN_DATASETS = ['disputes', 'retention-cases', 'churned-customers', 'compensations'] as const;
export type DrilldownDataset = (typeof DRILLDOWN_DATASETS)[number];

/**
 * Which rows a figure counts: disputes opened in the period (default), resolved in it, or still
 * open at its end; retention cases opened in it, or closed in it (default for save figures).
 */
export const DRILLDOWN_BASES = ['opened', 'resolved', 'backlog', 'closed'] as const;

export const drilldownParsers = {
  ...dashboardFilterParsers,
  basis: parseAsStringLiteral(DRILLDOWN_BASES),
  cause: parseAsString,
  firstBill: parseAsStringLiteral(['true'] as const),
  soldBy: parseAsString,
  offerType: parseAsString,
  reason: parseAsString,
  outcome: parseAsString,
  category: parseAsString,
  competitor: parseAsString,
  kind: parseAsString,
  /** Compensation issuer: a user's email, or `automatic`. */
  issuer: parseAsString,
  /** Backlog age bucket, e.g. `0-24h`, `24-72h`, `3-7d`, `7d+`. */
  age: parseAsString,
  sort: parseAsString,
  dir: parseAsStringLiteral(['asc', 'desc'] as const),
  page: parseAsInteger.withDefault(1),
};

const serialize = createSerializer(drilldownParsers);

type Narrowing = Partial<{
  basis: (typeof DRILLDOWN_BASES)[number];
  cause: string;
  firstBill: 'true';
  soldBy: string;
  offerType: string;
  reason: string;
  outcome: string;
  category: string;
  competitor: string;
  kind: string;
  issuer: string;
  age: string;
  region: string;
  rep: string;
}>;

/**
 * A link to the rows behind a figure. `linkQuery` carries the page's filters (from
 * `loadDashboardPage`); `narrowing` adds what the clicked bar or row stands for.
 */
export function drilldownHref(dataset: DrilldownDataset, linkQuery: string, narrowing: Narrowing = {}): string {
  return serialize(`/cases/${dataset}${linkQuery}`, narrowing);
}
