import 'server-only';
import { EDITABLE_SETTING_KEYS, type EditableSettingKey, type EditableSettings } from '@/lib/schemas/settings';
import type { Settings } from '../settings';

/** Every editable value must fit the stored shape, and the reverse. */
type Assignable<A, B> = [A] extends [B] ? true : never;
const editableFitsSettings: Assignable<EditableSettings, Pick<Settings, EditableSettingKey>> = true;
const settingsFitEditable: Assignable<Pick<Settings, EditableSettingKey>, EditableSettings> = true;
void editableFitsSettings;
void settingsFitEditable;

/** The editable part of the settings, in the order of EDITABLE_SETTING_KEYS. */
export function pickEditable(settings: Settings): EditableSettings {
  return Object.fromEntries(EDITABLE_SETTING_KEYS.map((key) => [key, settings[key]])) as EditableSettings;
}

/** JSON with object keys sorted, so two equal values compare equal whatever order their keys were stored in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

export function sameSettingValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}
