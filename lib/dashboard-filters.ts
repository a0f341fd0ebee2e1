import { createSerializer, parseAsString, parseAsStringLiteral } from 'nuqs/server';
import { PERIOD_PRESETS } from './periods';

export const DEFAULT_PRESET = 'last_30_days';

/** The dashboard's filters as they live in the URL, shared by every page. */
export const dashboardFilterParsers = {
  preset: parseAsStringLiteral([...PERIOD_PRESETS, 'custom'] as const).withDefault(DEFAULT_PRESET),
  from: parseAsString,
  to: parseAsString,
  region: parseAsString,
  rep: parseAsString,
};

export const serializeDashboardFilters = createSerializer(dashboardFilterParsers);

/** Filters after the server resolved the period and the caller's scope. */
export interface ResolvedFilters {
  preset: (typeof PERIOD_PRESETS)[number] | 'custom';
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
  region: string | null;
  rep: string | null;
  timezone: string;
  /** A regional manager cannot change the region. */
  regionLocked: boolean;
  repLocked: boolean;
}

/** The input every dashboard query takes. */
export interface DashboardQueryInput {
  from: string;
  to: string;
  region: string | null;
  rep: string | null;
}

export function queryInput(filters: ResolvedFilters): DashboardQueryInput {
  return { from: filters.from, to: filters.to, region: filters.region, rep: filters.rep };
}
