import 'server-only';
import { sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '@/db/client';
import { customers, disputes, outages, postcodes, regions, retentionCases, users } from '@/db/schema';

export type RefKind = 'region' | 'postcode' | 'user' | 'customer' | 'retention_case' | 'dispute' | 'outage';

/** A row names another row by its natural key; resolved in bulk per batch. */
export interface RefRequest {
  kind: RefKind;
  column: string;
  /** The cell as written (for a list, the whole list). */
  value: string;
  key: string;
}

interface RefSource {
  key: PgColumn;
  value: PgColumn;
  missing: string;
}

const SOURCES: Record<RefKind, RefSource> = {
  region: { key: regions.code, value: regions.code, missing: 'unknown region (import regions first)' },
  postcode: {
    key: postcodes.postcode,
    value: postcodes.regionCode,
    missing: 'unknown postcode (import postcodes first)',
  },
  user: { key: users.email, value: users.id, missing: 'no user with this email (import users first)' },
  customer: {
    key: customers.accountNumber,
    value: customers.id,
    missing: 'unknown account_number (import customers first)',
  },
  retention_case: {
    key: retentionCases.caseRef,
    value: retentionCases.id,
    missing: 'unknown case_ref (import retention_cases first)',
  },
  dispute: { key: disputes.disputeRef, value: disputes.id, missing: 'unknown dispute_ref (import disputes first)' },
  outage: { key: outages.outageRef, value: outages.id, missing: 'unknown outage_ref (import outages first)' },
};

export function missingReason(request: RefRequest): string {
  const reason = SOURCES[request.kind].missing;
  return request.value === request.key ? reason : `${reason}: ${request.key}`;
}

/** What a batch's references point at: ids by key, and each postcode's region. */
export class Lookup {
  constructor(private readonly found: ReadonlyMap<RefKind, ReadonlyMap<string, string | number>>) {}

  has(kind: RefKind, key: string): boolean {
    return this.found.get(kind)?.has(key) ?? false;
  }

  /** The id of a row a valid draft names (its references were checked before it is built). */
  id(kind: Exclude<RefKind, 'region' | 'postcode'>, key: string): number {
    const value = this.found.get(kind)?.get(key);
    if (typeof value !== 'number') throw new Error(`Reference ${kind} "${key}" was not resolved`);
    return value;
  }

  /** Same as `id`, for an optional reference. */
  optionalId(kind: Exclude<RefKind, 'region' | 'postcode'>, key: string | null): number | null {
    return key === null ? null : this.id(kind, key);
  }

  postcodeRegion(postcode: string): string | undefined {
    const value = this.found.get('postcode')?.get(postcode);
    return typeof value === 'string' ? value : undefined;
  }
}

/** One query per kind of reference (`key = any($1)`), whatever the batch size. */
export async function resolveReferences(db: Db, requests: Iterable<RefRequest>): Promise<Lookup> {
  const keysByKind = new Map<RefKind, Set<string>>();
  for (const r of requests) {
    let keys = keysByKind.get(r.kind);
    if (!keys) keysByKind.set(r.kind, (keys = new Set()));
    keys.add(r.key);
  }
  const found = new Map<RefKind, Map<string, string | number>>();
  for (const [kind, keys] of keysByKind) {
    const source = SOURCES[kind];
    const rows = await db
      .select({ key: source.key, value: source.value })
      .from(source.key.table)
      .where(sql`${source.key} = any(${sql.param([...keys])}::text[])`);
    found.set(kind, new Map(rows.map((row) => [String(row.key), kindValue(kind, row.value)])));
  }
  return new Lookup(found);
}

function kindValue(kind: RefKind, value: unknown): string | number {
  return kind === 'region' || kind === 'postcode' ? String(value) : Number(value);
}
