import type { LegalPolicy, UkNation } from '@/lib/billing';
import type { PolicyAssignmentInput } from '@/lib/schemas/compensation-policies';

/** One region's policy assignment as the form holds it: every field as typed or chosen. */
export interface PolicyRow {
  regionCode: string;
  policy: LegalPolicy | '';
  effectiveFrom: string;
  nation: UkNation | '';
}

export function toPolicyRows(values: readonly PolicyAssignmentInput[]): PolicyRow[] {
  return values.map((a) => ({
    regionCode: a.regionCode,
    policy: a.policy,
    effectiveFrom: a.effectiveFrom,
    nation: a.nation ?? '',
  }));
}

/** The rows as the setting's value; the shared schema then checks each field. */
export function policyRowsToValue(rows: readonly PolicyRow[]): unknown[] {
  return rows.map((row) => ({
    regionCode: row.regionCode.trim(),
    policy: row.policy === '' ? undefined : row.policy,
    effectiveFrom: row.effectiveFrom.trim(),
    ...(row.policy === 'uk-ofcom' ? { nation: row.nation === '' ? 'ENG' : row.nation } : {}),
  }));
}
