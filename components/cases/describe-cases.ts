import type { useTranslations } from 'next-intl';
import type { Words } from '@/components/ui/vocab';
import type { DrilldownDataset } from '@/lib/drilldown';
import { disputeBasis, retentionBasis, type CasesRequest } from '@/lib/schemas/cases';

/** The area page each list drills down from, for the way back (its label in `cases.areas`). */
export const DATASET_AREAS: Record<DrilldownDataset, string> = {
  disputes: '/disputes',
  'retention-cases': '/retention',
  'churned-customers': '/churn',
  compensations: '/compensation',
};

export type CasesTranslator = ReturnType<typeof useTranslations<'cases'>>;

/**
 * What a list holds, in words: "Disputes opened 2024-01-01 – 2024-03-31 · cause: overcharge ·
 * region MAD". Region and rep are the effective (scoped) ones, so a pinned region shows too.
 */
export function describeCases({ dataset, input }: CasesRequest, t: CasesTranslator, words: Words): string {
  const range = { from: input.from, to: input.to };
  const parts: string[] = [];
  const add = (label: string, value: string | null | undefined, shown = value) => {
    if (value && shown) parts.push(t('describe.narrowing', { label, value: shown }));
  };
  switch (dataset) {
    case 'disputes': {
      const basis = disputeBasis(input);
      parts.push(
        basis === 'backlog'
          ? t('describe.disputesBacklog', { to: input.to })
          : t('describe.disputes', { basis, ...range }),
      );
      add(t('describe.cause'), input.cause, words('disputeCause', input.cause ?? null));
      if (input.firstBill) parts.push(t('describe.firstBill'));
      add(t('describe.age'), input.age);
      break;
    }
    case 'retention-cases':
      parts.push(t('describe.retention', { basis: retentionBasis(input), ...range }));
      add(t('describe.offer'), input.offerType, words('offerType', input.offerType ?? null));
      add(t('describe.reason'), input.reason, words('churnCategory', input.reason ?? null));
      add(t('describe.outcome'), input.outcome, words('retentionOutcome', input.outcome ?? null));
      break;
    case 'churned-customers':
      parts.push(t('describe.churned', range));
      add(t('describe.category'), input.category, words('churnCategory', input.category ?? null));
      add(t('describe.competitor'), input.competitor);
      break;
    case 'compensations':
      parts.push(t('describe.compensations', range));
      add(t('describe.kind'), input.kind, words('compensationKind', input.kind ?? null));
      add(t('describe.issuer'), input.issuer, input.issuer === 'automatic' ? t('automatic') : input.issuer);
      break;
  }
  if (input.soldBy) parts.push(t('describe.soldBy', { who: input.soldBy }));
  if (input.region) parts.push(t('describe.region', { region: input.region }));
  // Churn figures ignore the rep filter (docs/metrics.md), so the list does too.
  if (input.rep && dataset !== 'churned-customers') parts.push(t('describe.rep', { rep: input.rep }));
  return parts.join(' · ');
}
