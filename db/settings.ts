import type { Db } from './client';
import { settings } from './schema';

/**
 * Stores one setting over the environment's default. The keys and their value types are `Settings`
 * of server/services/settings.ts, whose `putSetting` is the typed way in; the demo seed, below the
 * server layer, writes its flag through here.
 */
export async function writeSetting(db: Db, key: string, value: unknown, updatedById: number | null = null): Promise<void> {
  await db
    .insert(settings)
    .values({ key, value, updatedById })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedById, updatedAt: new Date() } });
}
