import 'server-only';
import type { Db } from '@/db/client';
import { p90HoursToResolve } from './dispute-resolution-p90';
import { computeKpis, type KpiParams, type Kpis } from './kpis';
import { retentionByRepRegion, type RepRegionRow } from './retention-rep-region';
import { verifiedSaveRates, verifiedSaves, type VerifiedSaves } from './verified-saves';

/**
 * The /api/v1/kpis document: `computeKpis` (the figures the sample fixture pins) with the fields
 * added since, each additive (docs/data-contract.md): verified saves and save rate by rep and
 * region under `retention`, the p90 of resolution hours under `disputes`.
 */
export interface KpiDocument extends Omit<Kpis, 'retention' | 'disputes'> {
  retention: Kpis['retention'] & {
    verifiedSaveRate30: number | null;
    verifiedSaveRate60: number | null;
    verifiedSaveRate90: number | null;
    verifiedSaves: VerifiedSaves;
    byRepRegion: RepRegionRow[];
  };
  disputes: Kpis['disputes'] & { p90HoursToResolve: number | null };
}

export async function computeKpiDocument(db: Db, params: KpiParams & { asOf?: Date }): Promise<KpiDocument> {
  const period = { from: params.from, to: params.to, tz: params.settings.reportTz };
  const filters = { region: params.region, rep: params.rep };
  const [kpis, verified, byRepRegion, p90] = await Promise.all([
    computeKpis(db, params),
    verifiedSaves(db, { period, ...filters, asOf: params.asOf ?? new Date() }),
    retentionByRepRegion(db, { period, ...filters }),
    p90HoursToResolve(db, { period, ...filters }),
  ]);
  return {
    ...kpis,
    retention: { ...kpis.retention, ...verifiedSaveRates(verified), verifiedSaves: verified, byRepRegion },
    disputes: { ...kpis.disputes, p90HoursToResolve: p90 },
  };
}
