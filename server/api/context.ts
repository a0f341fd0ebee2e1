import 'server-only';
import { getSessionUser } from '../auth/session';
import { getDb, getReadDb } from '../db';
import { requestMemo } from '../request-context';
import type { Context } from './trpc';

export async function createTRPCContext(): Promise<Context> {
  const session = await getSessionUser();
  return { db: await getDb(), readDb: await getReadDb(session?.id ?? null), session, memo: requestMemo() };
}
