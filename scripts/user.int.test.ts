import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase } from '@/db/client';
import { auditLog, users } from '@/db/schema';

let dir = '';
let dataDir = '';

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'holdfast-user-cli-'));
  dataDir = path.join(dir, 'pglite');
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function cli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', '--conditions=react-server', 'scripts/user.ts', ...args], {
      env: { ...process.env, HOLDFAST_DATA_DIR: dataDir, DATABASE_URL: '', NEXTAUTH_URL: 'https://holdfast.example.test' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function withDb<T>(query: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> {
  const handle = await openDatabase({ dataDir });
  try {
    await migrateDatabase(handle);
    return await query(handle.db);
  } finally {
    await handle.close();
  }
}

const LINK = /^https:\/\/holdfast\.example\.test\/set-password\?token=[A-Za-z0-9_-]{43}$/m;

// Each run starts tsx and opens PGlite: seconds apiece, more on a busy machine.
describe('npm run user', { timeout: 300_000 }, () => {
  it('creates a user without a password and prints the one-time invite link', async () => {
    const result = await cli('create', '--email', 'Ops.Lead@Example.test', '--name', 'Ops Lead', '--role', 'admin');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Created ops\.lead@example\.test\./);
    expect(result.stdout).toMatch(LINK);
    const rows = await withDb((db) => db.select().from(users).where(eq(users.email, 'ops.lead@example.test')));
    expect(rows).toMatchObject([{ role: 'admin', passwordHash: null, active: true }]);
  });

  it('reset prints a fresh link and audits it; an unknown email or a taken one exits 1', async () => {
    const reset = await cli('reset', '--email', 'ops.lead@example.test');
    expect(reset.stderr).toBe('');
    expect(reset.code).toBe(0);
    expect(reset.stdout).toMatch(/New invite link for ops\.lead@example\.test/);
    expect(reset.stdout).toMatch(LINK);
    const actions = await withDb((db) => db.select({ action: auditLog.action, actorId: auditLog.actorId }).from(auditLog));
    expect(actions).toEqual([
      { action: 'user.create', actorId: null },
      { action: 'user.link_issued', actorId: null },
      { action: 'user.link_issued', actorId: null },
    ]);

    const unknown = await cli('reset', '--email', 'nobody@example.test');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^holdfast user: There is no user with the email nobody@example\.test\./);
    const taken = await cli('create', '--email', 'ops.lead@example.test', '--name', 'Again', '--role', 'rep');
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/already exists/);
  });

  it('exits 1 with the usage on bad arguments', async () => {
    const noCommand = await cli();
    expect(noCommand.code).toBe(1);
    expect(noCommand.stderr).toMatch(/Name a command: create or reset\.[\s\S]*Usage:/);
    const badRole = await cli('create', '--email', 'a@example.test', '--name', 'A', '--role', 'boss');
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toMatch(/--role: /);
    const missing = await cli('create', '--email', 'a@example.test', '--role', 'rep');
    expect(missing.stderr).toMatch(/--name is required/);
    const unknownFlag = await cli('reset', '--email', 'a@example.test', '--force');
    expect(unknownFlag.code).toBe(1);
  });

  it('exits 2 when the database cannot be opened (another process holds it)', async () => {
    const handle = await openDatabase({ dataDir });
    try {
      const result = await cli('reset', '--email', 'ops.lead@example.test');
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^holdfast user: /);
      expect(result.stdout).toBe('');
    } finally {
      await handle.close();
    }
  });
});
