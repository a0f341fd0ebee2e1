import type { EditableSettingKey } from '@/lib/schemas/settings';
import type { Milestone } from '@/lib/outage-targets';

/** How a field is typed and shown: whole numbers, money (decimals, stored as cents), a decimal, a byte size, a code. */
export type FieldKind = 'int' | 'money' | 'decimal' | 'bytes' | 'currency' | 'timezone';

export type MilestoneTarget = Exclude<Milestone, 'communicate'>;
export const MILESTONE_TARGETS: readonly MilestoneTarget[] = ['detect', 'ivr', 'sms', 'brief', 'resolve'];

/** A key holding one value (every editable key but the milestone targets and the overrides). */
export type ScalarKey = Exclude<
  EditableSettingKey,
  'milestoneTargetMinutes' | 'creditLimitOverrides' | 'legalCompensationPolicies'
>;

export interface ScalarField {
  key: ScalarKey;
  label: string;
  kind: FieldKind;
  /** Shown after the value, e.g. "hours". */
  unit?: string;
  hint?: string;
}

export interface SettingsSection {
  id: string;
  title: string;
  fields: readonly ScalarField[];
}

export const SECTIONS: readonly SettingsSection[] = [
  {
    id: 'disputes',
    title: 'Billing disputes',
    fields: [
      { key: 'disputeSlaHours', label: 'Dispute SLA', kind: 'int', unit: 'hours', hint: 'From opening to resolution.' },
      {
        key: 'disputeDueWarningHours',
        label: 'Due-soon notice',
        kind: 'int',
        unit: 'hours',
        hint: 'The assignee is notified this long before the SLA ends.',
      },
    ],
  },
  {
    id: 'credit-limits',
    title: 'Rep credit limits',
    fields: [
      { key: 'repCreditLimitPerCaseCents', label: 'Per dispute', kind: 'money', hint: 'Above it, a manager approves.' },
      { key: 'repCreditLimitPerMonthCents', label: 'Per calendar month', kind: 'money' },
    ],
  },
  {
    id: 'outages',
    title: 'Outage response targets',
    fields: [
      {
        key: 'commTargetMinutes',
        label: 'Public communication',
        kind: 'int',
        unit: 'minutes',
        hint: 'From the outage start.',
      },
    ],
  },
  {
    id: 'compensation',
    title: 'Outage compensation policy',
    fields: [
      {
        key: 'outageCompMultiplier',
        label: 'Multiplier over the legal pro-rata',
        kind: 'decimal',
        unit: '×',
        hint: 'The policy can raise the legal minimum, never lower it.',
      },
      { key: 'outageCompFloorCents', label: 'Floor per customer', kind: 'money' },
      { key: 'outageCompMinHours', label: 'Minimum outage length', kind: 'int', unit: 'hours' },
    ],
  },
  {
    id: 'locale',
    title: 'Currency and reporting',
    fields: [
      { key: 'currency', label: 'Currency', kind: 'currency', hint: 'ISO 4217, e.g. EUR.' },
      { key: 'reportTz', label: 'Report time zone', kind: 'timezone', hint: 'Days, months and SLA clocks.' },
    ],
  },
  {
    id: 'security',
    title: 'Sessions and limits',
    fields: [
      { key: 'sessionIdleMinutes', label: 'Sign out after idle', kind: 'int', unit: 'minutes' },
      { key: 'sessionAbsoluteHours', label: 'Session length', kind: 'int', unit: 'hours', hint: 'Whatever happens.' },
      { key: 'maxRequestBodyBytes', label: 'Largest request body', kind: 'bytes', unit: 'bytes' },
      { key: 'maxUploadBytes', label: 'Largest CSV upload', kind: 'bytes', unit: 'bytes' },
      { key: 'maxImportCellLength', label: 'Longest import cell', kind: 'int', unit: 'characters' },
    ],
  },
];

export const SETTING_LABELS: Record<EditableSettingKey, string> = {
  ...(Object.fromEntries(SECTIONS.flatMap((s) => s.fields.map((f) => [f.key, f.label]))) as Record<ScalarKey, string>),
  milestoneTargetMinutes: 'Milestone targets',
  creditLimitOverrides: 'Credit-limit overrides',
  legalCompensationPolicies: 'Legal compensation policy per region',
};
