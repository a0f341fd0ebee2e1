import { parseMoneyToCents } from '@/lib/schemas/dispute-case';
import {
  EDITABLE_SETTING_KEYS,
  settingsPatchInput,
  type CreditLimitOverrideInput,
  type EditableSettings,
  type SettingsPatch,
} from '@/lib/schemas/settings';
import { TEAMS, type Team } from '@/lib/vocabularies';
import { MILESTONE_TARGETS, SECTIONS, type FieldKind, type MilestoneTarget, type ScalarKey } from './fields';
import { policyRowsToValue, toPolicyRows, type PolicyRow } from './policy-rows';

/** One override as the form holds it: `team:billing` or `user:12`, and two amounts as typed. */
export interface OverrideRow {
  target: string;
  perCase: string;
  perMonth: string;
}

export interface FormState {
  scalars: Record<ScalarKey, string>;
  milestones: Record<MilestoneTarget, string>;
  overrides: OverrideRow[];
  policies: PolicyRow[];
}

/**
 * Problems by field id: a key, `milestoneTargetMinutes.<milestone>` or `creditLimitOverrides.<row>`. A problem
 * the form finds is a message key (`problems.<code>` of `adminSettings`); the shared schema's come as its words.
 */
export type FieldErrors = Record<string, string>;

const SCALAR_FIELDS = SECTIONS.flatMap((s) => s.fields);

/** 5000 → "50.00". */
export function centsText(cents: number): string {
  return (cents / 100).toFixed(2);
}

function valueText(kind: FieldKind, value: number | string): string {
  if (typeof value === 'string') return value;
  return kind === 'money' ? centsText(value) : String(value);
}

export function overrideTarget(o: { team?: Team; userId?: number }): string {
  return o.team !== undefined ? `team:${o.team}` : `user:${o.userId ?? ''}`;
}

export function toFormState(values: EditableSettings): FormState {
  return {
    scalars: Object.fromEntries(SCALAR_FIELDS.map((f) => [f.key, valueText(f.kind, values[f.key])])) as Record<
      ScalarKey,
      string
    >,
    milestones: Object.fromEntries(
      MILESTONE_TARGETS.map((m) => [m, String(values.milestoneTargetMinutes[m])]),
    ) as Record<MilestoneTarget, string>,
    policies: toPolicyRows(values.legalCompensationPolicies),
    overrides: values.creditLimitOverrides.map((o) => ({
      target: overrideTarget(o),
      perCase: centsText(o.perCaseCents),
      perMonth: centsText(o.perMonthCents),
    })),
  };
}

const WHOLE = /^-?\d+$/;
const DECIMAL = /^-?\d+(?:[.,]\d+)?$/;

/** The typed text as the setting's value, or a problem in words. */
function parseValue(kind: FieldKind, text: string): { value: number | string } | { problem: string } {
  const trimmed = text.trim();
  switch (kind) {
    case 'int':
    case 'bytes': {
      const digits = trimmed.replace(/[\s,_]/g, '');
      return WHOLE.test(digits) ? { value: Number(digits) } : { problem: 'problems.wholeNumber' };
    }
    case 'decimal':
      return DECIMAL.test(trimmed) ? { value: Number(trimmed.replace(',', '.')) } : { problem: 'problems.decimal' };
    case 'money': {
      const cents = parseMoneyToCents(trimmed);
      return cents === null ? { problem: 'problems.amount' } : { value: cents };
    }
    case 'currency':
      return { value: trimmed.toUpperCase() };
    case 'timezone':
      return { value: trimmed };
  }
}

function parseOverride(row: OverrideRow): { value: CreditLimitOverrideInput } | { problem: string } {
  const perCaseCents = parseMoneyToCents(row.perCase);
  const perMonthCents = parseMoneyToCents(row.perMonth);
  if (perCaseCents === null || perMonthCents === null) return { problem: 'problems.amounts' };
  const [kind, id] = row.target.split(':');
  if (kind === 'team' && (TEAMS as readonly string[]).includes(id ?? '')) {
    return { value: { team: id as Team, perCaseCents, perMonthCents } };
  }
  if (kind === 'user' && id && /^\d+$/.test(id)) return { value: { userId: Number(id), perCaseCents, perMonthCents } };
  return { problem: 'problems.chooseTarget' };
}

/** JSON with sorted object keys, so values that differ only in key order compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/** Zod's path of a problem as the form's field id. */
export function fieldIdOf(path: readonly PropertyKey[]): string {
  const [key, sub] = path;
  if (
    (key === 'milestoneTargetMinutes' || key === 'creditLimitOverrides' || key === 'legalCompensationPolicies') &&
    sub !== undefined
  ) {
    return `${String(key)}.${String(sub)}`;
  }
  return String(key ?? '');
}

/**
 * The keys the admin changed, parsed and checked with the shared schema; both session lengths go
 * together when either changed, so the schema can compare them. Problems come back by field.
 */
export function formToPatch(
  form: FormState,
  loaded: EditableSettings,
): { ok: true; patch: SettingsPatch } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const next: Record<string, unknown> = {};
  for (const field of SCALAR_FIELDS) {
    const parsed = parseValue(field.kind, form.scalars[field.key]);
    if ('problem' in parsed) errors[field.key] = parsed.problem;
    else next[field.key] = parsed.value;
  }
  const milestones: Record<string, unknown> = {};
  for (const m of MILESTONE_TARGETS) {
    const parsed = parseValue('int', form.milestones[m]);
    if ('problem' in parsed) errors[`milestoneTargetMinutes.${m}`] = parsed.problem;
    else milestones[m] = parsed.value;
  }
  next.milestoneTargetMinutes = milestones;
  next.creditLimitOverrides = form.overrides.map((row, i) => {
    const parsed = parseOverride(row);
    if ('problem' in parsed) errors[`creditLimitOverrides.${i}`] = parsed.problem;
    return 'value' in parsed ? parsed.value : null;
  });
  next.legalCompensationPolicies = policyRowsToValue(form.policies);
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const changed = EDITABLE_SETTING_KEYS.filter((key) => canonical(next[key]) !== canonical(loaded[key]));
  if (changed.includes('sessionIdleMinutes') || changed.includes('sessionAbsoluteHours')) {
    changed.push(...(['sessionIdleMinutes', 'sessionAbsoluteHours'] as const).filter((k) => !changed.includes(k)));
  }
  const result = settingsPatchInput.safeParse(Object.fromEntries(changed.map((key) => [key, next[key]])));
  if (result.success) return { ok: true, patch: result.data };
  for (const issue of result.error.issues) {
    const id = fieldIdOf(issue.path);
    errors[id] ??= issue.message;
  }
  return { ok: false, errors };
}
