import 'server-only';
import {
  listNotificationsInput,
  markNotificationsReadInput,
  notificationPreferencesInput,
} from '@/lib/schemas/notifications';
import { listNotifications, markNotificationsRead, unreadCount } from '../../services/notifications/list';
import { onNotificationChange, publishNotificationChange } from '../../services/notifications/live';
import { getPreferences, setPreferences } from '../../services/notifications/preferences';
import { createTRPCRouter, protectedProcedure } from '../trpc';

/** Another process (a second server on PostgreSQL) cannot wake this one: re-read this often. */
const REREAD_MS = 30_000;

/** Resolves on the user's next change, after REREAD_MS, or when the client goes away. */
function nextChange(userId: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      off();
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, REREAD_MS);
    const off = onNotificationChange(userId, done);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** The bell and /account: every user's own notifications and choices, scoped to the session. */
export const notificationsRouter = createTRPCRouter({
  list: protectedProcedure
    .input(listNotificationsInput)
    .query(({ ctx, input }) => listNotifications(ctx.db, ctx.session.id, input)),
  unreadCount: protectedProcedure.query(({ ctx }) => unreadCount(ctx.db, ctx.session.id)),
  /** The unread count now and after every change, over server-sent events (httpSubscriptionLink). */
  onUnreadCount: protectedProcedure.subscription(async function* ({ ctx, signal }) {
    let last: number | null = null;
    while (!signal?.aborted) {
      const count = await unreadCount(ctx.db, ctx.session.id);
      if (count !== last) {
        last = count;
        yield count;
      }
      await nextChange(ctx.session.id, signal);
    }
  }),
  markRead: protectedProcedure.input(markNotificationsReadInput).mutation(async ({ ctx, input }) => {
    const result = await markNotificationsRead(ctx.db, ctx.session.id, input);
    publishNotificationChange([ctx.session.id]);
    return result;
  }),
  preferences: protectedProcedure.query(({ ctx }) => getPreferences(ctx.db, ctx.session.id)),
  setPreferences: protectedProcedure
    .input(notificationPreferencesInput)
    .mutation(({ ctx, input }) => setPreferences(ctx.db, ctx.session.id, input)),
});
