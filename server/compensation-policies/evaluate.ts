import 'server-only';
import { RULE_VERSIONS, POLICY_TIME_ZONES } from './choose';
import { interrupted } from './money';
import { newYorkPsc } from './ny-psc';
import { applyOperatorPolicy } from './operator';
import { proRata } from './pro-rata';
import { spainRd899 } from './spain-rd899';
import type {
  CustomerCompensation,
  CustomerFacts,
  Explanation,
  OperatorPolicy,
  OutageFacts,
  PolicyAssignment,
} from './types';
import { ukOfcomDelayedRepair } from './uk-ofcom';

/** The legal minimum one customer is owed for one outage under the region's assignment. */
export function legalMinimum(customer: CustomerFacts, outage: OutageFacts, assignment: PolicyAssignment): Explanation {
  switch (assignment.policy) {
    case 'pro-rata':
      return proRata(customer, outage, RULE_VERSIONS['pro-rata']);
    case 'es-rd899':
      return spainRd899(customer, outage, RULE_VERSIONS['es-rd899'], POLICY_TIME_ZONES['es-rd899'] ?? 'Europe/Madrid');
    case 'uk-ofcom':
      return ukOfcomDelayedRepair(customer, outage, assignment.nation ?? 'ENG');
    case 'us-ny-psc':
      return newYorkPsc(customer, outage, RULE_VERSIONS['us-ny-psc']);
  }
}

/** The legal minimum and, on top of it, what the operator's policy credits. */
export function customerCompensation(
  customer: CustomerFacts,
  outage: OutageFacts,
  assignment: PolicyAssignment,
  operator: OperatorPolicy,
): CustomerCompensation {
  const explanation = legalMinimum(customer, outage, assignment);
  const services = interrupted(customer, outage);
  return applyOperatorPolicy(explanation, outage, operator, services === null || services.kinds.length > 0);
}
