import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { APPOINTMENT_STATUSES, SERVICE_KINDS } from '../../lib/billing';
import { instant } from './columns';
import { compensations } from './compensations';
import { customers } from './customers';
import { inVocabulary } from './vocabularies-sql';

/**
 * A new service a customer ordered, the start date promised and the day it actually started
 * (null: not started yet). Ofcom's delayed-provision compensation reads these.
 */
export const serviceOrders = pgTable(
  'service_orders',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orderRef: text('order_ref').notNull().unique(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    service: text('service', { enum: SERVICE_KINDS }).notNull(),
    orderedOn: date('ordered_on', { mode: 'string' }).notNull(),
    promisedOn: date('promised_on', { mode: 'string' }).notNull(),
    startedOn: date('started_on', { mode: 'string' }),
    /** The automatic credit booked for a late start, once booked. */
    compensationId: integer('compensation_id').references(() => compensations.id),
  },
  (t) => [
    check('service_orders_service_check', inVocabulary(t.service, SERVICE_KINDS)),
    check('service_orders_promised_after_order', sql`${t.promisedOn} >= ${t.orderedOn}`),
    check('service_orders_started_after_order', sql`${t.startedOn} is null or ${t.startedOn} >= ${t.orderedOn}`),
    index('service_orders_customer_idx').on(t.customerId),
  ],
);

/**
 * An engineer appointment for a customer's service: its window and what became of it. A
 * cancellation with less than 24 hours' notice before the window counts as missed (Ofcom).
 */
export const engineerAppointments = pgTable(
  'engineer_appointments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    appointmentRef: text('appointment_ref').notNull().unique(),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    service: text('service', { enum: SERVICE_KINDS }).notNull(),
    windowStart: instant('window_start').notNull(),
    windowEnd: instant('window_end').notNull(),
    status: text('status', { enum: APPOINTMENT_STATUSES }).notNull(),
    cancelledAt: instant('cancelled_at'),
    /** The automatic credit booked for a missed appointment, once booked. */
    compensationId: integer('compensation_id').references(() => compensations.id),
  },
  (t) => [
    check('engineer_appointments_service_check', inVocabulary(t.service, SERVICE_KINDS)),
    check('engineer_appointments_status_check', inVocabulary(t.status, APPOINTMENT_STATUSES)),
    check('engineer_appointments_window_check', sql`${t.windowEnd} > ${t.windowStart}`),
    check(
      'engineer_appointments_cancelled_at_check',
      sql`(${t.status} = 'cancelled') = (${t.cancelledAt} is not null)`,
    ),
    index('engineer_appointments_customer_idx').on(t.customerId),
  ],
);
