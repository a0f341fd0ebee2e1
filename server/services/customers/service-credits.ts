import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import type { AppointmentStatus, ServiceKind } from '@/lib/billing';
import { assignmentFor } from '../../compensation-policies/choose';
import type { Explanation, PolicyAssignment } from '../../compensation-policies/types';
import { delayedStartCredit, missedAppointmentCredit } from '../../compensation-policies/uk-service-failures';
import { localDate } from '../../compensation-policies/zoned-time';
import type { SessionUser } from '../../auth/session-user';
import { ApiError } from '../../http/api-error';
import { toInt } from '../../metrics/filters';
import { recordAudit } from '../audit';
import { newRef } from '../refs';
import { getSettings } from '../settings';
import { customerNotFound, customerScope, regionInScope } from './scope';

/** One engineer appointment or service order of a customer, with what Ofcom's scheme owes for it. */
export interface ServiceCreditItem {
  kind: 'missed_appointment' | 'delayed_start';
  ref: string;
  service: ServiceKind;
  /** The appointment's window start, or the promised start date. */
  on: string;
  detail: string;
  /** Null when the customer's region does not follow Ofcom's scheme on that day (nothing owed). */
  explanation: Explanation | null;
  owedCents: number;
  /** False while a late service has not started: the days keep counting, nothing is booked yet. */
  final: boolean;
  credited: { compRef: string; cents: number } | null;
  stillOwedCents: number;
}

export interface CustomerServiceCredits {
  /** Whether the caller may book what is still owed (managers and admins). */
  canCredit: boolean;
  items: ServiceCreditItem[];
  owedCents: number;
  creditedCents: number;
  stillOwedCents: number;
}

interface AppointmentRow {
  id: unknown;
  ref: string;
  service: ServiceKind;
  window_start: Date | string;
  window_end: Date | string;
  status: AppointmentStatus;
  cancelled_at: Date | string | null;
  comp_ref: string | null;
  comp_cents: unknown;
}

interface OrderRow {
  id: unknown;
  ref: string;
  service: ServiceKind;
  ordered_on: string;
  promised_on: string;
  started_on: string | null;
  comp_ref: string | null;
  comp_cents: unknown;
}

interface Owed extends ServiceCreditItem {
  id: number;
}

/** Dates arrive as text from one driver and as Date from another. */
const dateText = (value: string | Date | null): string | null =>
  value === null ? null : typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);

async function readItems(
  db: Db,
  customer: { id: number; regionCode: string },
  assignments: readonly PolicyAssignment[],
  reportTz: string,
  now: Date,
  lock: boolean,
): Promise<Owed[]> {
  const forUpdate = lock ? sql` for update of a` : sql``;
  const appointments = await queryRows<AppointmentRow>(
    db,
    sql`select a.id, a.appointment_ref as ref, a.service, a.window_start, a.window_end, a.status, a.cancelled_at,
        k.comp_ref, k.amount_cents as comp_cents
      from engineer_appointments a left join compensations k on k.id = a.compensation_id
      where a.customer_id = ${customer.id} order by a.window_start, a.id${forUpdate}`,
  );
  const orderLock = lock ? sql` for update of o` : sql``;
  const orders = await queryRows<OrderRow>(
    db,
    sql`select o.id, o.order_ref as ref, o.service, o.ordered_on::text as ordered_on, o.promised_on::text as promised_on,
        o.started_on::text as started_on, k.comp_ref, k.amount_cents as comp_cents
      from service_orders o left join compensations k on k.id = o.compensation_id
      where o.customer_id = ${customer.id} order by o.promised_on, o.id${orderLock}`,
  );
  const isUk = (at: Date) => assignmentFor(assignments, customer.regionCode, at, reportTz).policy === 'uk-ofcom';
  const credited = (r: { comp_ref: string | null; comp_cents: unknown }) =>
    r.comp_ref === null ? null : { compRef: r.comp_ref, cents: toInt(r.comp_cents) };
  const items: Owed[] = [];
  for (const r of appointments) {
    const windowStart = new Date(r.window_start);
    const cancelledAt = r.cancelled_at === null ? null : new Date(r.cancelled_at);
    const explanation = isUk(windowStart)
      ? missedAppointmentCredit({
          ref: r.ref,
          service: r.service,
          windowStart,
          windowEnd: new Date(r.window_end),
          status: r.status,
          cancelledAt,
        })
      : null;
    items.push(item(toInt(r.id), 'missed_appointment', r, windowStart.toISOString(), r.status, explanation, true));
  }
  const today = localDate(now, 'Europe/London');
  for (const r of orders) {
    const promisedOn = dateText(r.promised_on) ?? '';
    const startedOn = dateText(r.started_on);
    const credit = isUk(new Date(`${promisedOn}T12:00:00Z`))
      ? delayedStartCredit({ ref: r.ref, service: r.service, promisedOn, startedOn }, today)
      : null;
    const detail = startedOn === null ? 'not started' : `started ${startedOn}`;
    items.push(item(toInt(r.id), 'delayed_start', r, promisedOn, detail, credit, credit?.final ?? true));
  }
  return items;

  function item(
    id: number,
    kind: ServiceCreditItem['kind'],
    r: AppointmentRow | OrderRow,
    on: string,
    detail: string,
    explanation: Explanation | null,
    final: boolean,
  ): Owed {
    const owedCents = explanation?.legalCents ?? 0;
    const booked = credited(r);
    return {
      id,
      kind,
      ref: r.ref,
      service: r.service,
      on,
      detail,
      explanation,
      owedCents,
      final,
      credited: booked,
      stillOwedCents: booked === null ? owedCents : Math.max(0, owedCents - booked.cents),
    };
  }
}

