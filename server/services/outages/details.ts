import 'server-only';
import { and, desc, eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { auditLog, outagePostcodes, outageRegions, regions, users } from '@/db/schema';
import { OUTAGE_STEPS, outageTargets, type Milestone, type OutageStep } from '@/lib/outage-targets';
import type { OutageSeverity } from '@/lib/vocabularies';
import { toInt } from '../../metrics/filters';
import { affectedCount } from '../../metrics/outages';
import type { SessionUser } from '../../auth/session-user';
import { getSettings } from '../settings';
import { assertMayManage, customerScope, loadOutageForActor, STEP_COLUMNS } from './access';

export interface OutageHistoryEntry {
  at: string;
  actor: string | null;
  action: string;
  details: Record<string, unknown> | null;
}

export interface OutageDetails {
  ref: string;
  title: string;
  severity: OutageSeverity;
  /** ISO instants. */
  startedAt: string;
  steps: Record<OutageStep, string | null>;
  regions: { code: string; name: string }[];
  /** Empty: every customer of the regions is affected. */
  postcodes: string[];
  /** Active at the start and in the footprint; only the region's customers for a regional manager. */
  affectedCustomers: number;
  region: string | null;
  targets: Record<Milestone, number>;
  timezone: string;
  /** When the server read it, so the first render and hydration agree on the elapsed time. */
  serverNow: string;
  canManage: boolean;
  canForce: boolean;
  history: OutageHistoryEntry[];
}

/** One outage as its page shows it: times, footprint, affected count, targets and change history. */
export async function getOutage(
  db: Db,
  actor: SessionUser,
  params: { ref: string },
  now: Date = new Date(),
): Promise<OutageDetails> {
  const outage = await loadOutageForActor(db, actor, params.ref);
  const region = customerScope(actor);
  const [settings, regionRows, postcodeRows, [counted], history] = await Promise.all([
    getSettings(db),
    db
      .select({ code: regions.code, name: regions.name })
      .from(outageRegions)
      .innerJoin(regions, eq(regions.code, outageRegions.regionCode))
      .where(eq(outageRegions.outageId, outage.id))
      .orderBy(sql`${regions.code} collate "C"`),
    db
      .select({ postcode: outagePostcodes.postcode })
      .from(outagePostcodes)
      .where(eq(outagePostcodes.outageId, outage.id))
      .orderBy(sql`${outagePostcodes.postcode} collate "C"`),
    queryRows<{ affected: unknown }>(
      db,
      sql`select ${affectedCount(region)} as affected from outages o where o.id = ${outage.id}`,
    ),
    db
      .select({ at: auditLog.at, actor: users.name, action: auditLog.action, details: auditLog.details })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(and(eq(auditLog.entity, 'outage'), eq(auditLog.entityId, outage.outageRef)))
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(50),
  ]);
  const steps = Object.fromEntries(
    OUTAGE_STEPS.map((step) => [step, outage[STEP_COLUMNS[step]]?.toISOString() ?? null]),
  ) as Record<OutageStep, string | null>;
  const manager = actor.role === 'manager' || actor.role === 'admin';
  return {
    ref: outage.outageRef,
    title: outage.title,
    severity: outage.severity,
    startedAt: outage.startedAt.toISOString(),
    steps,
    regions: regionRows,
    postcodes: postcodeRows.map((p) => p.postcode),
    affectedCustomers: toInt(counted?.affected),
    region,
    targets: outageTargets(settings.milestoneTargetMinutes, settings.commTargetMinutes),
    timezone: settings.reportTz,
    serverNow: now.toISOString(),
    canManage: manager,
    canForce: actor.role === 'admin',
    history: history.map((h) => ({ at: h.at.toISOString(), actor: h.actor, action: h.action, details: h.details })),
  };
}

/** The regions an actor may declare an outage in, with their postcodes, for the form. */
export async function outageFormOptions(db: Db, actor: SessionUser) {
  assertMayManage(actor);
  const region = customerScope(actor);
  const [settings, regionRows, postcodeRows] = await Promise.all([
    getSettings(db),
    db
      .select({ code: regions.code, name: regions.name })
      .from(regions)
      .where(region === null ? undefined : eq(regions.code, region))
      .orderBy(sql`${regions.code} collate "C"`),
    queryRows<{ region_code: string; postcodes: unknown }>(
      db,
      sql`select region_code, count(*)::int as postcodes from postcodes
        where (${region}::text is null or region_code = ${region}) group by region_code`,
    ),
  ]);
  const counts = new Map(postcodeRows.map((r) => [r.region_code, toInt(r.postcodes)]));
  return {
    regions: regionRows.map((r) => ({ ...r, postcodes: counts.get(r.code) ?? 0 })),
    lockedRegion: region,
    timezone: settings.reportTz,
  };
}
