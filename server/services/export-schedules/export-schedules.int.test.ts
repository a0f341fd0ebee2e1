import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { queryRows, type Db } from '@/db/client';
import { exportRunRecipients, exportRuns, exportSchedules, users } from '@/db/schema';
import type { ExportScheduleCreateInput } from '@/lib/schemas/export-schedules';
import type { SessionUser } from '@/server/auth/session-user';
import { importFixtureDirectory } from '@/server/import/load-fixture';
import { startJobRunner, type JobRunner } from '@/server/jobs/runner';
import { createSmtpMailer } from '@/server/mail/mailer';
import { createTestDb, type TestDb } from '@/test/db';
import { claimDueRuns, dropExpiredFiles } from './due';
import { signExportLink } from './links';
import { executeRun } from './run';
import { createSchedule, listScheduleRuns, listSchedules } from './schedules';

const SECRET = 'a-test-secret-for-export-links';
// The route handler finds the database, the session and the secret through these modules.
const state = vi.hoisted((): { db: Db | null; session: SessionUser | null } => ({ db: null, session: null }));
vi.mock('@/server/db', () => ({ getDb: () => Promise.resolve(state.db), getReadDb: () => Promise.resolve(state.db) }));
vi.mock('@/server/auth/session', () => ({ getSessionUser: () => Promise.resolve(state.session) }));
vi.mock('@/server/auth/secret', () => ({ authSecret: () => SECRET }));
const { GET } = await import('@/app/api/v1/export-runs/[id]/download/route');

interface Received {
  to: string[];
  raw: string;
}

async function startSmtp() {
  const inbox: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { inbox, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The body's text with quoted-printable soft breaks and escapes undone. */
const decoded = (raw: string) =>
  raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));

