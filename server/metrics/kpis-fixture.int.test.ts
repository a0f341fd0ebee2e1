import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFixtureDirectory } from '@/server/import/load-fixture';
import { createTestDb, type TestDb } from '@/test/db';
import { computeKpis } from './kpis';

const FIXTURE_DIR = path.join(import.meta.dirname, 'fixtures', 'sample');
const REPORT_TZ = 'Europe/Madrid';

interface FixtureQuery {
  from: string;
  to: string;
  region?: string;
  rep?: string;
}
const queries = JSON.parse(fs.readFileSync(path.join(FIXTURE_DIR, 'queries.json'), 'utf8')) as FixtureQuery[];
const expected = JSON.parse(fs.readFileSync(path.join(FIXTURE_DIR, 'expected.json'), 'utf8')) as {
  query: FixtureQuery;
  expected: unknown;
}[];

/** Every difference between two JSON documents, under the fixture's tolerances. */
function differences(want: unknown, got: unknown, at = '$'): string[] {
  if (want === null || got === null) return want === got ? [] : [`${at}: want ${String(want)}, got ${String(got)}`];
  if (typeof want === 'number') {
    if (typeof got !== 'number') return [`${at}: want ${want}, got ${JSON.stringify(got)}`];
    const key = at.slice(at.lastIndexOf('.') + 1);
    const tolerance = /Rate$|Share$/.test(key)
      ? 1e-9
      : /^(median|p90|medianHoursToResolve)$/.test(key)
        ? 0.1 + 1e-9
        : 0;
    return Math.abs(want - got) <= tolerance ? [] : [`${at}: want ${want}, got ${got}`];
  }
  if (Array.isArray(want)) {
    if (!Array.isArray(got)) return [`${at}: want an array, got ${JSON.stringify(got)}`];
    const lengths = want.length === got.length ? [] : [`${at}: want ${want.length} items, got ${got.length}`];
    return [...lengths, ...want.flatMap((w, i) => (i < got.length ? differences(w, got[i], `${at}[${i}]`) : []))];
  }
  if (typeof want === 'object') {
    if (typeof got !== 'object' || Array.isArray(got)) return [`${at}: want an object, got ${JSON.stringify(got)}`];
    const w = want as Record<string, unknown>;
    const g = got as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(w), ...Object.keys(g)])];
    return keys.flatMap((k) =>
      k in g ? (k in w ? differences(w[k], g[k], `${at}.${k}`) : [`${at}.${k}: unexpected`]) : [`${at}.${k}: missing`],
    );
  }
  return want === got ? [] : [`${at}: want ${JSON.stringify(want)}, got ${JSON.stringify(got)}`];
}

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await importFixtureDirectory(t.db, FIXTURE_DIR, REPORT_TZ);
});
afterAll(async () => {
  await t?.close();
});

describe('KPIs of the sample fixture match expected.json', () => {
  it('has an expected answer for every query', () => {
    expect(expected.map((e) => e.query)).toEqual(queries);
  });

  it.each(queries.map((query, i) => [JSON.stringify(query), i] as const))('%s', async (_name, i) => {
    const entry = expected[i];
    const query = queries[i];
    if (!entry || !query) throw new Error(`no expected answer for query ${i}`);
    const kpis = await computeKpis(t.db, {
      from: query.from,
      to: query.to,
      region: query.region ?? null,
      rep: query.rep ?? null,
      settings: { reportTz: REPORT_TZ, disputeSlaHours: 72, commTargetMinutes: 30 },
    });
    expect(differences(entry.expected, kpis)).toEqual([]);
  });
});
