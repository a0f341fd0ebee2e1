import 'server-only';
import { getDb } from '../db';
import { listRegions } from '../services/accounts/list-regions';

/** The regions a user's home region can be, for the Users page. */
export async function loadRegions() {
  return listRegions(await getDb());
}