async function until<T>(read: () => Promise<T> | T, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out; last value ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

let t: TestDb;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let mailer: ReturnType<typeof createSmtpMailer>;
let runner: JobRunner;
type Person = 'managerMad' | 'repMad' | 'repCat' | 'national';
const people = {} as Record<Person, SessionUser>;

function download(url: string, as: SessionUser | null, accept = '*/*') {
  state.session = as;
  const id = /export-runs\/(\d+)\//.exec(url)?.[1] ?? '0';
  return GET(new Request(new URL(url, 'http://holdfast.test'), { headers: { Accept: accept } }), {
    params: Promise.resolve({ id }),
  });
}

const schedule = (over: Partial<ExportScheduleCreateInput> = {}): ExportScheduleCreateInput => ({
  name: 'Madrid disputes of last month',
  dataset: 'disputes',
  format: 'csv',
  filters: { period: 'last_month', region: null, rep: null },
  timing: { cadence: 'monthly', hour: 6, weekday: null, dayOfMonth: 1 },
  recipientIds: [people.managerMad.id],
  ...over,
});

/** Makes a schedule due at an instant in the past (the fixture's data is of 2022–2024). */
const dueAt = (id: number, at: string) =>
  t.db.update(exportSchedules).set({ nextRunAt: new Date(at) }).where(eq(exportSchedules.id, id));

beforeAll(async () => {
  t = await createTestDb();
  state.db = t.db;
  await importFixtureDirectory(t.db, path.join(process.cwd(), 'server/metrics/fixtures/sample'), 'Europe/Madrid');
  // An install counts as set up once an admin can sign in.
  await t.db.execute(sql`update users set password_hash = 'set' where email = 'admin@holdfast.test'`);
  const rows = await t.db.select().from(users);
  const byEmail = (email: string): SessionUser => {
    const u = rows.find((r) => r.email === email);
    if (!u) throw new Error(`no ${email}`);
    return { id: u.id, email: u.email, name: u.name, role: u.role, regionCode: u.regionCode };
  };
  people.managerMad = byEmail('manager.mad@holdfast.test');
  people.repMad = byEmail('rep.mad.billing@holdfast.test');
  people.repCat = byEmail('rep.cat.billing@holdfast.test');
  people.national = byEmail('manager@holdfast.test');
  smtp = await startSmtp();
  mailer = createSmtpMailer(`smtp://127.0.0.1:${smtp.port}`, 'Holdfast <holdfast@test.example>');
  const context = { db: t.db, mailer, appUrl: 'http://holdfast.test' };
  runner = await startJobRunner(t.db, {
    context,
    pollingIntervalSeconds: 0.5,
    schedules: false,
    queues: ['scheduled-export'],
    handlers: {
      'scheduled-export': (c, { runId }) => executeRun({ ...c, secret: SECRET, linkDays: 7 }, runId),
    },
  });
}, 120_000);
afterAll(async () => {
  await runner.stop();
  mailer.close();
  await smtp.close();
  await t.close();
});

describe('scheduled exports', () => {
  it("refuses recipients and regions outside the owner's scope", async () => {
    const { managerMad, repCat, repMad } = people;
    await expect(createSchedule(t.db, managerMad, schedule({ recipientIds: [repMad.id, repCat.id] }))).rejects.toThrow(
      /recipientIds: 1 of the recipients cannot receive this: you may send scheduled exports only to active users of your region \(MAD\)/,
    );
    await expect(
      createSchedule(t.db, managerMad, schedule({ filters: { period: 'last_month', region: 'CAT', rep: null } })),
    ).rejects.toThrow(/only see figures for your region \(MAD\)/);
    await expect(createSchedule(t.db, repMad, schedule({ recipientIds: [repMad.id] }))).rejects.toThrow(/may export/);
  });

  it("mails each recipient a signed link to a file of the owner's region only; the link works for that recipient only", async () => {
    const { managerMad, repMad, national } = people;
    const created = await createSchedule(t.db, managerMad, schedule({ recipientIds: [managerMad.id, repMad.id] }));
    // 06:00 on 1 February 2024 in Madrid: last month is January 2024.
    await dueAt(created.id, '2024-02-01T05:00:00Z');

    // Two sweeps at once, and a third as after a restart: one run.
    const now = new Date();
    const [a, b] = await Promise.all([claimDueRuns(t.db, now), claimDueRuns(t.db, now)]);
    expect([...(a ?? []), ...(b ?? [])]).toHaveLength(1);
    await dueAt(created.id, '2024-02-01T05:00:00Z');
    expect(await claimDueRuns(t.db, now)).toEqual([]);
    const runs = await t.db.select().from(exportRuns).where(eq(exportRuns.scheduleId, created.id));
    expect(runs.map((r) => r.dueAt.toISOString())).toEqual(['2024-02-01T05:00:00.000Z']);

    const mails = await until(
      () => smtp.inbox.filter((m) => m.to.includes(managerMad.email) || m.to.includes(repMad.email)),
      (list) => list.length === 2,
    );
    const [run] = await listScheduleRuns(t.db, managerMad, created.id);
    expect(run).toMatchObject({ status: 'succeeded', periodFrom: '2024-01-01', periodTo: '2024-01-31', attempts: 1 });

    const toRep = decoded(mails.find((m) => m.to.includes(repMad.email))?.raw ?? '');
    const link = /http:\/\/holdfast\.test(\/api\/v1\/export-runs\/\d+\/download\?\S+)/.exec(toRep)?.[1] ?? '';
    expect(link).toMatch(/\?u=\d+&e=\d+&s=[\w-]+$/);

    // Disputes opened in January 2024 (Madrid time) of MAD customers, counted by hand in SQL.
    const [mad] = await queryRows<{ n: number; all: number }>(
      t.db,
      sql`select count(*) filter (where c.region_code = 'MAD')::int as n, count(*)::int as "all"
        from disputes d join customers c on c.id = d.customer_id
        where d.opened_at >= '2024-01-01T00:00:00+01:00' and d.opened_at < '2024-02-01T00:00:00+01:00'`,
    );
    expect(mad?.n).toBeGreaterThan(0);
    expect(mad?.all).toBeGreaterThan(mad?.n ?? 0);

    const response = await download(link, repMad);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="disputes_2024-01-01_2024-01-31_region-MAD.csv"',
    );
    const lines = Buffer.from(await response.arrayBuffer()).subarray(3).toString('utf8').split('\r\n').slice(1, -1);
    expect(lines).toHaveLength(mad?.n ?? -1);
    expect(run?.rowCount).toBe(mad?.n);
    const refs = lines.map((line) => line.split(',')[0] ?? '');
    const [outside] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from disputes d join customers c on c.id = d.customer_id
        where d.dispute_ref in (${sql.join(
          refs.map((r) => sql`${r}`),
          sql`, `,
        )}) and c.region_code <> 'MAD'`,
    );
    expect(outside?.n).toBe(0);

    // Someone else signed in, nobody signed in, a browser without a session, an altered link.
    expect((await download(link, national)).status).toBe(403);
    expect((await download(link, null)).status).toBe(401);
    const browser = await download(link, null, 'text/html');
    expect(browser.status).toBe(303);
    expect(browser.headers.get('location')).toBe(`http://holdfast.test/login?callbackUrl=${encodeURIComponent(link)}`);
    expect((await download(link.replace(/s=[\w-]+/, 's=AAAA'), repMad)).status).toBe(404);
    const longer = link.replace(/e=(\d+)/, (_m, e: string) => `e=${Number(e) + 86_400}`);
    expect((await download(longer, repMad)).status).toBe(404);

    // Expired: a link past its time answers 410 with a page a person can read.
    const runId = run?.id ?? 0;
    const expired = signExportLink(SECRET, { runId, userId: repMad.id, expires: Math.floor(Date.now() / 1000) - 1 });
    const gone = await download(expired, repMad, 'text/html');
    expect(gone.status).toBe(410);
    expect(await gone.text()).toContain('This link has expired');
    const goneJson = await download(expired, repMad);
    expect(await goneJson.json()).toMatchObject({ error: { code: 'gone' } });
    // The sweep drops files whose links expired; the valid link then answers 410 too.
    await t.db.update(exportRuns).set({ linkExpiresAt: new Date(Date.now() - 1000) }).where(eq(exportRuns.id, runId));
    expect(await dropExpiredFiles(t.db, new Date())).toBe(1);
    expect((await download(link, repMad)).status).toBe(410);
    const [kept] = await listScheduleRuns(t.db, managerMad, created.id);
    expect(kept?.status).toBe('succeeded');
  }, 90_000);

  it("shows a failed run to its owner with a message safe to read, and its history to nobody else", async () => {
    const { managerMad, national } = people;
    const created = await createSchedule(t.db, managerMad, schedule({ name: 'Will fail' }));
    // The owner moves to another region: the schedule's region filter is no longer theirs.
    await t.db.update(exportSchedules).set({ filters: { period: 'last_month', region: 'MAD', rep: null } }).where(eq(exportSchedules.id, created.id));
    await t.db.update(users).set({ regionCode: 'CAT' }).where(eq(users.id, managerMad.id));
    try {
      await dueAt(created.id, '2024-03-01T05:00:00Z');
      const [runId] = await claimDueRuns(t.db, new Date());
      const run = await until(
        async () => (await t.db.select().from(exportRuns).where(eq(exportRuns.id, runId ?? 0)))[0],
        (r) => r?.status === 'failed',
      );
      expect(run?.errorMessage).toBe(
        "You can only see figures for your region (CAT). (the schedule's owner may no longer export this)",
      );
      expect(run?.file).toBeNull();
      expect(await t.db.select().from(exportRunRecipients).where(eq(exportRunRecipients.runId, runId ?? 0))).toEqual([]);
      const listed = await listSchedules(t.db, { ...managerMad, regionCode: 'CAT' });
      expect(listed.find((s) => s.id === created.id)?.lastRun?.status).toBe('failed');
      await expect(listScheduleRuns(t.db, national, created.id)).rejects.toThrow('No such schedule.');
    } finally {
      await t.db.update(users).set({ regionCode: 'MAD' }).where(eq(users.id, managerMad.id));
    }
  }, 90_000);
});

