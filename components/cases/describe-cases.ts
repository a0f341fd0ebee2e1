import type { DrilldownDataset } from '@/lib/drilldown';
import { disputeBasis, retentionBasis, type CasesRequest } from '@/lib/schemas/cases';

export const DATASET_LABELS: Record<DrilldownDataset, string> = {
  disputes: 'Disputes',
  'retention-cases': 'Retention cases',
  'churned-customers': 'Churned customers',
  compensations: 'Compensations',
};

/** The area page each list drills down from, for the way back. */
export const DATASET_AREAS: Record<DrilldownDataset, { href: string; label: string }> = {
  disputes: { href: '/disputes', label: 'Billing disputes' },
  'retention-cases': { href: '/retention', label: 'Retention' },
  'churned-customers': { href: '/churn', label: 'Churn' },
  compensations: { href: '/compensation', label: 'Compensation' },
};

const words = (value: string) => value.replaceAll('_', ' ');

/**
 * What a list holds, in words: "Disputes opened 2024-01-01 – 2024-03-31 · cause: overcharge ·
 * region MAD". Region and rep are the effective (scoped) ones, so a pinned region shows too.
 */
export function describeCases({ dataset, input }: CasesRequest): string {
  const range = `${input.from} – ${input.to}`;
  const parts: string[] = [];
  const add = (label: string, value: string | null | undefined) => {
    if (value) parts.push(`${label}: ${words(value)}`);
  };
  switch (dataset) {
    case 'disputes': {
      const basis = disputeBasis(input);
      parts.push(basis === 'backlog' ? `Disputes still open at the end of ${input.to}` : `Disputes ${basis} ${range}`);
      add('cause', input.cause);
      if (input.firstBill) parts.push('first bill');
      add('age', input.age);
      break;
    }
    case 'retention-cases':
      parts.push(`Retention cases ${retentionBasis(input)} ${range}`);
      add('offer', input.offerType);
      add('reason', input.reason);
      add('outcome', input.outcome);
      break;
    case 'churned-customers':
      parts.push(`Customers churned ${range}`);
      add('category', input.category);
      add('competitor', input.competitor);
      break;
    case 'compensations':
      parts.push(`Compensations issued ${range}`);
      add('kind', input.kind);
      add('issuer', input.issuer);
      break;
  }
  if (input.soldBy) parts.push(`sold by ${input.soldBy}`);
  if (input.region) parts.push(`region ${input.region}`);
  // Churn figures ignore the rep filter (docs/metrics.md), so the list does too.
  if (input.rep && dataset !== 'churned-customers') parts.push(`rep ${input.rep}`);
  return parts.join(' · ');
}
