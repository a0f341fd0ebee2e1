import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { regions, settings, users } from '@/db/schema';
import { EDITABLE_SETTING_KEYS, type EditableSettingKey } from '@/lib/schemas/settings';
import { defaultSettings, getSettings } from '../settings';
import { pickEditable } from './editable';

const EDITABLE: ReadonlySet<string> = new Set(EDITABLE_SETTING_KEYS);

/**
 * The admin settings screen: the values in force, the environment's defaults beside them, which
 * keys an admin changed (when and by whom), and the choices the form offers (reps, regions, zones, currencies).
 */
export async function getSettingsView(db: Db) {
  const [current, stored, reps, regionRows] = await Promise.all([
    getSettings(db),
    db
      .select({ key: settings.key, updatedAt: settings.updatedAt, updatedBy: users.email })
      .from(settings)
      .leftJoin(users, eq(users.id, settings.updatedById)),
    db
      .select({ id: users.id, email: users.email, name: users.name, team: users.team, active: users.active })
      .from(users)
      .where(eq(users.role, 'rep'))
      .orderBy(asc(users.email)),
    db.select({ code: regions.code, name: regions.name }).from(regions).orderBy(asc(regions.code)),
  ]);
  return {
    values: pickEditable(current),
    defaults: pickEditable(defaultSettings()),
    changed: stored
      .filter((row): row is typeof row & { key: EditableSettingKey } => EDITABLE.has(row.key))
      .map((row) => ({ key: row.key, updatedAt: row.updatedAt, updatedBy: row.updatedBy })),
    reps,
    regions: regionRows,
    timeZones: Intl.supportedValuesOf('timeZone'),
    currencies: Intl.supportedValuesOf('currency'),
  };
}

export type SettingsView = Awaited<ReturnType<typeof getSettingsView>>;
