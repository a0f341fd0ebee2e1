import { boolean, check, index, integer, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { NOTIFICATION_KINDS } from '../../lib/notification-kinds';
import { instant } from './columns';
import { users } from './users';
import { inVocabulary } from './vocabularies-sql';

export const EMAIL_STATUSES = ['none', 'pending', 'sent'] as const;

/** One thing one user should know; written by the notify job, read in the bell. */
export const notifications = pgTable(
  'notifications',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
    /** What it is about, e.g. `dispute:42` or `outage:7:sms`: one notification per user, kind and subject. */
    subjectKey: text('subject_key').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** A path in the app, e.g. /disputes/D-000042. */
    link: text('link').notNull(),
    /** False when the user turned in-app off for the kind: kept for the email and the dedupe only. */
    inApp: boolean('in_app').notNull().default(true),
    emailStatus: text('email_status', { enum: EMAIL_STATUSES }).notNull().default('none'),
    emailedAt: instant('emailed_at'),
    createdAt: instant('created_at').notNull().defaultNow(),
    readAt: instant('read_at'),
  },
  (t) => [
    check('notifications_kind_check', inVocabulary(t.kind, NOTIFICATION_KINDS)),
    check('notifications_email_status_check', inVocabulary(t.emailStatus, EMAIL_STATUSES)),
    uniqueIndex('notifications_dedupe_idx').on(t.userId, t.kind, t.subjectKey),
    index('notifications_user_idx').on(t.userId, t.createdAt),
  ],
);

/** A user's choice of channels for one kind; no row means the defaults (lib/notification-kinds.ts). */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
    inApp: boolean('in_app').notNull(),
    email: boolean('email').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.kind] }),
    check('notification_preferences_kind_check', inVocabulary(t.kind, NOTIFICATION_KINDS)),
  ],
);
