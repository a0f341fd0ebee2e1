import 'server-only';
import { asc } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { regions } from '@/db/schema';

/** The regions a user's home region can be, for the account forms. */
export function listRegions(db: Db) {
  return db.select({ code: regions.code, name: regions.name }).from(regions).orderBy(asc(regions.code));
}
