import 'server-only';
import { sql } from 'drizzle-orm';
import { compensations } from '@/db/schema';
import { COMPENSATION_KINDS, type CompensationKind } from '@/lib/vocabularies';
import type { EntityImporter } from '../entity';
import { queryRows } from '@/db/client';
import type { ImportWriter } from '../import-writer';
import type { Lookup } from '../references';
import type { CellError } from '../row-reader';

interface CompensationDraft {
  compRef: string;
  accountNumber: string;
  kind: CompensationKind;
  amountCents: number;
  issuedAt: Date;
  issuedBy: string | null;
  retentionCaseRef: string | null;
  disputeRef: string | null;
  outageRef: string | null;
}

const UPDATABLE = {
  account_number: 'customerId',
  kind: 'kind',
  amount: 'amountCents',
  issued_at: 'issuedAt',
  issued_by: 'issuedById',
  retention_case_ref: 'retentionCaseId',
  dispute_ref: 'disputeId',
  outage_ref: 'outageId',
} as const;

const REQUIRED = new Set(['account_number', 'kind', 'amount', 'issued_at']);

export const compensationsImporter: EntityImporter<CompensationDraft> = {
  columns: [
    { name: 'comp_ref', required: true },
    ...Object.keys(UPDATABLE).map((name) => ({ name, required: REQUIRED.has(name) })),
  ],
  parse(r) {
    const required = { required: true };
    const compRef = r.text('comp_ref', required);
    const accountNumber = r.ref('account_number', 'customer', required);
    const kind = r.vocabulary('kind', COMPENSATION_KINDS, required);
    const amountCents = r.money('amount', 'positive', required);
    const issuedAt = r.instant('issued_at', required);
    const refs = {
      issuedBy: r.ref('issued_by', 'user'),
      retentionCaseRef: r.ref('retention_case_ref', 'retention_case'),
      disputeRef: r.ref('dispute_ref', 'dispute'),
      outageRef: r.ref('outage_ref', 'outage'),
    };
    if (compRef === null || accountNumber === null || kind === null || amountCents === null || issuedAt === null) {
      return null;
    }
    return { compRef, accountNumber, kind, amountCents, issuedAt, ...refs };
  },
  key: (d) => d.compRef,
  checkBatch: checkOutageCreditsOnce,
  async write(out, drafts, lookup, present) {
    const rows = drafts.map((d) => ({
      compRef: d.compRef,
      customerId: lookup.id('customer', d.accountNumber),
      kind: d.kind,
      amountCents: d.amountCents,
      issuedAt: d.issuedAt,
      issuedById: lookup.optionalId('user', d.issuedBy),
      retentionCaseId: lookup.optionalId('retention_case', d.retentionCaseRef),
      disputeId: lookup.optionalId('dispute', d.disputeRef),
      outageId: lookup.optionalId('outage', d.outageRef),
    }));
    await out.upsert({ table: compensations, target: 'compRef', fromCsv: UPDATABLE }, rows, present);
  },
};

/**
 * A customer gets one outage credit per outage (a unique index keeps "compensate all" idempotent),
 * so a second credit under another comp_ref is a row error rather than a failed transaction.
 */
async function checkOutageCreditsOnce(
  out: ImportWriter,
  drafts: readonly CompensationDraft[],
  lookup: Lookup,
): Promise<CellError[][]> {
  const errors = drafts.map((): CellError[] => []);
  const pairKey = (d: CompensationDraft) =>
    d.kind === 'outage_credit' && d.outageRef !== null
      ? `${lookup.id('outage', d.outageRef)}:${lookup.id('customer', d.accountNumber)}`
      : null;
  const credits = drafts.map((d, i) => ({ d, i, pair: pairKey(d) })).filter((c) => c.pair !== null);
  if (credits.length === 0) return errors;

  // The credits as this import has left them so far: a credit of an earlier batch counts too.
  const credited = out.visible(compensations, 'compRef', ['compRef', 'kind', 'outageId', 'customerId']);
  const customerIds = credits.map((c) => lookup.id('customer', c.d.accountNumber));
  const stored = await queryRows<{ comp_ref: string; outage_id: number | null; customer_id: number }>(
    out.db,
    sql`select comp_ref, outage_id, customer_id from ${credited} c
        where kind = 'outage_credit' and customer_id = any(${sql.param(customerIds)}::int[])`,
  );
  const holder = new Map(stored.map((s) => [`${s.outage_id}:${s.customer_id}`, s.comp_ref]));
  for (const { d, i, pair } of credits) {
    if (pair === null) continue;
    const other = holder.get(pair);
    if (other !== undefined && other !== d.compRef) {
      errors[i]?.push({
        column: 'outage_ref',
        value: d.outageRef ?? '',
        reason: `this customer already has an outage credit for this outage (${other})`,
      });
    } else {
      holder.set(pair, d.compRef);
    }
  }
  return errors;
}
