import type { Db } from '../client';
import { auditLog, users } from '../schema';
import { writeSetting } from '../settings';
import { buildDemoData } from './demo-build';
import { ANCHOR } from './demo-time';
import { writeDemoData, type SeedCounts } from './demo-write';

export interface SeedSummary {
  users: number;
  customers: number;
}

export type { SeedCounts };

/**
 * argon2id (server/auth/password.ts parameters) of DEMO_PASSWORD in lib/demo-accounts.ts. That
 * password is printed and documented, so a fixed salt gives nothing away, and the seed needs no
 * hashing code from the server layer.
 */
const DEMO_PASSWORD_HASH = '$argon2id$v=19$m=19456,p=1,t=2$T6ByaMdf+OXfa243pEI3Ww$wqEYdyQggp8U9AIXtWKg3lhfeliioX04BTFnC2UL+y0';

/** Adds the demo data set when the database has no users yet; null when it already had data. */
export async function seedDemoIfEmpty(db: Db): Promise<SeedCounts | null> {
  const [anyUser] = await db.select({ id: users.id }).from(users).limit(1);
  if (anyUser) return null;
  return db.transaction(async (tx) => seedDemo(tx));
}

/** Writes the whole demo data set; run it inside a transaction on an empty database. */
export async function seedDemo(db: Db, options: { now?: Date } = {}): Promise<SeedCounts> {
  const now = (options.now ?? new Date()).getTime();
  const data = buildDemoData(now);
  const counts = await writeDemoData(db, data, DEMO_PASSWORD_HASH);
  await writeSetting(db, 'demoData', true);
  await db.insert(auditLog).values({
    action: 'seed_demo',
    entity: 'database',
    details: { ...counts, anchor: new Date(ANCHOR).toISOString() },
  });
  return counts;
}
