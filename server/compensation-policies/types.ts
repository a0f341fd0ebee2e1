import type { LegalPolicy, ServiceKind, UkNation } from '@/lib/billing';

/** Fee or billed amount per service, in cents; a missing key is a service the customer does not have. */
export type ServiceAmounts = Partial<Record<ServiceKind, number>>;

export interface OutageFacts {
  startedAt: Date;
  /** When it was resolved, or now for an outage still open. */
  endedAt: Date;
  forceMajeure: boolean;
  /** The services the outage interrupted; null when it interrupted every service. */
  services: readonly ServiceKind[] | null;
  /** Customers the outage affects in every region (New York's 100-subscriber threshold). */
  affectedSubscribers: number;
}

export interface CustomerFacts {
  /** The customer's total monthly fee (customers.monthly_fee_cents). */
  monthlyFeeCents: number;
  /** Fee per subscribed service, or null when no breakdown is on file. */
  services: ServiceAmounts | null;
  /** The customer's bills of the three calendar months before the outage's month, amount per service. */
  previousBills: readonly ServiceAmounts[];
}

/** A region's choice of legal rule, effective from a date (the report time zone's midnight). */
export interface PolicyAssignment {
  regionCode: string;
  policy: LegalPolicy;
  effectiveFrom: string;
  /** Whose bank holidays make the working days of the UK rule. */
  nation?: UkNation;
}

export type ExplanationValue = string | number | boolean | null;

/** Why a customer is owed what they are owed: which rule, which inputs, which arithmetic. */
export interface Explanation {
  policy: LegalPolicy;
  /** The version of the rule in force when the outage started, e.g. "2026-04-01". */
  version: string;
  rule: string;
  inputs: Record<string, ExplanationValue>;
  arithmetic: string[];
  /** Before rounding, so the operator's multiplier works on the exact amount. */
  exactCents: number;
  /** The legal minimum, rounded half up. */
  legalCents: number;
  /** Credited without the customer asking (Spain: only above €1). */
  automatic: boolean;
}

/** The operator's own policy over the legal minimum (settings). */
export interface OperatorPolicy {
  multiplier: number;
  floorCents: number;
  minHours: number;
}

export interface CustomerCompensation {
  explanation: Explanation;
  /** What the operator credits automatically: the legal minimum, or more under its own policy. */
  owedCents: number;
  operatorArithmetic: string[];
}
