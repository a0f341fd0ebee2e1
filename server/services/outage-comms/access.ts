import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { outageRegions, outages } from '@/db/schema';
import type { SessionUser } from '../../auth/session-user';
import { loadOutageForActor, outageNotFound, type OutageRow } from '../outages/access';

/**
 * Outage `ref` for reading its texts: reps too (they read the agent script), only outages that
 * affect their home region (all when they have none); everyone else as the outage page allows.
 */
export async function loadOutageForTexts(db: Db, actor: SessionUser, ref: string): Promise<OutageRow> {
  if (actor.role !== 'rep') return loadOutageForActor(db, actor, ref);
  const region = actor.regionCode;
  const inRegion =
    region === null
      ? sql`true`
      : sql`exists (select 1 from ${outageRegions} where ${and(eq(outageRegions.outageId, outages.id), eq(outageRegions.regionCode, region))})`;
  const [row] = await db
    .select()
    .from(outages)
    .where(and(eq(outages.outageRef, ref), inRegion));
  if (!row) throw outageNotFound(ref);
  return row;
}
