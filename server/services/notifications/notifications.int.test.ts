import type { AddressInfo } from 'node:net';
import { and, eq, sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { notifications, outageRegions, outages } from '@/db/schema';
import { enqueueJob } from '@/server/jobs/enqueue';
import { startJobRunner, type JobRunner } from '@/server/jobs/runner';
import { createSmtpMailer } from '@/server/mail/mailer';
import { createTestDb, type TestDb } from '@/test/db';
import { disputeWorld } from '@/test/factories/dispute-world';
import { decideCreditRequest } from '../disputes/credit-requests';
import { issueCredit } from '../disputes/credit';
import { escalateToRetention } from '../disputes/escalate';
import { putSetting } from '../settings';
import { setPreferences } from './preferences';

interface Received {
  to: string[];
  raw: string;
}

/** A real SMTP server on a free local port; every message it accepts lands in `inbox`. */
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

/** The Subject header, its RFC 2047 encoded words (UTF-8, Q or B) decoded. */
function subjectOf(raw: string): string {
  const header = /^Subject: (.*(?:\r?\n[ \t].*)*)$/m.exec(raw)?.[1] ?? '';
  return header
    .replace(/\r?\n[ \t]/g, ' ')
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_m, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_h, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          ).toString('utf8'),
    )
    .trim();
}
const unfold = (raw: string) => raw.replace(/=\r?\n/g, '').replace(/\r?\n[ \t]/g, ' ');

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
let w: Awaited<ReturnType<typeof disputeWorld>>;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let mailer: ReturnType<typeof createSmtpMailer>;
let runner: JobRunner;

beforeAll(async () => {
  t = await createTestDb();
  w = await disputeWorld(t.db);
  smtp = await startSmtp();
  mailer = createSmtpMailer(`smtp://127.0.0.1:${smtp.port}`, 'Holdfast <holdfast@test.example>');
  runner = await startJobRunner(t.db, {
    context: { db: t.db, mailer, appUrl: 'http://holdfast.test' },
    pollingIntervalSeconds: 0.5,
    schedules: false,
  });
});
afterAll(async () => {
  await runner.stop();
  mailer.close();
  await smtp.close();
  await t.close();
});

const rowsOf = (kind: string) =>
  t.db
    .select({
      userId: notifications.userId,
      link: notifications.link,
      inApp: notifications.inApp,
      emailStatus: notifications.emailStatus,
    })
    .from(notifications)
    .where(eq(notifications.kind, kind as 'credit_pending'))
    .orderBy(notifications.userId);

