import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { notificationPreferences } from '@/db/schema';
import { DEFAULT_CHANNELS, NOTIFICATION_KINDS, type NotificationKind } from '@/lib/notification-kinds';
import type { NotificationPreferencesInput } from '@/lib/schemas/notifications';

export interface Channels {
  inApp: boolean;
  email: boolean;
}

/** The channels of each of these users for one kind; the defaults where a user never chose. */
export async function channelsFor(db: Db, userIds: number[], kind: NotificationKind): Promise<Map<number, Channels>> {
  const result = new Map<number, Channels>(userIds.map((id) => [id, { ...DEFAULT_CHANNELS }]));
  if (userIds.length === 0) return result;
  const rows = await db
    .select()
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.kind, kind), inArray(notificationPreferences.userId, userIds)));
  for (const row of rows) result.set(row.userId, { inApp: row.inApp, email: row.email });
  return result;
}

/** Every kind with the user's channels, for /account. */
export async function getPreferences(
  db: Db,
  userId: number,
): Promise<{ kind: NotificationKind; inApp: boolean; email: boolean }[]> {
  const rows = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  const byKind = new Map(rows.map((r) => [r.kind, r]));
  return NOTIFICATION_KINDS.map((kind) => {
    const row = byKind.get(kind);
    return { kind, inApp: row?.inApp ?? DEFAULT_CHANNELS.inApp, email: row?.email ?? DEFAULT_CHANNELS.email };
  });
}

export async function setPreferences(db: Db, userId: number, input: NotificationPreferencesInput): Promise<void> {
  if (input.preferences.length === 0) return;
  await db
    .insert(notificationPreferences)
    .values(input.preferences.map((p) => ({ userId, kind: p.kind, inApp: p.inApp, email: p.email })))
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.kind],
      set: { inApp: sql`excluded.in_app`, email: sql`excluded.email` },
    });
}