async function customerInScope(db: Db, actor: SessionUser, account: string) {
  const [row] = await queryRows<{ id: unknown; region_code: string }>(
    db,
    sql`select c.id, c.region_code from customers c
      where c.account_number = ${account} and ${regionInScope(customerScope(actor), sql`c.region_code`)}`,
  );
  if (!row) throw customerNotFound(account);
  return { id: toInt(row.id), regionCode: row.region_code };
}

const mayCredit = (actor: SessionUser) => actor.role === 'manager' || actor.role === 'admin';

const totals = (actor: SessionUser, items: ServiceCreditItem[]): CustomerServiceCredits => ({
  canCredit: mayCredit(actor),
  items,
  owedCents: items.reduce((s, i) => s + i.owedCents, 0),
  creditedCents: items.reduce((s, i) => s + (i.credited?.cents ?? 0), 0),
  stillOwedCents: items.reduce((s, i) => s + i.stillOwedCents, 0),
});

/**
 * A customer's engineer appointments and service orders with what Ofcom's automatic compensation
 * owes for each (where the customer's region follows it on that day), what was credited and what
 * is still owed. Same scope as the customer 360 page.
 */
export async function customerServiceCredits(
  db: Db,
  actor: SessionUser,
  account: string,
  now: Date = new Date(),
): Promise<CustomerServiceCredits> {
  const customer = await customerInScope(db, actor, account);
  const settings = await getSettings(db);
  const items = await readItems(db, customer, settings.legalCompensationPolicies, settings.reportTz, now, false);
  return totals(
    actor,
    items.map(({ id: _id, ...rest }) => rest),
  );
}

export interface CreditServiceFailuresResult {
  created: number;
  createdCents: number;
}

/**
 * Books what is still owed for missed appointments and late starts as automatic compensation: one
 * `service_credit` per appointment or order, no issuing rep (the audit log names who ran it), the
 * row pointing at its credit. Only final amounts are booked (a service not started yet waits).
 * The rows are locked first, so a concurrent run waits and then finds them credited: idempotent.
 */
export async function creditServiceFailures(
  db: Db,
  actor: SessionUser,
  account: string,
  now: Date = new Date(),
): Promise<CreditServiceFailuresResult> {
  if (!mayCredit(actor)) {
    throw new ApiError('forbidden', 'Only managers and admins can credit compensation.');
  }
  return db.transaction(async (tx) => {
    const customer = await customerInScope(tx, actor, account);
    const settings = await getSettings(tx);
    const items = await readItems(tx, customer, settings.legalCompensationPolicies, settings.reportTz, now, true);
    const due = items.filter((i) => i.final && i.credited === null && i.owedCents > 0);
    const run = newRef('CP');
    let createdCents = 0;
    for (const [n, i] of due.entries()) {
      const [comp] = await queryRows<{ id: unknown }>(
        tx,
        sql`insert into compensations (comp_ref, customer_id, kind, amount_cents, issued_at, issued_by_id)
          values (${`${run}-${n + 1}`}, ${customer.id}, 'service_credit', ${i.owedCents}, ${now.toISOString()}::timestamptz, null)
          returning id`,
      );
      const table = i.kind === 'missed_appointment' ? sql`engineer_appointments` : sql`service_orders`;
      await tx.execute(sql`update ${table} set compensation_id = ${toInt(comp?.id)} where id = ${i.id}`);
      createdCents += i.owedCents;
    }
    if (due.length > 0) {
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'customer.credit_service_failures',
        entity: 'customer',
        entityId: account,
        details: {
          created: due.length,
          createdCents,
          items: due.map((i) => ({ kind: i.kind, ref: i.ref, cents: i.owedCents })),
        },
      });
    }
    return { created: due.length, createdCents };
  });
}
