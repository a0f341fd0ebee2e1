import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';

export interface OverviewSnapshot {
  activeCustomers: number;
  openDisputes: number;
  pendingRetentionCases: number;
  openOutages: number;
}

/** Live counts for the home page, within a region when one is given. */
export async function getOverviewSnapshot(db: Db, params: { regionCode: string | null }): Promise<OverviewSnapshot> {
  const region = params.regionCode;
  const inRegion = region === null ? sql`true` : sql`c.region_code = ${region}`;
  const [row] = await queryRows<Record<keyof OverviewSnapshot, number | string>>(
    db,
    sql`select
      (select count(*) from customers c where c.churned_at is null and ${inRegion}) as "activeCustomers",
      (select count(*) from disputes d join customers c on c.id = d.customer_id
        where d.status not in ('resolved', 'rejected') and ${inRegion}) as "openDisputes",
      (select count(*) from retention_cases r join customers c on c.id = r.customer_id
        where r.outcome = 'pending' and ${inRegion}) as "pendingRetentionCases",
      (select count(*) from outages o where o.resolved_at is null
        and ${region === null ? sql`true` : sql`exists (select 1 from outage_regions orr where orr.outage_id = o.id and orr.region_code = ${region})`}) as "openOutages"`,
  );
  return {
    activeCustomers: Number(row?.activeCustomers ?? 0),
    openDisputes: Number(row?.openDisputes ?? 0),
    pendingRetentionCases: Number(row?.pendingRetentionCases ?? 0),
    openOutages: Number(row?.openOutages ?? 0),
  };
}
