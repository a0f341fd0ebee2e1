import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { IMPORT_RUN_STATUSES } from '../../lib/vocabularies';
import { cents, instant } from './columns';
import { compensations } from './compensations';
import { disputes } from './disputes';
import { users } from './users';
import { inVocabulary } from './vocabularies-sql';

export const CREDIT_REQUEST_STATUSES = ['pending', 'approved', 'rejected'] as const;

/** A credit above the rep's limit waits here for a manager; approval creates the compensation. */
export const creditRequests = pgTable(
  'credit_requests',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    disputeId: integer('dispute_id')
      .notNull()
      .references(() => disputes.id),
    requestedById: integer('requested_by_id')
      .notNull()
      .references(() => users.id),
    amountCents: cents('amount_cents').notNull(),
    reason: text('reason').notNull(),
    status: text('status', { enum: CREDIT_REQUEST_STATUSES }).notNull().default('pending'),
    requestedAt: instant('requested_at').notNull().defaultNow(),
    decidedById: integer('decided_by_id').references(() => users.id),
    decidedAt: instant('decided_at'),
    decisionNote: text('decision_note'),
    compensationId: integer('compensation_id').references(() => compensations.id),
  },
  (t) => [
    check('credit_requests_amount_check', sql`${t.amountCents} > 0`),
    check('credit_requests_status_check', inVocabulary(t.status, CREDIT_REQUEST_STATUSES)),
    check('credit_requests_decision_check', sql`${t.status} = 'pending' or (${t.decidedById} is not null and ${t.decidedAt} is not null)`),
    index('credit_requests_status_idx').on(t.status, t.requestedAt),
    index('credit_requests_dispute_idx').on(t.disputeId),
  ],
);

/** A user's named filter set for a list page, stored as the page's URL query. */
export const savedViews = pgTable(
  'saved_views',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    page: text('page').notNull(),
    name: text('name').notNull(),
    query: text('query').notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [index('saved_views_user_idx').on(t.userId, t.page)],
);

/** History of imports from the admin screen and the API. */
export const importRuns = pgTable(
  'import_runs',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    entity: text('entity').notNull(),
    fileName: text('file_name'),
    skipInvalid: boolean('skip_invalid').notNull().default(false),
    status: text('status', { enum: IMPORT_RUN_STATUSES }).notNull().default('running'),
    startedById: integer('started_by_id').references(() => users.id),
    startedAt: instant('started_at').notNull().defaultNow(),
    finishedAt: instant('finished_at'),
    rowsRead: integer('rows_read').notNull().default(0),
    rowsWritten: integer('rows_written').notNull().default(0),
    rowsRejected: integer('rows_rejected').notNull().default(0),
    /** The report as returned to the user (errors capped), and the rejects CSV when any. */
    report: jsonb('report').$type<Record<string, unknown>>(),
    rejectsCsv: text('rejects_csv'),
    /** Refreshed while the run works; a running run whose heartbeat stops is marked failed. */
    heartbeatAt: instant('heartbeat_at'),
    /** Why a run failed, in words for the admin history. */
    failureReason: text('failure_reason'),
  },
  (t) => [
    check('import_runs_status_check', inVocabulary(t.status, IMPORT_RUN_STATUSES)),
    index('import_runs_started_idx').on(t.startedAt),
  ],
);
