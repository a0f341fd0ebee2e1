import 'server-only';
import type { Db } from '@/db/client';
import { EDITABLE_SETTING_KEYS, type EditableSettingKey, type SettingsPatch } from '@/lib/schemas/settings';
import type { SessionUser } from '../../auth/session-user';
import { rebuildRollups } from '../../metrics/rollups/state';
import { recordAudit } from '../audit';
import { getSettings, putSetting } from '../settings';
import { assertSettingsHold } from './checks';
import { pickEditable, sameSettingValue } from './editable';
import { SETTINGS_LOCK } from './lock';

/**
 * Stores the keys of `patch` whose value differs from the current one, each with an audit row
 * (`from` → `to`) in the same transaction. Nothing is cached: the next request reads the new values.
 */
export async function updateSettings(
  db: Db,
  actor: SessionUser,
  patch: SettingsPatch,
): Promise<{ changed: EditableSettingKey[] }> {
  return db.transaction(async (tx) => {
    await tx.execute(SETTINGS_LOCK);
    const current = pickEditable(await getSettings(tx));
    const changed = EDITABLE_SETTING_KEYS.filter(
      (key) => patch[key] !== undefined && !sameSettingValue(patch[key], current[key]),
    );
    if (changed.length === 0) return { changed };
    const next = { ...current, ...patch };
    await assertSettingsHold(tx, next, new Set(changed));
    for (const key of changed) {
      await putSetting(tx, key, next[key], actor.id);
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'settings.update',
        entity: 'setting',
        entityId: key,
        details: { from: current[key], to: next[key] },
      });
    }
    // The rollups are keyed by days of the report time zone and count "within SLA" for one SLA.
    if (changed.includes('reportTz') || changed.includes('disputeSlaHours')) {
      await rebuildRollups(tx, { tz: next.reportTz, disputeSlaHours: next.disputeSlaHours });
    }
    return { changed };
  });
}
