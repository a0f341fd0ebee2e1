import 'server-only';
import type { Db } from '@/db/client';
import type { SessionUser } from '../../auth/session-user';
import { getSettings } from '../settings';
import { assertMayManage, customerScope, loadOutageForActor } from './access';
import { affectedCompensations, compensationBasis, isStillOwed, type CompensationBasis } from './legal-compensation';

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
  const basis = await compensationBasis(db, outage, await getSettings(db), now);
  const owedOnly = params.status === 'owed';
  return {
    filename: `${outage.outageRef}-${owedOnly ? 'still-owed' : 'affected-customers'}.csv`,
    columns: owedOnly
      ? ['account_number', 'postcode', 'region_code', 'owed_cents']
      : ['account_number', 'postcode', 'region_code'],
    batches: pages(db, basis, customerScope(actor), owedOnly),
  };
}

async function* pages(
  db: Db,
  basis: CompensationBasis,
  region: string | null,
  owedOnly: boolean,
): AsyncGenerator<AffectedCustomerRow[]> {
  for await (const page of affectedCompensations(db, basis, { region })) {
    const rows = owedOnly ? page.filter(isStillOwed) : page;
    if (rows.length === 0) continue;
    yield rows.map((r) => ({
      account_number: r.accountNumber,
      postcode: r.postcode ?? '',
      region_code: r.regionCode,
      ...(owedOnly ? { owed_cents: r.owedCents } : {}),
    }));
  }
}
