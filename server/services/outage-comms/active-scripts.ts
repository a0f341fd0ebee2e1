import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import type { SessionUser } from '../../auth/session-user';
import { getSettings } from '../settings';

export interface ActiveScript {
  ref: string;
  title: string;
  severity: string;
  startedAt: string;
  regions: string[];
  /** Null while no agent script is written yet. */
  script: { body: string; author: string; createdAt: string } | null;
}

/**
 * The outages still open that touch the caller's home region (everyone's for those without
 * one), newest first, each with its current agent script: what reps read before taking calls.
 */
export async function activeAgentScripts(
  db: Db,
  actor: SessionUser,
): Promise<{ outages: ActiveScript[]; timezone: string }> {
  const region = actor.regionCode;
  const rows = await queryRows<{
    outage_ref: string;
    title: string;
    severity: string;
    started_at: unknown;
    regions: string[] | string | null;
    body: string | null;
    author: string | null;
    created_at: unknown;
  }>(
    db,
    sql`select o.outage_ref, o.title, o.severity, o.started_at,
        array(select orr.region_code from outage_regions orr where orr.outage_id = o.id order by 1) as regions,
        t.body, u.name as author, t.created_at
      from outages o
      left join lateral (select x.body, x.author_id, x.created_at from outage_texts x
        where x.outage_id = o.id and x.kind = 'agent_script' order by x.id desc limit 1) t on true
      left join users u on u.id = t.author_id
      where o.resolved_at is null
        and (${region}::text is null or exists (select 1 from outage_regions orr
          where orr.outage_id = o.id and orr.region_code = ${region}))
      order by o.started_at desc
      limit 50`,
  );
  const iso = (v: unknown) => new Date(v as string).toISOString();
  return {
    timezone: (await getSettings(db)).reportTz,
    outages: rows.map((r) => ({
      ref: r.outage_ref,
      title: r.title,
      severity: r.severity,
      startedAt: iso(r.started_at),
      regions: Array.isArray(r.regions) ? r.regions : (r.regions ?? '').replace(/[{}]/g, '').split(',').filter(Boolean),
      script:
        r.body === null ? null : { body: r.body, author: r.author ?? '', createdAt: iso(r.created_at) },
    })),
  };
}
