import 'server-only';
import type { Db } from '@/db/client';
import type { Settings } from '../services/settings';
import { churnFigures, type ChurnFigures } from './churn';
import { compensationFigures, type CompensationFigures } from './compensation';
import { disputeFigures, type DisputeFigures } from './disputes';
import type { KpiFilters } from './filters';
import { outageFigures, type OutageFigures } from './outages';
import { retentionFigures, type RetentionFigures } from './retention';

export type KpiSettings = Pick<Settings, 'reportTz' | 'disputeSlaHours' | 'commTargetMinutes'>;

export interface KpiParams extends KpiFilters {
  /** Inclusive calendar dates, YYYY-MM-DD, in the report time zone. */
  from: string;
  to: string;
  settings: KpiSettings;
}

/** The /api/v1/kpis document of docs/data-contract.md. */
export interface Kpis {
  period: { from: string; to: string; timezone: string };
  filters: KpiFilters;
  churn: ChurnFigures;
  retention: RetentionFigures;
  disputes: DisputeFigures;
  outages: OutageFigures;
  compensation: CompensationFigures;
}

/** Every figure of docs/metrics.md for one period, with filters already scoped to the caller. */
export async function computeKpis(db: Db, params: KpiParams): Promise<Kpis> {
  const period = { from: params.from, to: params.to, tz: params.settings.reportTz };
  const filters: KpiFilters = { region: params.region, rep: params.rep };
  const [churn, retention, disputes, outages, compensation] = await Promise.all([
    churnFigures(db, { period, region: filters.region }),
    retentionFigures(db, { period, ...filters }),
    disputeFigures(db, { period, ...filters, disputeSlaHours: params.settings.disputeSlaHours }),
    outageFigures(db, { period, region: filters.region, commTargetMinutes: params.settings.commTargetMinutes }),
    compensationFigures(db, { period, ...filters }),
  ]);
  return {
    period: { from: params.from, to: params.to, timezone: params.settings.reportTz },
    filters,
    churn,
    retention,
    disputes,
    outages,
    compensation,
  };
}
