import { readdirSync } from 'node:fs';
import path from 'node:path';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import type { SessionUser } from '@/server/auth/session-user';
import {
  authorizationWorld,
  SUBJECTS,
  type AuthorizationWorld,
  type ObjectKind,
  type Persona,
  type Subject,
} from '@/test/authorization-world';
import { createTestDb, type TestDb } from '@/test/db';
import { PROCEDURES, ROUTES, type Expectation, type RouteCall } from './authorization-matrix.table';

// Route handlers find the database and the browser session through these two modules.
const state = vi.hoisted((): { db: Db | null; session: SessionUser | null } => ({ db: null, session: null }));
vi.mock('@/server/db', () => ({ getDb: () => Promise.resolve(state.db), getReadDb: () => Promise.resolve(state.db) }));
vi.mock('@/server/auth/session', () => ({ getSessionUser: () => Promise.resolve(state.session) }));

const { appRouter, createCaller } = await import('./root');

const OUTCOMES = ['ok', '400', '401', '403', '404'] as const;
type Outcome = (typeof OUTCOMES)[number];
const isOutcome = (word: string): word is Outcome => (OUTCOMES as readonly string[]).includes(word);

/** One outcome per subject and object kind, from the row's words (see the table's header). */
function parseExpectation(text: Expectation, kinds: readonly ObjectKind[]): Map<Subject, Outcome[]> {
  const words = text.trim().split(/\s+/);
  if (words.length !== SUBJECTS.length) {
    throw new Error(`"${text}": one word per caller (${SUBJECTS.join(' ')}), got ${words.length}`);
  }
  return new Map(
    SUBJECTS.map((subject, i) => {
      const parts = (words[i] ?? '').split('/');
      const outcomes = parts.length === 1 ? kinds.map(() => parts[0] ?? '') : parts;
      if (outcomes.length !== kinds.length || !outcomes.every(isOutcome)) {
        throw new Error(
          `"${text}": "${words[i] ?? ''}" for ${subject} is not ${kinds.length} of ${OUTCOMES.join('|')}`,
        );
      }
      return [subject, outcomes.filter(isOutcome)];
    }),
  );
}

const TRPC_OUTCOMES: Partial<Record<TRPCError['code'], Outcome>> = {
  BAD_REQUEST: '400',
  UNAUTHORIZED: '401',
  FORBIDDEN: '403',
  NOT_FOUND: '404',
};

const API_DIR = path.join(process.cwd(), 'app', 'api');
const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
type RouteHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Every route handler under app/api except next-auth's, as `METHOD /api/…` → handler. */
async function routeHandlers(): Promise<Map<string, RouteHandler>> {
  const files = readdirSync(API_DIR, { recursive: true, encoding: 'utf8' })
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => file.endsWith('/route.ts') && !file.includes('[...nextauth]'));
  const handlers = new Map<string, RouteHandler>();
  for (const file of files.sort()) {
    const loaded = (await import(path.join(API_DIR, file))) as Record<string, unknown>;
    for (const method of HTTP_METHODS) {
      const handler = loaded[method];
      if (typeof handler === 'function') {
        handlers.set(`${method} /api/${path.posix.dirname(file)}`, handler as RouteHandler);
      }
    }
  }
  return handlers;
}

let t: TestDb;
let w: AuthorizationWorld;
let handlers: Map<string, RouteHandler>;
beforeAll(async () => {
  t = await createTestDb();
  state.db = t.db;
  w = await authorizationWorld(t.db);
  handlers = await routeHandlers();
});
afterAll(async () => {
  await t?.close();
});

const sessionOf = (subject: Subject): SessionUser | null =>
  subject === 'anonymous' ? null : w.callers[subject satisfies Persona];

async function callProcedure(key: string, session: SessionUser | null, input: unknown): Promise<string> {
  const caller = createCaller({ db: t.db, session });
  const procedure = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], caller);
  try {
    await (procedure as (input: unknown) => Promise<unknown>)(input);
    return 'ok';
  } catch (error) {
    if (error instanceof TRPCError) return TRPC_OUTCOMES[error.code] ?? error.code;
    return `unexpected ${String(error)}`;
  }
}

