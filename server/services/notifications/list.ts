import 'server-only';
import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { notifications } from '@/db/schema';
import type { ListNotificationsInput, MarkNotificationsReadInput } from '@/lib/schemas/notifications';

/** Only the user's own notifications shown in the app: the row scope is the session's user id. */
const own = (userId: number) => and(eq(notifications.userId, userId), eq(notifications.inApp, true));

export async function unreadCount(db: Db, userId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(own(userId), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

export async function listNotifications(db: Db, userId: number, input: ListNotificationsInput) {
  const items = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .where(and(own(userId), input.unreadOnly ? isNull(notifications.readAt) : undefined))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(input.limit);
  return { items, unread: await unreadCount(db, userId) };
}

/** Marks the given ids (only the user's own; others are ignored) or all unread as read. */
export async function markNotificationsRead(
  db: Db,
  userId: number,
  input: MarkNotificationsReadInput,
): Promise<{ marked: number }> {
  const marked = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        input.ids ? inArray(notifications.id, input.ids.length > 0 ? input.ids : [0]) : undefined,
      ),
    )
    .returning({ id: notifications.id });
  return { marked: marked.length };
}
