import 'server-only';
import { connection } from 'next/server';
import { cache } from 'react';
import { getDb } from '../db';
import { isSetupNeeded } from '../services/accounts/setup';

/** Whether the install still waits for its first admin; read once per request, never at build time. */
export const loadSetupNeeded = cache(async (): Promise<boolean> => {
  await connection();
  return isSetupNeeded(await getDb());
});
