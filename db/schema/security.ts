import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { instant } from './columns';
import { users } from './users';
import { inVocabulary } from './vocabularies-sql';

/**
 * A signed-in browser session. The JWT cookie carries only its id; the row lets the server end it
 * (sign-out, "sign out everywhere", password change, deactivation) and enforce the idle and
 * absolute lifetimes. The id is stored as its SHA-256.
 */
export const userSessions = pgTable(
  'user_sessions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    idHash: text('id_hash').notNull().unique(),
    createdAt: instant('created_at').notNull().defaultNow(),
    lastSeenAt: instant('last_seen_at').notNull().defaultNow(),
    revokedAt: instant('revoked_at'),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('user_sessions_user_idx').on(t.userId)],
);

export const ONE_TIME_TOKEN_PURPOSES = ['setup', 'invite', 'reset'] as const;

/**
 * One-time links: the install's setup link (no user yet) and set-password links for a user.
 * Stored as SHA-256; the link is shown once.
 */
export const oneTimeTokens = pgTable(
  'one_time_tokens',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    purpose: text('purpose', { enum: ONE_TIME_TOKEN_PURPOSES }).notNull(),
    userId: integer('user_id').references(() => users.id),
    tokenHash: text('token_hash').notNull().unique(),
    createdById: integer('created_by_id').references(() => users.id),
    createdAt: instant('created_at').notNull().defaultNow(),
    expiresAt: instant('expires_at').notNull(),
    usedAt: instant('used_at'),
  },
  (t) => [
    check('one_time_tokens_purpose_check', inVocabulary(t.purpose, ONE_TIME_TOKEN_PURPOSES)),
    check('one_time_tokens_user_check', sql`(${t.purpose} = 'setup') = (${t.userId} is null)`),
    index('one_time_tokens_user_idx').on(t.userId),
  ],
);

/** Every sign-in attempt, for throttling per account and per IP. Old rows are pruned. */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    email: text('email').notNull(),
    ip: text('ip').notNull(),
    at: instant('at').notNull().defaultNow(),
    succeeded: boolean('succeeded').notNull(),
  },
  (t) => [index('login_attempts_email_idx').on(t.email, t.at), index('login_attempts_ip_idx').on(t.ip, t.at)],
);
