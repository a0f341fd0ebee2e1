import 'server-only';
import { retentionCases } from '@/db/schema';
import {
  CHURN_CATEGORIES,
  OFFER_TYPES,
  RETENTION_OUTCOMES,
  type ChurnCategory,
  type OfferType,
  type RetentionOutcome,
} from '@/lib/vocabularies';
import type { EntityImporter } from '../entity';

interface RetentionCaseDraft {
  caseRef: string;
  accountNumber: string;
  rep: string;
  openedAt: Date;
  reason: ChurnCategory;
  offerType: OfferType;
  outcome: RetentionOutcome;
  mrrAtRiskCents: number;
  closedAt: Date | null;
  offerMonthlyDiscountCents: number;
  offerMonths: number;
}

const UPDATABLE = {
  account_number: 'customerId',
  rep: 'repId',
  opened_at: 'openedAt',
  reason: 'reason',
  offer_type: 'offerType',
  outcome: 'outcome',
  mrr_at_risk: 'mrrAtRiskCents',
  closed_at: 'closedAt',
  offer_monthly_discount: 'offerMonthlyDiscountCents',
  offer_months: 'offerMonths',
} as const;

const OPTIONAL = new Set(['closed_at', 'offer_monthly_discount', 'offer_months']);

export const retentionCasesImporter: EntityImporter<RetentionCaseDraft> = {
  columns: [
    { name: 'case_ref', required: true },
    ...Object.keys(UPDATABLE).map((name) => ({ name, required: !OPTIONAL.has(name) })),
  ],
  parse(r) {
    const required = { required: true };
    const caseRef = r.text('case_ref', required);
    const accountNumber = r.ref('account_number', 'customer', required);
    const rep = r.ref('rep', 'user', required);
    const openedAt = r.instant('opened_at', required);
    const reason = r.vocabulary('reason', CHURN_CATEGORIES, required);
    const offerType = r.vocabulary('offer_type', OFFER_TYPES, required);
    const outcome = r.vocabulary('outcome', RETENTION_OUTCOMES, required);
    const mrrAtRiskCents = r.money('mrr_at_risk', 'zero', required);
    const closedAt = r.instant('closed_at');
    if (closedAt === null && outcome !== null && outcome !== 'pending' && r.raw('closed_at').trim() === '') {
      r.fail('closed_at', `required when outcome is ${outcome} (only pending cases may be open)`);
    }
    r.notBefore('closed_at', closedAt, 'opened_at', openedAt);
    const offerMonthlyDiscountCents = r.money('offer_monthly_discount', 'zero') ?? 0;
    const offerMonths = r.integer('offer_months', 0) ?? 0;
    if (
      caseRef === null ||
      accountNumber === null ||
      rep === null ||
      openedAt === null ||
      reason === null ||
      offerType === null ||
      outcome === null ||
      mrrAtRiskCents === null
    ) {
      return null;
    }
    return {
      caseRef,
      accountNumber,
      rep,
      openedAt,
      reason,
      offerType,
      outcome,
      mrrAtRiskCents,
      closedAt,
      offerMonthlyDiscountCents,
      offerMonths,
    };
  },
  key: (d) => d.caseRef,
  async write(out, drafts, lookup, present) {
    const rows = drafts.map(({ accountNumber, rep, ...d }) => ({
      ...d,
      customerId: lookup.id('customer', accountNumber),
      repId: lookup.id('user', rep),
    }));
    await out.upsert({ table: retentionCases, target: 'caseRef', fromCsv: UPDATABLE }, rows, present);
  },
};