describe('a failure no retry can fix', () => {
  it('is not retried: no SMTP fails the run and its job at the first attempt', async () => {
    const { managerMad } = people;
    const created = await createSchedule(t.db, managerMad, schedule({ name: 'No SMTP' }));
    const { runScheduleNow } = await import('./due');
    const { handleScheduledExport } = await import('@/server/jobs/handlers/scheduled-export');
    // The mailing runner makes way for one without SMTP (afterAll stops whichever runs).
    await runner.stop();
    runner = await startJobRunner(t.db, {
      context: { db: t.db, mailer: null, appUrl: 'http://holdfast.test' },
      pollingIntervalSeconds: 0.5,
      schedules: false,
      queues: ['scheduled-export'],
      handlers: { 'scheduled-export': handleScheduledExport },
    });
    const { runId } = await runScheduleNow(t.db, managerMad, created.id);
    const job = await until(
      async () =>
        (
          await queryRows<{ state: string; retry_count: number; output: { message?: string } | null }>(
            t.db,
            sql`select state, retry_count, output from pgboss.job where name = 'scheduled-export' and data->>'runId' = ${String(runId)}`,
          )
        )[0],
      (j) => j?.state === 'failed',
    );
    expect(job?.retry_count).toBe(0);
    expect(job?.output?.message).toBe('Email is not set up (SMTP_URL is unset), so no download link was sent.');
    const [run] = await t.db.select().from(exportRuns).where(eq(exportRuns.id, runId ?? 0));
    expect(run).toMatchObject({ status: 'failed', attempts: 1, errorMessage: job?.output?.message });
    // The file was made; a retry (after SMTP is set up) only mails.
    expect(run?.fileBytes).toBeGreaterThan(0);
  }, 90_000);
});
