import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { migrateDatabase, openDatabase, queryRows, type DbHandle } from '@/db/client';
import { postcodes, regions, users } from '@/db/schema';
import type { SessionUser } from '@/server/auth/session-user';
import { affectedCustomersCsv } from '@/server/services/outages/affected-customers';
import { compensateAll, outageCompensation } from '@/server/services/outages/compensation';
import { createOutage } from '@/server/services/outages/create';
import { recordMilestone } from '@/server/services/outages/milestones';

/**
 * "Compensate all affected" benchmark: an outage over --affected customers (default 10,000) among
 * --others unaffected ones (default 40,000), credited in one run, then run again (idempotent: no
 * new rows). Fresh PGlite directory under /tmp, or a fresh database on the server of --database-url.
 *
 *   npx tsx --conditions=react-server scripts/bench/outage-credit.ts [--affected N] [--others N] [--database-url URL]
 */
function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
}

const affected = Number(option('--affected') ?? 10_000);
const others = Number(option('--others') ?? 40_000);
const serverUrl = option('--database-url');

async function openFresh(): Promise<{ handle: DbHandle; where: string; cleanup: () => Promise<void> }> {
  if (!serverUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'holdfast-bench-outage-'));
    const handle = await openDatabase({ dataDir: path.join(dir, 'data') });
    const cleanup = () => {
      fs.rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    };
    return { handle, where: `PGlite in ${dir}`, cleanup };
  }
  const name = `holdfast_bench_${Date.now()}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), dataDir: 'unused' });
  return {
    handle,
    where: `PostgreSQL ${handle.location}`,
    cleanup: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const result = await run();
  console.log(`${label}: ${(performance.now() - t0).toFixed(0)} ms`);
  return result;
}

async function main() {
  const { handle, where, cleanup } = await openFresh();
  const db = handle.db;
  try {
    await migrateDatabase(handle);
    await db.insert(regions).values([
      { code: 'MAD', name: 'Madrid' },
      { code: 'CAT', name: 'Cataluña' },
    ]);
    await db.insert(postcodes).values([
      { postcode: '28001', regionCode: 'MAD' },
      { postcode: '28002', regionCode: 'MAD' },
      { postcode: '08001', regionCode: 'CAT' },
    ]);
    const [user] = await db
      .insert(users)
      .values({ email: 'bench@holdfast.test', name: 'Bench', role: 'manager' })
      .returning();
    if (!user) throw new Error('user insert returned no row');
    const actor: SessionUser = { id: user.id, email: user.email, name: user.name, role: 'manager', regionCode: null };
    // Affected: every customer at 28001; unaffected: 28002 (same region) and Cataluña. Fees vary.
    await db.execute(sql`insert into customers (account_number, region_code, postcode, activated_at, monthly_fee_cents)
      select 'BENCH-' || lpad(i::text, 8, '0'),
        case when i <= ${affected} or i % 2 = 0 then 'MAD' else 'CAT' end,
        case when i <= ${affected} then '28001' when i % 2 = 0 then '28002' else '08001' end,
        '2024-01-01T00:00:00Z', 1990 + (i % 100) * 100
      from generate_series(1, ${affected + others}) as i`);
    console.log(
      `${where}; ${affected.toLocaleString('en')} affected customers among ${(affected + others).toLocaleString('en')}; ` +
        `Node ${process.version}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM`,
    );

    const started = new Date(Date.now() - 6.5 * 3600_000);
    const { ref } = await createOutage(
      db,
      actor,
      {
        title: 'Bench: fibre cut',
        severity: 'major',
        regions: ['MAD'],
        postcodes: ['28001'],
      },
      started,
    );
    await recordMilestone(db, actor, { ref, step: 'resolve' });

    const before = await timed('legal minimum and still owed (page query)', () =>
      outageCompensation(db, actor, { ref }),
    );
    const first = await timed('compensate all, first run', () => compensateAll(db, actor, { ref }));
    const second = await timed('compensate all, second run', () => compensateAll(db, actor, { ref }));
    const csvRows = await timed('affected-customers CSV rows, all pages', async () => {
      const csv = await affectedCustomersCsv(db, actor, { ref, status: 'all' });
      let n = 0;
      for await (const page of csv.batches) n += page.length;
      return n;
    });
    const after = await outageCompensation(db, actor, { ref });
    const [stored] = await queryRows<{ n: unknown }>(db, sql`select count(*) as n from compensations`);
    console.log(
      `affected ${before.affected}, owed ${before.stillOwed.count} (${before.stillOwed.cents} cents); ` +
        `first run created ${first.created} (${first.createdCents} cents), second run ${second.created}; ` +
        `CSV rows ${csvRows}; still owed after ${after.stillOwed.count}; compensations stored ${Number(stored?.n)}`,
    );
    if (first.created !== affected || second.created !== 0 || after.stillOwed.count !== 0) {
      throw new Error('unexpected result');
    }
  } finally {
    await handle.close();
    await cleanup();
  }
}

await main();
