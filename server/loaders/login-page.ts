import 'server-only';
import { getDb } from '../db';
import { env } from '../env';
import { getSettings } from '../services/settings';

/** Demo accounts are listed on /login only while the server runs in demo mode on the demo data. */
export async function loadShowDemoLogins(): Promise<boolean> {
  return env.demoMode && (await getSettings(await getDb())).demoData;
}
