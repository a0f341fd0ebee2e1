import 'server-only';
import { count, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { customers, retentionCases } from '@/db/schema';
import { presetPeriod, todayIn, type PeriodPreset } from '@/lib/periods';
import { MY_CASES_PAGE_SIZE } from '@/lib/schemas/retention-calls';
import type { SessionUser } from '../../auth/session-user';
import { retentionFigures } from '../../metrics/retention';
import { ownRepScope } from '../../metrics/scope';
import { getSettings } from '../settings';

/**
 * The actor's own cases: pending first (longest waiting on top), then closed ones, latest first;
 * each with what its offer cost (compensations linked to it).
 */
export async function listMyCases(db: Db, actor: SessionUser, params: { page: number }) {
  const mine = eq(retentionCases.repId, actor.id);
  const [rows, [totals], settings] = await Promise.all([
    db
      .select({
        id: retentionCases.id,
        caseRef: retentionCases.caseRef,
        accountNumber: customers.accountNumber,
        customerName: customers.name,
        regionCode: customers.regionCode,
        reason: retentionCases.reason,
        offerType: retentionCases.offerType,
        outcome: retentionCases.outcome,
        mrrAtRiskCents: retentionCases.mrrAtRiskCents,
        offerMonthlyDiscountCents: retentionCases.offerMonthlyDiscountCents,
        offerMonths: retentionCases.offerMonths,
        openedAt: retentionCases.openedAt,
        closedAt: retentionCases.closedAt,
        notes: retentionCases.notes,
        offerCostCents: sql<number>`(select coalesce(sum(k.amount_cents), 0) from compensations k
          where k.retention_case_id = ${retentionCases.id})`.mapWith(Number),
      })
      .from(retentionCases)
      .innerJoin(customers, eq(customers.id, retentionCases.customerId))
      .where(mine)
      .orderBy(
        sql`${retentionCases.outcome} = 'pending' desc`,
        sql`case when ${retentionCases.outcome} = 'pending' then ${retentionCases.openedAt} end asc`,
        desc(retentionCases.closedAt),
        desc(retentionCases.id),
      )
      .limit(MY_CASES_PAGE_SIZE)
      .offset((params.page - 1) * MY_CASES_PAGE_SIZE),
    db
      .select({
        total: count(),
        pending: sql<number>`count(*) filter (where ${retentionCases.outcome} = 'pending')`.mapWith(Number),
      })
      .from(retentionCases)
      .where(mine),
    getSettings(db),
  ]);
  return {
    rows,
    total: Number(totals?.total ?? 0),
    pending: totals?.pending ?? 0,
    page: params.page,
    pageSize: MY_CASES_PAGE_SIZE,
    timeZone: settings.reportTz,
    currency: settings.currency,
  };
}

const SAVE_RATE_PERIODS: readonly PeriodPreset[] = ['this_month', 'last_90_days'];

/**
 * The actor's save rate, saves and what they cost for this month and the last 90 days: the KPI
 * engine's retention figures narrowed to the cases the actor took (retention is a figure a rep filter narrows).
 */
export async function mySaveRate(db: Db, actor: SessionUser, now: Date = new Date()) {
  const settings = await getSettings(db);
  const scope = ownRepScope(actor);
  const today = todayIn(settings.reportTz, now);
  const periods = await Promise.all(
    SAVE_RATE_PERIODS.map(async (preset) => {
      const period = presetPeriod(preset, today);
      const figures = await retentionFigures(db, { period: { ...period, tz: settings.reportTz }, ...scope });
      return {
        preset,
        ...period,
        saved: figures.saved,
        lost: figures.lost,
        saveRate: figures.saveRate,
        savedMrrCents: figures.savedMrrCents,
        offerCostCents: figures.offerCostCents,
        costPerSaveCents: figures.costPerSaveCents,
      };
    }),
  );
  return { periods, currency: settings.currency, timeZone: settings.reportTz };
}
