import { centsText, durationSeconds, roundHalfUp } from './money';
import type { CustomerCompensation, Explanation, OperatorPolicy, OutageFacts } from './types';

/**
 * The operator's own policy on top of the legal minimum: from `minHours` on, the automatic legal
 * amount × `multiplier` (on the exact amount, then rounded half up) and at least `floorCents` for
 * every customer with a service interrupted. Nothing takes the amount below the legal minimum.
 */
export function applyOperatorPolicy(
  explanation: Explanation,
  outage: OutageFacts,
  policy: OperatorPolicy,
  hasInterruptedService: boolean,
): CustomerCompensation {
  const legal = explanation.automatic ? explanation.legalCents : 0;
  const exact = explanation.automatic ? explanation.exactCents : 0;
  const arithmetic: string[] = [];
  if (!explanation.automatic && explanation.legalCents > 0) {
    arithmetic.push(`legal ${centsText(explanation.legalCents)} is not credited automatically`);
  }
  if (durationSeconds(outage) < policy.minHours * 3600 || !hasInterruptedService) {
    if (policy.minHours > 0 && hasInterruptedService)
      arithmetic.push(`shorter than the policy's ${policy.minHours} h: legal minimum only`);
    return { explanation, owedCents: legal, operatorArithmetic: arithmetic };
  }
  const multiplied = roundHalfUp(exact * policy.multiplier);
  const owedCents = Math.max(legal, multiplied, policy.floorCents);
  if (policy.multiplier !== 1)
    arithmetic.push(
      `policy × ${policy.multiplier}: ${centsText(exact * policy.multiplier)} → ${centsText(multiplied)}`,
    );
  if (policy.floorCents > 0) arithmetic.push(`policy floor ${centsText(policy.floorCents)}`);
  if (owedCents !== legal) arithmetic.push(`owed: the greatest, ${centsText(owedCents)}`);
  return { explanation, owedCents, operatorArithmetic: arithmetic };
}
