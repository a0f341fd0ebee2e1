import 'server-only';
import { cache } from 'react';
import { getDb } from '../db';
import { isSetupNeeded } from '../services/accounts/setup';

/** Whether the install still waits for its first admin; read once per request. */
export const loadSetupNeeded = cache(async (): Promise<boolean> => isSetupNeeded(await getDb()));
