import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKLOG_AGES } from '@/lib/schemas/cases';
import type { ChurnCategory, CompensationKind, DisputeCause, OfferType } from '@/lib/vocabularies';
import { importFixtureDirectory } from '@/server/import/load-fixture';
import { backlogAgeing } from '@/server/metrics/backlog-ageing';
import type { Kpis } from '@/server/metrics/kpis';
import { createTestDb, type TestDb } from '@/test/db';
import { listChurnedCustomers } from './churned-customers';
import { listCompensations } from './compensations';
import { listDisputes } from './disputes';
import { listRetentionCases } from './retention-cases';

const FIXTURE_DIR = path.join(import.meta.dirname, '..', '..', 'metrics', 'fixtures', 'sample');
const REPORT_TZ = 'Europe/Madrid';

interface FixtureQuery {
  from: string;
  to: string;
  region?: string;
  rep?: string;
}
const fixture = JSON.parse(fs.readFileSync(path.join(FIXTURE_DIR, 'expected.json'), 'utf8')) as {
  query: FixtureQuery;
  expected: Kpis;
}[];

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await importFixtureDirectory(t.db, FIXTURE_DIR, REPORT_TZ);
});
afterAll(async () => {
  await t?.close();
});

const ALL = 100_000;

describe.each(fixture.map((f) => [JSON.stringify(f.query), f] as const))(
  'list totals equal expected.json for %s',
  (_name, { query, expected }) => {
    const base = {
      period: { from: query.from, to: query.to, tz: REPORT_TZ },
      region: query.region ?? null,
      rep: query.rep ?? null,
    };

    it('disputes: opened, byCause, resolved, backlog and its ageing, first bill, amounts', async () => {
      const want = expected.disputes;
      const opened = await listDisputes(t.db, { ...base, pageSize: ALL });
      expect(opened.total).toBe(want.opened);
      expect(opened.rows).toHaveLength(want.opened);
      expect(opened.rows.reduce((sum, r) => sum + r.amountCents, 0)).toBe(want.disputedCents);
      for (const group of want.byCause) {
        expect((await listDisputes(t.db, { ...base, cause: group.cause as DisputeCause })).total, group.cause).toBe(
          group.count,
        );
      }
      const resolved = await listDisputes(t.db, { ...base, basis: 'resolved', pageSize: ALL });
      expect(resolved.total).toBe(want.resolved);
      expect(resolved.rows.reduce((sum, r) => sum + r.creditedCents, 0)).toBe(want.creditedCents);
      expect((await listDisputes(t.db, { ...base, basis: 'backlog' })).total).toBe(want.backlogAtEnd);
      const firstBill = await listDisputes(t.db, { ...base, firstBill: true });
      expect(want.firstBillShare === null ? 0 : Math.round(want.firstBillShare * want.opened)).toBe(firstBill.total);
      const ageing = await backlogAgeing(t.db, base);
      expect(ageing.map((a) => a.bucket)).toEqual([...BACKLOG_AGES]);
      for (const { bucket, count } of ageing) {
        expect((await listDisputes(t.db, { ...base, age: bucket })).total, bucket).toBe(count);
      }
      expect(ageing.reduce((sum, a) => sum + a.count, 0)).toBe(want.backlogAtEnd);
    });

    it('retention cases: opened, closed (saved/lost), byOffer, byRep', async () => {
      const want = expected.retention;
      expect((await listRetentionCases(t.db, { ...base, basis: 'opened' })).total).toBe(want.opened);
      expect((await listRetentionCases(t.db, base)).total).toBe(want.saved + want.lost);
      expect((await listRetentionCases(t.db, { ...base, outcome: 'saved' })).total).toBe(want.saved);
      expect((await listRetentionCases(t.db, { ...base, outcome: 'churned' })).total).toBe(want.lost);
      const saved = await listRetentionCases(t.db, { ...base, outcome: 'saved', pageSize: ALL });
      expect(saved.rows.reduce((sum, r) => sum + r.mrrAtRiskCents - r.discountCents, 0)).toBe(want.savedMrrCents);
      for (const group of want.byOffer) {
        const offerType = group.offerType as OfferType;
        expect((await listRetentionCases(t.db, { ...base, offerType })).total, group.offerType).toBe(group.closed);
        expect((await listRetentionCases(t.db, { ...base, offerType, outcome: 'saved' })).total, group.offerType).toBe(
          group.saved,
        );
      }
      for (const group of want.byRep) {
        expect((await listRetentionCases(t.db, { ...base, rep: group.rep })).total, group.rep).toBe(group.closed);
      }
    });

    it('churned customers: churned, byCategory, byCompetitor', async () => {
      const want = expected.churn;
      expect((await listChurnedCustomers(t.db, base)).total).toBe(want.churned);
      for (const group of want.byCategory) {
        expect(
          (await listChurnedCustomers(t.db, { ...base, category: group.category as ChurnCategory })).total,
          group.category,
        ).toBe(group.count);
      }
      for (const group of want.byCompetitor) {
        expect(
          (await listChurnedCustomers(t.db, { ...base, competitor: group.competitor })).total,
          group.competitor,
        ).toBe(group.count);
      }
    });

    it('compensations: count, total, byKind, byRegion, byRep (issuer, automatic included)', async () => {
      const want = expected.compensation;
      const all = await listCompensations(t.db, { ...base, pageSize: ALL });
      expect(all.total).toBe(want.count);
      expect(all.rows.reduce((sum, r) => sum + r.amountCents, 0)).toBe(want.totalCents);
      for (const group of want.byKind) {
        expect((await listCompensations(t.db, { ...base, kind: group.key as CompensationKind })).total, group.key).toBe(
          group.count,
        );
      }
      for (const group of want.byRegion) {
        expect((await listCompensations(t.db, { ...base, region: group.key })).total, group.key).toBe(group.count);
      }
      for (const group of want.byRep) {
        expect((await listCompensations(t.db, { ...base, issuer: group.key })).total, group.key).toBe(group.count);
      }
    });
  },
);
