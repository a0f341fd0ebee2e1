import type { CompensationKind } from '../../lib/vocabularies';
import { activeAt, type CustomerSeed } from './demo-customers';
import type { DisputeSeed } from './demo-disputes';
import { outageCovers, type OutageSeed } from './demo-outages';
import { repsAt, type UserSeed } from './demo-people';
import type { RetentionSeed } from './demo-retention';
import { ANCHOR, DAY, HOUR, MINUTE, WINDOW_START, duringDay, seconds } from './demo-time';
import { rngFor } from './random';

export interface CompensationSeed {
  compRef: string;
  customer: number;
  kind: CompensationKind;
  amountCents: number;
  issuedAt: number;
  issuedBy: string | null;
  retentionCaseRef: string | null;
  disputeRef: string | null;
  outageRef: string | null;
}

const GOODWILL_COUNT = 350;
const LEGAL_HOURS_PER_MONTH = 720;

/** round_half_up(monthly_fee × outage_hours / 720), in exact integer arithmetic. */
export function outageCreditCents(monthlyFeeCents: number, startedAt: number, resolvedAt: number): number {
  const divisor = LEGAL_HOURS_PER_MONTH * HOUR;
  return Math.floor((2 * monthlyFeeCents * (resolvedAt - startedAt) + divisor) / (2 * divisor));
}

function blank(
  customer: number,
  kind: CompensationKind,
  amountCents: number,
  issuedAt: number,
  issuedBy: string | null,
): CompensationSeed {
  return {
    compRef: '',
    customer,
    kind,
    amountCents,
    issuedAt,
    issuedBy,
    retentionCaseRef: null,
    disputeRef: null,
    outageRef: null,
  };
}

export function buildCompensations(input: {
  customers: readonly CustomerSeed[];
  users: readonly UserSeed[];
  cases: readonly RetentionSeed[];
  disputes: readonly DisputeSeed[];
  outages: readonly OutageSeed[];
}): CompensationSeed[] {
  const rng = rngFor('compensations');
  const { customers, users } = input;
  const out: CompensationSeed[] = [];
  const generous = new Set(users.filter((u) => u.generous).map((u) => u.email));

  for (const rc of input.cases) {
    if (rc.outcome !== 'saved' || rc.compensation === null || rc.closedAt === null) continue;
    out.push({
      ...blank(rc.customer, rc.compensation.kind, rc.compensation.amountCents, rc.closedAt, rc.rep),
      retentionCaseRef: rc.caseRef,
    });
  }

  for (const d of input.disputes) {
    if (d.creditedAmountCents <= 0 || d.resolvedAt === null) continue;
    out.push({
      ...blank(d.customer, 'dispute_credit', d.creditedAmountCents, d.resolvedAt, d.assignedTo),
      disputeRef: d.disputeRef,
    });
    if (d.assignedTo !== null && generous.has(d.assignedTo) && rng.chance(0.6)) {
      const amount = rng.pick([1000, 1500, 2000, 2500, 3000]);
      out.push({
        ...blank(d.customer, 'goodwill', amount, d.resolvedAt + MINUTE, d.assignedTo),
        disputeRef: d.disputeRef,
      });
    }
  }

  for (const o of input.outages) {
    if (!o.compensated || o.resolvedAt === null) continue;
    // Credits go out in one batch run a few days after the incident closes.
    const issuedAt = Math.min(ANCHOR - HOUR, seconds(duringDay(rng, o.resolvedAt + rng.int(1, 5) * DAY, 9, 11)));
    customers.forEach((c, i) => {
      if (!activeAt(c, o.startedAt) || !outageCovers(o, c.regionCode, c.postcode)) return;
      const amount = outageCreditCents(c.monthlyFeeCents, o.startedAt, o.resolvedAt ?? o.startedAt);
      if (amount > 0) out.push({ ...blank(i, 'outage_credit', amount, issuedAt, null), outageRef: o.outageRef });
    });
  }

  let goodwill = 0;
  while (goodwill < GOODWILL_COUNT) {
    const at = seconds(duringDay(rng, WINDOW_START + rng.next() * (ANCHOR - DAY - WINDOW_START)));
    const customer = rng.int(0, customers.length - 1);
    const c = customers[customer];
    if (!c || !activeAt(c, at)) continue;
    const reps = repsAt(users, rng.chance(0.6) ? 'billing' : 'retention', c.regionCode, at);
    if (reps.length === 0) continue;
    out.push(blank(customer, 'goodwill', rng.pick([500, 1000, 1500, 2000, 2500, 3000]), at, rng.pick(reps).email));
    goodwill++;
  }

  // Stable sort: same-instant rows keep their generation order, so refs are reproducible.
  out.sort((a, b) => a.issuedAt - b.issuedAt);
  out.forEach((comp, i) => (comp.compRef = `CP-${String(i + 1).padStart(7, '0')}`));
  return out;
}
