import 'server-only';
import { and, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { outageDispatches, outages, outageTexts } from '@/db/schema';
import type { DispatchChannel } from '@/lib/outage-comms';
import { JobFailure } from '../../jobs/job-failure';
import { affectedCustomer } from '../../metrics/outages';
import { toInt } from '../../metrics/filters';
import { recordAudit } from '../audit';
import type { OutageCommsAdapters } from './adapters';

export interface DispatchJob {
  outageId: number;
  channel: DispatchChannel;
  textId?: number | undefined;
  requestedBy: number;
}

export interface DispatchRun {
  /** Customers given a delivery row by this run (already there from an earlier run: not counted). */
  added: number;
  sent: number;
  failed: number;
}

/** The milestone each channel's first accepted batch records. */
const MILESTONE = { sms: 'smsSentAt', unlimited_data: 'unlimitedDataAt' } as const;

interface PendingRow {
  id: unknown;
  customer_id: unknown;
  phone: string | null;
  account_number: string;
}

/**
 * Sends an outage's SMS (or unlimited data) to every affected customer not served yet.
 * 1. A delivery row per affected customer (SMS: only those with a phone), `on conflict do
 *    nothing`: whoever has one from an earlier click or attempt keeps it.
 * 2. The rows not yet sent, in batches of `batchSize` in id order: a batch the provider accepts
 *    is marked sent; one it refuses is marked failed with the reason, and the next batch goes on.
 * 3. Any failed batch makes the run throw a JobFailure, so pg-boss retries it with backoff; the
 *    retry sends the failed rows only. A sent row is never sent again.
 * The channel's milestone is set from the first batch the provider accepted, unless already set.
 */
export async function runDispatch(
  db: Db,
  adapters: OutageCommsAdapters,
  job: DispatchJob,
  now: () => Date = () => new Date(),
): Promise<DispatchRun> {
  const [outage] = await db.select().from(outages).where(eq(outages.id, job.outageId));
  if (!outage) return { added: 0, sent: 0, failed: 0 };
  const text = job.channel === 'sms' ? await smsText(db, job) : null;
  const provisioning = adapters.provisioning;
  if (job.channel === 'unlimited_data' && !provisioning) {
    throw new JobFailure('PROVISIONING_WEBHOOK_URL is not set: unlimited data cannot be granted.');
  }

  const added = await queryRows<{ n: unknown }>(
    db,
    sql`with added as (
        insert into outage_dispatches (outage_id, customer_id, channel, phone, text_id)
        select o.id, c.id, ${job.channel}, ${job.channel === 'sms' ? sql`c.phone` : sql`null`}, ${text?.id ?? null}::int
        from outages o join customers c on ${affectedCustomer(null)}
        where o.id = ${outage.id} ${job.channel === 'sms' ? sql`and c.phone is not null` : sql``}
        on conflict (outage_id, channel, customer_id) do nothing
        returning 1)
      select count(*) as n from added`,
  );

  let afterId = 0;
  let sent = 0;
  let failed = 0;
  let lastError = '';
  for (;;) {
    const rows = await queryRows<PendingRow>(
      db,
      sql`select d.id, d.customer_id, d.phone, c.account_number
        from outage_dispatches d join customers c on c.id = d.customer_id
        where d.outage_id = ${outage.id} and d.channel = ${job.channel} and d.status <> 'sent' and d.id > ${afterId}
        order by d.id limit ${adapters.batchSize}`,
    );
    if (rows.length === 0) break;
    afterId = toInt(rows[rows.length - 1]?.id);
    const ids = rows.map((r) => toInt(r.id));
    const key = (r: PendingRow) => `${outage.outageRef}:${job.channel}:${toInt(r.customer_id)}`;
    try {
      if (text) {
        await adapters.sms.send({
          outageRef: outage.outageRef,
          text: text.body,
          messages: rows.map((r) => ({ id: key(r), to: r.phone ?? '' })),
        });
      } else if (provisioning) {
        await provisioning.grant({
          outageRef: outage.outageRef,
          customers: rows.map((r) => ({ id: key(r), accountNumber: r.account_number })),
        });
      }
    } catch (error) {
      if (!(error instanceof JobFailure)) throw error;
      failed += rows.length;
      lastError = error.message;
      await db
        .update(outageDispatches)
        .set({ status: 'failed', lastError: error.message, attempts: sql`${outageDispatches.attempts} + 1` })
        .where(inArray(outageDispatches.id, ids));
      continue;
    }
    const acceptedAt = now();
    sent += rows.length;
    await db.transaction(async (tx) => {
      await tx
        .update(outageDispatches)
        .set({ status: 'sent', sentAt: acceptedAt, lastError: null, attempts: sql`${outageDispatches.attempts} + 1` })
        .where(inArray(outageDispatches.id, ids));
      await recordMilestoneOnce(tx, outage.id, outage.outageRef, job, acceptedAt);
    });
  }
  if (failed > 0) {
    throw new JobFailure(`${failed} of ${failed + sent} could not be sent (${lastError}); the job will retry them.`);
  }
  return { added: toInt(added[0]?.n), sent, failed };
}

async function smsText(db: Db, job: DispatchJob): Promise<{ id: number; body: string }> {
  const [text] = job.textId
    ? await db
        .select({ id: outageTexts.id, body: outageTexts.body })
        .from(outageTexts)
        .where(and(eq(outageTexts.id, job.textId), eq(outageTexts.outageId, job.outageId), eq(outageTexts.kind, 'sms')))
    : [];
  if (!text) throw new JobFailure('The SMS text of this outage was not found.');
  return text;
}

async function recordMilestoneOnce(
  db: Db,
  outageId: number,
  outageRef: string,
  job: DispatchJob,
  at: Date,
): Promise<void> {
  const column = MILESTONE[job.channel];
  const updated = await db
    .update(outages)
    .set({ [column]: at })
    .where(and(eq(outages.id, outageId), isNull(outages[column]), lte(outages.startedAt, at)))
    .returning({ id: outages.id });
  if (updated.length === 0) return;
  await recordAudit(db, {
    actorId: job.requestedBy,
    action: 'outage.milestone',
    entity: 'outage',
    entityId: outageRef,
    details: { step: job.channel === 'sms' ? 'sms' : 'unlimited', from: null, to: at.toISOString(), source: 'first accepted batch' },
  });
}
