import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { instant } from './columns';
import { regions } from './geography';

export const users = pgTable(
  'users',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    role: text('role', { enum: ['admin', 'manager', 'rep', 'analyst'] }).notNull(),
    regionCode: text('region_code').references(() => regions.code),
    team: text('team', { enum: ['support', 'billing', 'retention'] }),
    /** argon2id; null until a password is set (imported users cannot sign in yet). */
    passwordHash: text('password_hash'),
    active: boolean('active').notNull().default(true),
    createdAt: instant('created_at').notNull().defaultNow(),
    /** The interface language the user chose; null = automatic (cookie, then the browser's languages). */
    locale: text('locale', { enum: ['en', 'es'] }),
  },
  (t) => [
    check('users_locale_check', sql`${t.locale} is null or ${t.locale} in ('en', 'es')`),
    check('users_role_check', sql`${t.role} in ('admin', 'manager', 'rep', 'analyst')`),
    check('users_team_check', sql`${t.team} is null or ${t.team} in ('support', 'billing', 'retention')`),
    check('users_email_lower_check', sql`${t.email} = lower(${t.email})`),
    index('users_region_idx').on(t.regionCode),
  ],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    /** SHA-256 of the token; the token itself is shown once and never stored. */
    tokenHash: text('token_hash').notNull().unique(),
    /** First characters, so a user can tell tokens apart in the list. */
    prefix: text('prefix').notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
    lastUsedAt: instant('last_used_at'),
    revokedAt: instant('revoked_at'),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);
