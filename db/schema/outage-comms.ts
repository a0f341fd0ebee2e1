import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { DISPATCH_CHANNELS, DISPATCH_STATUSES, OUTAGE_TEXT_KINDS } from '../../lib/outage-comms';
import { instant } from './columns';
import { customers } from './customers';
import { outages } from './outages';
import { users } from './users';
import { inVocabulary } from './vocabularies-sql';

/** Every version of an outage's texts; the current one of a kind is the newest. Never updated. */
export const outageTexts = pgTable(
  'outage_texts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    outageId: integer('outage_id')
      .notNull()
      .references(() => outages.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: OUTAGE_TEXT_KINDS }).notNull(),
    body: text('body').notNull(),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [
    check('outage_texts_kind_check', inVocabulary(t.kind, OUTAGE_TEXT_KINDS)),
    check('outage_texts_body_check', sql`length(${t.body}) between 1 and 10000`),
    index('outage_texts_current_idx').on(t.outageId, t.kind, t.id),
  ],
);

/**
 * One customer's SMS or unlimited data for one outage. The unique key makes a re-send or a job's
 * retry skip whoever was already served.
 */
export const outageDispatches = pgTable(
  'outage_dispatches',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    outageId: integer('outage_id')
      .notNull()
      .references(() => outages.id, { onDelete: 'cascade' }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    channel: text('channel', { enum: DISPATCH_CHANNELS }).notNull(),
    status: text('status', { enum: DISPATCH_STATUSES }).notNull().default('pending'),
    /** The number texted (SMS only), as it was when the row was made. */
    phone: text('phone'),
    /** The SMS text version sent. */
    textId: integer('text_id').references(() => outageTexts.id),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: instant('created_at').notNull().defaultNow(),
    sentAt: instant('sent_at'),
  },
  (t) => [
    check('outage_dispatches_channel_check', inVocabulary(t.channel, DISPATCH_CHANNELS)),
    check('outage_dispatches_status_check', inVocabulary(t.status, DISPATCH_STATUSES)),
    check('outage_dispatches_sent_check', sql`(${t.status} = 'sent') = (${t.sentAt} is not null)`),
    uniqueIndex('outage_dispatches_once_idx').on(t.outageId, t.channel, t.customerId),
    index('outage_dispatches_status_idx').on(t.outageId, t.channel, t.status),
  ],
);
