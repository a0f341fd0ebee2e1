import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { rollupState } from '@/db/schema';
import { getSettings } from '../../services/settings';

/** What the rollups are keyed by: days of this time zone, "within SLA" for this many hours. */
export interface RollupBasis {
  tz: string;
  disputeSlaHours: number;
}

/** What a reader needs: its time zone, and the SLA when it reads "within SLA". */
export interface RequiredBasis {
  tz: string;
  disputeSlaHours?: number;
}

/** The advisory lock the rollup triggers share and a rebuild takes alone (migration 0006). */
const ROLLUP_LOCK = 7011011;

async function currentBasis(db: Db): Promise<RollupBasis | null> {
  const [row] = await db
    .select({ tz: rollupState.tz, disputeSlaHours: rollupState.disputeSlaHours })
    .from(rollupState)
    .where(eq(rollupState.id, 1));
  return row && row.tz !== '' ? row : null;
}

const fits = (a: RollupBasis | null, b: RequiredBasis) =>
  a !== null && a.tz === b.tz && (b.disputeSlaHours === undefined || a.disputeSlaHours === b.disputeSlaHours);

/**
 * Rebuilds every rollup from the base tables for `basis`, in one transaction (the caller's, when
 * `db` is one): writers wait for it, readers see the old rollups until it commits.
 */
export async function rebuildRollups(db: Db, basis: RollupBasis): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select rollups_rebuild(${basis.tz}::text, ${basis.disputeSlaHours}::int)`);
  });
}

/**
 * Makes sure the rollups are keyed by `basis` before a figure is read from them. They are kept by
 * triggers, so this only rebuilds on the first read, or after the report time zone or the dispute
 * SLA changed (the settings change rebuilds them itself; this is the safety net).
 */
export async function ensureRollups(db: Db, required: RequiredBasis): Promise<void> {
  if (fits(await currentBasis(db), required)) return;
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${ROLLUP_LOCK})`);
    const current = await currentBasis(tx);
    if (fits(current, required)) return;
    const disputeSlaHours =
      required.disputeSlaHours ?? current?.disputeSlaHours ?? (await getSettings(tx)).disputeSlaHours;
    await tx.execute(sql`select rollups_rebuild(${required.tz}::text, ${disputeSlaHours}::int)`);
  });
}
