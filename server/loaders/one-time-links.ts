import 'server-only';
import { linkTokenSchema } from '@/lib/schemas/accounts';
import { getDb } from '../db';
import { findPasswordLink } from '../services/accounts/set-password-links';
import { isLiveSetupLink, isSetupNeeded } from '../services/accounts/setup';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** /set-password: the token from the URL and whose account it sets, or null when the link is dead. */
export async function loadPasswordLink(searchParams: SearchParams) {
  const token = linkTokenSchema.safeParse((await searchParams).token);
  if (!token.success) return null;
  const person = await findPasswordLink(await getDb(), token.data);
  return person ? { token: token.data, ...person } : null;
}

/** /setup: already set up, a live setup token, or a dead link. */
export async function loadSetupLink(
  searchParams: SearchParams,
): Promise<{ state: 'done' } | { state: 'live'; token: string } | { state: 'dead' }> {
  const db = await getDb();
  if (!(await isSetupNeeded(db))) return { state: 'done' };
  const token = linkTokenSchema.safeParse((await searchParams).token);
  return token.success && (await isLiveSetupLink(db, token.data)) ? { state: 'live', token: token.data } : { state: 'dead' };
}
