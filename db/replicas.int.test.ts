import { count, eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase, queryRows, type Db, type DbHandle } from '@/db/client';
import { postgresClientOf } from '@/db/postgres-client';
import { regions } from '@/db/schema';
import type { DashboardQueryInput } from '@/lib/dashboard-filters';
import { createCaller } from '@/server/api/root';
import type { SessionUser } from '@/server/auth/session-user';
import { copyOut } from '@/server/export/copy-reader';
import { noteWrite, readDbFor, wroteRecently } from '@/server/read-your-writes';
import { getSettings } from '@/server/services/settings';
import { testRows } from '@/test/factories/metric-rows';
import { postgresMissing, startOwnPostgres, type OwnPostgres } from '@/test/own-postgres';
import { startOwnReplica, type OwnReplica } from '@/test/own-replica';

/**
 * DATABASE_REPLICA_URLS against a real PostgreSQL 15 streaming replica (`pg_basebackup -R`): reads
 * on the replica, writes and read-your-writes on the primary, and a replica that lags or stops is
 * never read from. Runs in the PostgreSQL step of the suite (TEST_DATABASE_URL set), on a primary
 * and replica of its own; skipped on PGlite runs.
 */
const skipped = !process.env.TEST_DATABASE_URL
  ? 'no TEST_DATABASE_URL: a PGlite run'
  : postgresMissing;

const MAX_LAG_SECONDS = 1;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function inRecovery(db: Db): Promise<boolean> {
  const [row] = await queryRows<{ standby: boolean }>(db, sql`select pg_is_in_recovery() as standby`);
  return row?.standby ?? false;
}

/** Whether the COPY export's read-only transaction (server/export/copy-reader.ts) ran on a standby. */
async function copyOnStandby(db: Db): Promise<boolean> {
  const client = postgresClientOf(db);
  if (!client) throw new Error('not a PostgreSQL server');
  const chunks: Buffer[] = [];
  await copyOut(client, 'copy (select pg_is_in_recovery()) to stdout', {
    timezone: 'UTC',
    signal: new AbortController().signal,
    chunkBytes: 1,
    onChunk: (bytes) => {
      chunks.push(bytes);
      return Promise.resolve();
    },
  });
  return Buffer.concat(chunks).toString() === 't\n';
}

async function regionCount(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(regions);
  return row?.n ?? -1;
}

async function until(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await sleep(50);
  }
}

