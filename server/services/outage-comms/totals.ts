import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { DISPATCH_CHANNELS, type DispatchChannel } from '@/lib/outage-comms';
import type { SessionUser } from '../../auth/session-user';
import { affectedCustomer } from '../../metrics/outages';
import { toInt } from '../../metrics/filters';
import { customerScope, loadOutageForActor } from '../outages/access';

export interface DispatchTotals {
  sent: number;
  failed: number;
  pending: number;
  /** SMS only: affected customers without a phone, who cannot be texted. */
  noPhone: number;
  /** Affected customers without a delivery row yet (no send, or added since). */
  notStarted: number;
  firstSentAt: string | null;
  /** Up to 20 customers whose last attempt failed, with the reason. */
  failures: { accountNumber: string; error: string; attempts: number }[];
}

export interface OutageDispatchView {
  sms: DispatchTotals;
  unlimitedData: DispatchTotals;
  provisioningConfigured: boolean;
}

/** Per channel: delivery totals and the latest failures, in the caller's scope (a regional manager: their region's customers). */
export async function outageDispatchTotals(
  db: Db,
  actor: SessionUser,
  ref: string,
  options: { provisioningConfigured: boolean },
): Promise<OutageDispatchView> {
  const outage = await loadOutageForActor(db, actor, ref);
  const region = customerScope(actor);
  const inScope = region === null ? sql`true` : sql`c.region_code = ${region}`;
  const [sms, unlimitedData] = await Promise.all(
    DISPATCH_CHANNELS.map(async (channel: DispatchChannel): Promise<DispatchTotals> => {
      const [counts] = await queryRows<Record<string, unknown>>(
        db,
        sql`select
            count(*) filter (where d.status = 'sent') as sent,
            count(*) filter (where d.status = 'failed') as failed,
            count(*) filter (where d.status = 'pending') as pending,
            min(d.sent_at) as first_sent_at,
            (select count(*) from outages o join customers c on ${affectedCustomer(region)}
              where o.id = ${outage.id} ${channel === 'sms' ? sql`and c.phone is null` : sql`and false`}) as no_phone,
            (select count(*) from outages o join customers c on ${affectedCustomer(region)}
              where o.id = ${outage.id} ${channel === 'sms' ? sql`and c.phone is not null` : sql``}
                and not exists (select 1 from outage_dispatches x
                  where x.outage_id = o.id and x.channel = ${channel} and x.customer_id = c.id)) as not_started
          from outage_dispatches d join customers c on c.id = d.customer_id
          where d.outage_id = ${outage.id} and d.channel = ${channel} and ${inScope}`,
      );
      const failures = await queryRows<{ account_number: string; last_error: string | null; attempts: unknown }>(
        db,
        sql`select c.account_number, d.last_error, d.attempts
          from outage_dispatches d join customers c on c.id = d.customer_id
          where d.outage_id = ${outage.id} and d.channel = ${channel} and d.status = 'failed' and ${inScope}
          order by d.id limit 20`,
      );
      const first = counts?.first_sent_at;
      return {
        sent: toInt(counts?.sent),
        failed: toInt(counts?.failed),
        pending: toInt(counts?.pending),
        noPhone: toInt(counts?.no_phone),
        notStarted: toInt(counts?.not_started),
        firstSentAt: first === null || first === undefined ? null : new Date(first as string).toISOString(),
        failures: failures.map((f) => ({
          accountNumber: f.account_number,
          error: f.last_error ?? '',
          attempts: toInt(f.attempts),
        })),
      };
    }),
  );
  if (!sms || !unlimitedData) throw new Error('a channel is missing');
  return { sms, unlimitedData, provisioningConfigured: options.provisioningConfigured };
}
