import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { settings } from '@/db/schema';
import type { EditableSettingKey } from '@/lib/schemas/settings';
import type { SessionUser } from '../../auth/session-user';
import { recordAudit } from '../audit';
import { defaultSettings, getSettings } from '../settings';
import { assertSettingsHold } from './checks';
import { pickEditable } from './editable';
import { SETTINGS_LOCK } from './lock';

/**
 * Drops the stored value of `key`, so the environment's default applies again from the next
 * request, with an audit row `from` → `to` (the default). A key already at its default is left alone.
 */
export async function resetSetting(db: Db, actor: SessionUser, key: EditableSettingKey): Promise<{ changed: boolean }> {
  return db.transaction(async (tx) => {
    await tx.execute(SETTINGS_LOCK);
    const [stored] = await tx.select({ key: settings.key }).from(settings).where(eq(settings.key, key));
    if (!stored) return { changed: false };
    const current = pickEditable(await getSettings(tx));
    const fallback = pickEditable(defaultSettings())[key];
    await assertSettingsHold(tx, { ...current, [key]: fallback }, new Set([key]));
    await tx.delete(settings).where(eq(settings.key, key));
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'settings.reset',
      entity: 'setting',
      entityId: key,
      details: { from: current[key], to: fallback },
    });
    return { changed: true };
  });
}
