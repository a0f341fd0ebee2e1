import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { notifications, users } from '@/db/schema';
import { DEFAULT_LOCALE, isLocale } from '@/lib/locales';
import { enqueueJob } from '../../jobs/enqueue';
import { channelsFor } from './preferences';
import type { NotificationDraft } from './recipients';

export interface Delivered {
  /** Users who got a new row (the others already had this one). */
  userIds: number[];
  emailsQueued: number;
}

/**
 * Writes one notification per recipient, at most once per user, kind and subject (a repeated
 * event, a retried job or a second sweep adds nothing), with each user's channels for the kind;
 * queues an email job for each new row that should be emailed, in the same transaction.
 */
export async function deliverNotification(
  db: Db,
  draft: NotificationDraft,
  emailAvailable: boolean,
): Promise<Delivered> {
  if (draft.userIds.length === 0) return { userIds: [], emailsQueued: 0 };
  return db.transaction(async (tx) => {
    const recipients = await tx
      .select({ id: users.id, locale: users.locale })
      .from(users)
      .where(and(inArray(users.id, draft.userIds), eq(users.active, true)));
    const channels = await channelsFor(
      tx,
      recipients.map((r) => r.id),
      draft.kind,
    );
    // Written in each recipient's language; "automatic" has no browser to ask here, so English.
    const localeOf = new Map(recipients.map((r) => [r.id, isLocale(r.locale) ? r.locale : DEFAULT_LOCALE]));
    const rows = [...channels].map(([userId, c]) => ({
      userId,
      kind: draft.kind,
      subjectKey: draft.subjectKey,
      ...draft.text(localeOf.get(userId) ?? DEFAULT_LOCALE),
      link: draft.link,
      inApp: c.inApp,
      emailStatus: c.email && emailAvailable ? ('pending' as const) : ('none' as const),
    }));
    if (rows.length === 0) return { userIds: [], emailsQueued: 0 };
    const inserted = await tx.insert(notifications).values(rows).onConflictDoNothing().returning({
      id: notifications.id,
      userId: notifications.userId,
      emailStatus: notifications.emailStatus,
      inApp: notifications.inApp,
    });
    let emailsQueued = 0;
    for (const row of inserted) {
      if (row.emailStatus !== 'pending') continue;
      await enqueueJob(tx, 'notification-email', { notificationId: row.id });
      emailsQueued++;
    }
    return { userIds: inserted.filter((r) => r.inApp).map((r) => r.userId), emailsQueued };
  });
}