describe.skipIf(skipped)(`read replicas${skipped ? ` (skipped: ${skipped})` : ''}`, () => {
  let primary: OwnPostgres;
  let replica: OwnReplica;
  let handle: DbHandle;
  let replicaAdmin: postgres.Sql;

  const node = () => {
    const first = handle.replicas?.nodes[0];
    if (!first) throw new Error('no replica node');
    return first;
  };

  beforeAll(async () => {
    primary = await startOwnPostgres();
    replica = await startOwnReplica(primary.url);
    handle = await openDatabase({
      databaseUrl: primary.url,
      dataDir: 'memory://',
      replicas: { urls: [replica.url], maxLagSeconds: MAX_LAG_SECONDS, checkIntervalMs: 200 },
    });
    await migrateDatabase(handle);
    replicaAdmin = postgres(replica.url, { max: 1, onnotice: () => {} });
    // The replica may be usable (within the max lag) before it has replayed the migrations.
    const applied = async (sql: postgres.Sql) =>
      Number((await sql`select count(*)::int as n from drizzle.__drizzle_migrations`)[0]?.n ?? 0);
    const primaryAdmin = postgres(primary.url, { max: 1, onnotice: () => {} });
    const migrations = await applied(primaryAdmin);
    await primaryAdmin.end();
    await until(async () => (await applied(replicaAdmin).catch(() => 0)) === migrations, 10_000);
    await until(async () => {
      await handle.replicas?.check();
      return node().usable;
    }, 10_000);
  });

  afterAll(async () => {
    await replicaAdmin?.end({ timeout: 1 }).catch(() => {});
    await handle?.close();
    await replica?.destroy();
    await primary?.destroy();
  });

  it('reads go to the replica, writes to the primary', async () => {
    expect(await inRecovery(handle.db)).toBe(false);
    expect(await inRecovery(handle.readDb)).toBe(true);

    // An insert through the read database lands on the primary (a standby would refuse it).
    await handle.readDb.insert(regions).values({ code: 'R1', name: 'Region one' });
    await until(async () => (await regionCount(handle.readDb)) === 1, 5_000);
    const viaBuilder = await handle.readDb
      .select({ code: regions.code, standby: sql<boolean>`pg_is_in_recovery()` })
      .from(regions);
    expect(viaBuilder).toEqual([{ code: 'R1', standby: true }]);

    // The export cursor's read-only transaction runs on the replica; any other transaction on the primary.
    const readOnly = await handle.readDb.transaction((tx) => inRecovery(tx), { accessMode: 'read only' });
    expect(readOnly).toBe(true);
    expect(await handle.readDb.transaction((tx) => inRecovery(tx))).toBe(false);

    // Rows parse alike on both (Drizzle's type parsers reach the replica's pool).
    const settingsOnReplica = await getSettings(handle.readDb);
    expect(settingsOnReplica).toEqual(await getSettings(handle.db));
    const [onReplica] = await queryRows<{ at: unknown }>(handle.readDb, sql`select now() as at`);
    const [onPrimary] = await queryRows<{ at: unknown }>(handle.db, sql`select now() as at`);
    expect(typeof onReplica?.at).toBe(typeof onPrimary?.at);
  });

  it("a user's reads right after their write go to the primary and see it", async () => {
    const writer = 7001;
    const other = 7002;
    await handle.db.insert(regions).values({ code: 'R2', name: 'Region two' });
    noteWrite(writer);

    const writersDb = readDbFor(handle, writer);
    expect(await inRecovery(writersDb)).toBe(false);
    expect(await handle.db.select().from(regions).where(eq(regions.code, 'R2'))).toHaveLength(1);
    expect(await writersDb.select().from(regions).where(eq(regions.code, 'R2'))).toHaveLength(1);

    expect(await inRecovery(readDbFor(handle, other))).toBe(true);
    // Once the window (the max lag) has passed, the writer reads from the replica again.
    expect(await inRecovery(readDbFor(handle, writer, Date.now() + 60_000))).toBe(true);
  });

  it("the COPY export reads the replica; a user's right after their write, the primary", async () => {
    expect(await copyOnStandby(handle.readDb)).toBe(true);
    expect(await copyOnStandby(handle.db)).toBe(false);
    const writer = 7003;
    noteWrite(writer);
    expect(await copyOnStandby(readDbFor(handle, writer))).toBe(false);
    expect(await copyOnStandby(readDbFor(handle, 7004))).toBe(true);
  });

  it('a replica whose replay is paused is detected as lagging and the primary answers', async () => {
    await replicaAdmin`select pg_wal_replay_pause()`;
    try {
      await handle.db.insert(regions).values({ code: 'R3', name: 'Region three' });
      // The write reached the replica's WAL receiver but is not replayed: it lags from now on.
      await until(async () => {
        await handle.replicas?.check();
        return !node().usable;
      }, (MAX_LAG_SECONDS + 3) * 1000);
      expect(node().lagSeconds).toBeGreaterThan(MAX_LAG_SECONDS);
      expect(await inRecovery(handle.readDb)).toBe(false);
      expect(await copyOnStandby(handle.readDb)).toBe(false);
      expect(await regionCount(handle.readDb)).toBe(3);
      const [onStandby] = await replicaAdmin<{ n: number }[]>`select count(*)::int as n from regions`;
      expect(onStandby?.n).toBe(2);
    } finally {
      await replicaAdmin`select pg_wal_replay_resume()`;
    }
    await until(async () => {
      await handle.replicas?.check();
      return node().usable;
    }, 5_000);
    expect(await inRecovery(handle.readDb)).toBe(true);
    expect(await regionCount(handle.readDb)).toBe(3);
  });

  it('a replica that stops is skipped: reads still answer, from the primary', async () => {
    // Checked by hand only, so the read below meets the stopped replica before any check does.
    const manual = await openDatabase({
      databaseUrl: primary.url,
      dataDir: 'memory://',
      replicas: { urls: [replica.url], maxLagSeconds: 60, checkIntervalMs: 3_600_000 },
    });
    try {
      const manualNode = manual.replicas?.nodes[0];
      expect(manualNode?.usable).toBe(true);
      expect(await inRecovery(manual.readDb)).toBe(true);

      await replicaAdmin.end({ timeout: 1 });
      await replica.stop('immediate');
      // The failed query itself moves the read to the primary and marks the replica failed.
      expect(await regionCount(manual.readDb)).toBe(3);
      expect(manualNode?.usable).toBe(false);
      expect(await inRecovery(manual.readDb)).toBe(false);
      expect(await copyOnStandby(manual.readDb)).toBe(false);
      const readOnly = await manual.readDb.transaction((tx) => inRecovery(tx), { accessMode: 'read only' });
      expect(readOnly).toBe(false);

      // The periodic check finds it down too, and the app's own handle reads from the primary.
      await handle.replicas?.check();
      expect(node().usable).toBe(false);
      expect(await regionCount(handle.readDb)).toBe(3);

      await replica.start();
      await until(async () => {
        await handle.replicas?.check();
        return node().usable;
      }, 10_000);
      expect(await inRecovery(handle.readDb)).toBe(true);
      expect(await regionCount(handle.readDb)).toBe(3);
    } finally {
      await manual.close();
    }
  });

  it('dashboard procedures read the replica; a mutation sends its caller to the primary', async () => {
    const rows = testRows(handle.db);
    await rows.region('MAD');
    await rows.customer({ region: 'MAD', activated: '2023-01-01T00:00:00Z', churned: '2024-01-10T10:00:00Z' });
    const id = await rows.user('numbers@t.test', 'analyst', null);
    const analyst: SessionUser = { id, email: 'numbers@t.test', name: 'numbers', role: 'analyst', regionCode: null };
    const january: DashboardQueryInput = { from: '2024-01-01', to: '2024-01-31', region: null, rep: null };
    const standby = postgres(replica.url, { max: 1, onnotice: () => {} });
    // Checked by hand with a generous max lag: the paused replica stays "fresh" for this test.
    const manual = await openDatabase({
      databaseUrl: primary.url,
      dataDir: 'memory://',
      replicas: { urls: [replica.url], maxLagSeconds: 60, checkIntervalMs: 3_600_000 },
    });
    try {
      const routed = createCaller({ db: manual.db, readDb: manual.readDb, session: analyst });
      const onPrimary = createCaller({ db: manual.db, session: analyst });
      // Figures read rollups, refreshed on the primary when read there; the replica then replays them.
      expect((await onPrimary.churn.figures(january)).churned).toBe(1);
      await until(async () => (await routed.churn.figures(january)).churned === 1, 5_000);
      await standby`select pg_wal_replay_pause()`;
      await rows.customer({ region: 'MAD', activated: '2023-01-01T00:00:00Z', churned: '2024-01-11T10:00:00Z' });

      expect((await onPrimary.churn.figures(january)).churned).toBe(2);
      // The paused replica has not replayed the second churn: the dashboard procedure read it.
      expect((await routed.churn.figures(january)).churned).toBe(1);

      expect(wroteRecently(analyst.id)).toBe(false);
      await routed.savedViews.save({ page: 'queue', name: 'Open', query: 'status=open' });
      expect(wroteRecently(analyst.id)).toBe(true);
    } finally {
      await standby`select pg_wal_replay_resume()`.catch(() => {});
      await standby.end({ timeout: 1 });
      await manual.close();
    }
  });
});
