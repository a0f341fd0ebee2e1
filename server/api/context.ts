import 'server-only';
import { getSessionUser } from '../auth/session';
import { getDb } from '../db';
import type { Context } from './trpc';

export async function createTRPCContext(): Promise<Context> {
  return { db: await getDb(), session: await getSessionUser() };
}
