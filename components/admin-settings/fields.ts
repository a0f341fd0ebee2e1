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

export type SettingUnit = 'hours' | 'minutes' | 'bytes' | 'characters' | 'times';

/** A scalar setting; its label (`adminSettings.fields.<key>`) and hint (`adminSettings.hints.<key>`) are messages. */
export interface ScalarField {
  key: ScalarKey;
  kind: FieldKind;
  /** Shown after the value, e.g. "hours" (`adminSettings.units.<unit>`). */
  unit?: SettingUnit;
}

export interface SettingsSection {
  /** Its title is `adminSettings.sections.<id>`. */
  id: 'disputes' | 'credit-limits' | 'outages' | 'compensation' | 'locale' | 'security';
  fields: readonly ScalarField[];
}

export const SECTIONS: readonly SettingsSection[] = [
  {
    id: 'disputes',
    fields: [
      { key: 'disputeSlaHours', kind: 'int', unit: 'hours' },
      { key: 'disputeDueWarningHours', kind: 'int', unit: 'hours' },
    ],
  },
  {
    id: 'credit-limits',
    fields: [
      { key: 'repCreditLimitPerCaseCents', kind: 'money' },
      { key: 'repCreditLimitPerMonthCents', kind: 'money' },
    ],
  },
  { id: 'outages', fields: [{ key: 'commTargetMinutes', kind: 'int', unit: 'minutes' }] },
  {
    id: 'compensation',
    fields: [
      { key: 'outageCompMultiplier', kind: 'decimal', unit: 'times' },
      { key: 'outageCompFloorCents', kind: 'money' },
      { key: 'outageCompMinHours', kind: 'int', unit: 'hours' },
    ],
  },
  {
    id: 'locale',
    fields: [
      { key: 'currency', kind: 'currency' },
      { key: 'reportTz', kind: 'timezone' },
    ],
  },
  {
    id: 'security',
    fields: [
      { key: 'sessionIdleMinutes', kind: 'int', unit: 'minutes' },
      { key: 'sessionAbsoluteHours', kind: 'int', unit: 'hours' },
      { key: 'maxRequestBodyBytes', kind: 'bytes', unit: 'bytes' },
      { key: 'maxUploadBytes', kind: 'bytes', unit: 'bytes' },
      { key: 'maxImportCellLength', kind: 'int', unit: 'characters' },
    ],
  },
];
