import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { toInt } from '../../metrics/filters';
import type { SessionUser } from '../../auth/session-user';
import { getSettings } from '../settings';
import { assertMayManage, customerScope, loadOutageForActor } from './access';
import { affectedWith, compensationPolicy, STILL_OWED, type AffectedQuery } from './compensation-sql';

export interface AffectedCustomerRow {
  account_number: string;
  postcode: string;
  region_code: string;
  /** Only in the list of customers still owed a credit. */
  owed_cents?: number;
}

export interface AffectedCustomersCsv {
  filename: string;
  columns: (keyof AffectedCustomerRow)[];
  /** Pages of rows in customer order; each page is one query, so memory stays flat. */
  batches: AsyncGenerator<AffectedCustomerRow[]>;
}

const PAGE_SIZE = 5_000;

/**
 * The affected customers of outage `ref` for the SMS provider (account, postcode, region), or
 * with `owed` only those still owed a credit, with the amount. Managers and admins only; a
 * regional manager gets their region's customers of an outage that affects their region.
 */
export async function affectedCustomersCsv(
  db: Db,
  actor: SessionUser,
  params: { ref: string; status: 'all' | 'owed' },
  now: Date = new Date(),
): Promise<AffectedCustomersCsv> {
  assertMayManage(actor);
  const outage = await loadOutageForActor(db, actor, params.ref);
  const policy = compensationPolicy(await getSettings(db));
  const query: AffectedQuery = { outageId: outage.id, region: customerScope(actor), policy, now };
  const owedOnly = params.status === 'owed';
  return {
    filename: `${outage.outageRef}-${owedOnly ? 'still-owed' : 'affected-customers'}.csv`,
    columns: owedOnly
      ? ['account_number', 'postcode', 'region_code', 'owed_cents']
      : ['account_number', 'postcode', 'region_code'],
    batches: pages(db, query, owedOnly),
  };
}

async function* pages(db: Db, query: AffectedQuery, owedOnly: boolean): AsyncGenerator<AffectedCustomerRow[]> {
  let afterId = 0;
  for (;;) {
    const rows = await queryRows<{
      id: unknown;
      account_number: string;
      postcode: string | null;
      region_code: string;
      owed_cents: unknown;
    }>(
      db,
      sql`${affectedWith(query)}
        select a.id, a.account_number, a.postcode, a.region_code, a.owed_cents
        from a where a.id > ${afterId} and ${owedOnly ? STILL_OWED : sql`true`}
        order by a.id limit ${PAGE_SIZE}`,
    );
    if (rows.length === 0) return;
    afterId = toInt(rows[rows.length - 1]?.id);
    yield rows.map((r) => ({
      account_number: r.account_number,
      postcode: r.postcode ?? '',
      region_code: r.region_code,
      ...(owedOnly ? { owed_cents: toInt(r.owed_cents) } : {}),
    }));
    if (rows.length < PAGE_SIZE) return;
  }
}
