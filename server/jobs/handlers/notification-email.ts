import 'server-only';
import { and, eq } from 'drizzle-orm';
import { notifications, users } from '@/db/schema';
import { translatorFor } from '@/i18n/translator';
import { DEFAULT_LOCALE, isLocale } from '@/lib/locales';
import type { JobHandler } from '../job-context';

/**
 * Sends one notification's email and marks it sent. A row already sent (a retry after the
 * send but before the mark, or a duplicate job) is not sent again; one without a mailer stays
 * in the app.
 */
export const handleNotificationEmail: JobHandler<'notification-email'> = async (context, { notificationId }) => {
  const [row] = await context.db
    .select({
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
      status: notifications.emailStatus,
      to: users.email,
      locale: users.locale,
    })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(eq(notifications.id, notificationId));
  if (!row || row.status !== 'pending' || !context.mailer) return;
  const url = new URL(row.link, context.appUrl).toString();
  const t = translatorFor(isLocale(row.locale) ? row.locale : DEFAULT_LOCALE, 'notifications');
  const account = new URL('/account', context.appUrl).toString();
  await context.mailer.send({
    to: row.to,
    subject: t('email.subject', { title: row.title }),
    text: `${row.body}\n\n${t('email.open', { url })}\n\n${t('email.choose', { url: account })}\n`,
  });
  await context.db
    .update(notifications)
    .set({ emailStatus: 'sent', emailedAt: new Date() })
    .where(and(eq(notifications.id, notificationId), eq(notifications.emailStatus, 'pending')));
};