describe('notifications', () => {
  it('tells the approving managers of a credit waiting for approval, by email as each chose, then the rep of the decision', async () => {
    const { madManager, nationalManager, repA } = w.people;
    await setPreferences(t.db, nationalManager.id, {
      preferences: [{ kind: 'credit_pending', inApp: true, email: false }],
    });
    const ref = await w.dispute({ amount: 90_000, undue: true });
    const result = await issueCredit(t.db, repA, { ref, version: 1, amountCents: 60_000, reason: 'long outage' });
    if (result.outcome !== 'pending') throw new Error('expected a pending request');

    const pending = await until(
      () => rowsOf('credit_pending'),
      (rows) => rows.length === 2 && rows.every((r) => r.emailStatus !== 'pending'),
    );
    expect(pending).toEqual([
      { userId: madManager.id, link: '/approvals', inApp: true, emailStatus: 'sent' },
      { userId: nationalManager.id, link: '/approvals', inApp: true, emailStatus: 'none' },
    ]);
    const toManager = smtp.inbox.filter((m) => m.to.includes(madManager.email));
    expect(toManager).toHaveLength(1);
    expect(smtp.inbox.some((m) => m.to.includes(nationalManager.email))).toBe(false);
    expect(subjectOf(toManager[0]?.raw ?? '')).toMatch(/^\[Holdfast\] Credit of .*600.* waits for approval$/);
    expect(unfold(toManager[0]?.raw ?? '')).toContain('http://holdfast.test/approvals');

    await decideCreditRequest(t.db, madManager, { id: result.requestId, approve: false, note: 'over policy' });
    await until(
      () => smtp.inbox.filter((m) => m.to.includes(repA.email)),
      (list) => list.length === 1,
    );
    const toRep = smtp.inbox.find((m) => m.to.includes(repA.email))?.raw ?? '';
    expect(subjectOf(toRep)).toMatch(/rejected$/);
    expect(unfold(toRep)).toContain(`http://holdfast.test/disputes/${ref}`);
  });

  it('tells the retention team of the region of an escalation, not the other region', async () => {
    const ref = await w.dispute();
    await escalateToRetention(t.db, w.people.repA, { ref, version: 1, reason: 'price' });
    const rows = await until(
      () => rowsOf('retention_escalation'),
      (list) => list.length === 2,
    );
    expect(rows.map((r) => r.userId).sort()).toEqual([w.people.busyRetention.id, w.people.freeRetention.id].sort());
    expect(rows[0]?.link).toBe(`/disputes/${ref}`);
  });

  it('sweeps due, breached and overdue once: the assignee, then also the regional manager, and the managers of an outage', async () => {
    const { repA, madManager } = w.people;
    await putSetting(t.db, 'disputeSlaHours', 72);
    await putSetting(t.db, 'disputeDueWarningHours', 24);
    const hour = 3_600_000;
    const dueSoon = await w.dispute({ openedAt: new Date(Date.now() - 60 * hour) });
    const breached = await w.dispute({ openedAt: new Date(Date.now() - 73 * hour) });
    const longBreached = await w.dispute({ openedAt: new Date(Date.now() - 200 * hour) });
    const later = await w.dispute({ openedAt: new Date(Date.now() - 10 * hour) });
    const [outage] = await t.db
      .insert(outages)
      .values({
        outageRef: 'OUT-T1',
        title: 'Fibre cut',
        severity: 'major',
        startedAt: new Date(Date.now() - 40 * 60_000),
        detectedAt: new Date(),
      })
      .returning({ id: outages.id });
    if (!outage) throw new Error('no outage');
    await t.db.insert(outageRegions).values({ outageId: outage.id, regionCode: 'MAD' });

    await enqueueJob(t.db, 'sla-sweep', {});
    const links = async (kind: string) => (await rowsOf(kind)).map((r) => `${r.userId} ${r.link}`).sort();
    await until(
      () => links('dispute_breached'),
      (list) => list.length === 2,
    );
    await until(
      () => links('milestone_overdue'),
      (list) => list.length === 1,
    );
    await until(
      () => links('dispute_due'),
      (list) => list.length === 1,
    );
    expect(await links('dispute_due')).toEqual([`${repA.id} /disputes/${dueSoon}`]);
    expect(await links('dispute_breached')).toEqual(
      [`${repA.id} /disputes/${breached}`, `${madManager.id} /disputes/${breached}`].sort(),
    );
    // 40 minutes in: the public communication (30 min) is overdue; detection was recorded.
    expect(await links('milestone_overdue')).toEqual([`${madManager.id} /outages/OUT-T1`]);
    const subjects = async () =>
      queryRows<{ subject_key: string }>(t.db, sql`select subject_key from notifications order by id`);
    const before = (await subjects()).length;
    expect((await subjects()).some((r) => r.subject_key.includes(longBreached) || r.subject_key.includes(later))).toBe(
      false,
    );

    // A second sweep adds nothing: no job for a subject already told, no second row.
    await enqueueJob(t.db, 'sla-sweep', {});
    await until(
      () =>
        queryRows<{ n: number }>(
          t.db,
          sql`select count(*)::int as n from pgboss.job where name = 'sla-sweep' and state = 'completed'`,
        ),
      (rows) => rows[0]?.n === 2,
    );
    const notifyJobs = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from pgboss.job where name = 'notify' and data->>'kind' in ('dispute_due', 'dispute_breached', 'milestone_overdue')`,
    );
    expect(notifyJobs[0]?.n).toBe(3);
    expect((await subjects()).length).toBe(before);
    const emailsToManager = await until(
      () => smtp.inbox.filter((m) => m.to.includes(madManager.email)).map((m) => subjectOf(m.raw)),
      (list) => list.length >= 3,
    );
    expect(emailsToManager).toEqual(
      expect.arrayContaining([
        `[Holdfast] Dispute ${breached} is past its SLA`,
        '[Holdfast] Outage OUT-T1: Public communication is past its target',
      ]),
    );
    expect(
      await t.db
        .select({ id: notifications.id })
        .from(notifications)
        .where(and(eq(notifications.userId, madManager.id), eq(notifications.kind, 'dispute_due'))),
    ).toHaveLength(0);
  });
});