async function callRoute(key: string, subject: Subject, auth: 'token' | 'session', call: RouteCall): Promise<string> {
  const handler = handlers.get(key);
  if (!handler) return 'no such handler';
  // As a browser on the site itself would send it, so only authorization decides.
  const headers = new Headers(call.init?.headers);
  headers.set('Sec-Fetch-Site', 'same-origin');
  if (auth === 'token' && subject !== 'anonymous') headers.set('Authorization', `Bearer ${w.tokens[subject]}`);
  state.session = auth === 'session' ? sessionOf(subject) : null;
  try {
    const response = await handler(new Request(`http://localhost${call.url}`, { ...call.init, headers }), {
      params: Promise.resolve(call.params ?? {}),
    });
    // Drained, so a streamed body (an export's cursor, an import) finishes before the next call.
    await response.text();
    return response.ok ? 'ok' : String(response.status);
  } finally {
    state.session = null;
  }
}

/** A row without objects is called once per caller (its input builder sees `own`). */
const ONE_CALL: readonly ObjectKind[] = ['own'];

/** Runs every cell of a row and lists those whose outcome differs from the table. */
async function mismatches(
  expectation: Expectation,
  kinds: readonly ObjectKind[] | undefined,
  run: (subject: Subject, kind: ObjectKind) => Promise<string>,
): Promise<string[]> {
  const used = kinds ?? ONE_CALL;
  const expected = parseExpectation(expectation, used);
  const wrong: string[] = [];
  for (const subject of SUBJECTS) {
    for (const [i, kind] of used.entries()) {
      const want = expected.get(subject)?.[i];
      const got = await run(subject, kind);
      if (got !== want) wrong.push(`${subject}${kinds ? ` on ${kind}` : ''}: expected ${want ?? '?'}, got ${got}`);
    }
  }
  return wrong;
}

describe('the authorization matrix covers everything', () => {
  it('has a row for every tRPC procedure, and none for a procedure that does not exist', () => {
    const procedures = Object.keys(appRouter._def.procedures).sort();
    const missing = procedures.filter((key) => !(key in PROCEDURES));
    expect(missing, `Add these procedures to server/api/authorization-matrix.table.ts: ${missing.join(', ')}`).toEqual(
      [],
    );
    const stale = Object.keys(PROCEDURES).filter((key) => !procedures.includes(key));
    expect(stale, `These rows name no procedure: ${stale.join(', ')}`).toEqual([]);
  });

  it('has a row for every route handler, and none for a handler that does not exist', () => {
    const routes = [...handlers.keys()];
    const missing = routes.filter((key) => !(key in ROUTES));
    expect(
      missing,
      `Add these route handlers to server/api/authorization-matrix.table.ts: ${missing.join(', ')}`,
    ).toEqual([]);
    const stale = Object.keys(ROUTES).filter((key) => !routes.includes(key));
    expect(stale, `These rows name no route handler: ${stale.join(', ')}`).toEqual([]);
  });
});

describe('tRPC procedures', () => {
  it.each(Object.entries(PROCEDURES))('%s', async (key, row) => {
    const wrong = await mismatches(row.expect, row.kinds, async (subject, kind) => {
      const session = sessionOf(subject);
      const input = row.input ? await row.input(w, session, kind) : undefined;
      return callProcedure(key, session, input);
    });
    expect(wrong).toEqual([]);
  });
});

describe('route handlers', () => {
  it.each(Object.entries(ROUTES))('%s', async (key, row) => {
    const wrong = await mismatches(row.expect, row.kinds, async (subject, kind) =>
      callRoute(key, subject, row.auth ?? 'token', await row.call(w, sessionOf(subject), kind)),
    );
    expect(wrong).toEqual([]);
  });
});
