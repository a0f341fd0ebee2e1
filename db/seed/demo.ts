import { hashPassword } from '../../server/auth/password';
import { putSetting } from '../../server/services/settings';
import { DEMO_PASSWORD } from '../../lib/demo-accounts';
import type { Db } from '../client';
import { auditLog, users } from '../schema';
import { buildDemoData } from './demo-build';
import { ANCHOR } from './demo-time';
import { writeDemoData, type SeedCounts } from './demo-write';

export interface SeedSummary {
  users: number;
  customers: number;
}

export type { SeedCounts };

/** Adds the demo data set when the database has no users yet; null when it already had data. */
export async function seedDemoIfEmpty(db: Db): Promise<SeedCounts | null> {
  const [anyUser] = await db.select({ id: users.id }).from(users).limit(1);
  if (anyUser) return null;
  return db.transaction(async (tx) => seedDemo(tx));
}

/** Writes the whole demo data set; run it inside a transaction on an empty database. */
export async function seedDemo(db: Db, options: { now?: Date } = {}): Promise<SeedCounts> {
  const now = (options.now ?? new Date()).getTime();
  // One hash for every demo account: argon2id is deliberately slow.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const data = buildDemoData(now);
  const counts = await writeDemoData(db, data, passwordHash);
  await putSetting(db, 'demoData', true);
  await db.insert(auditLog).values({
    action: 'seed_demo',
    entity: 'database',
    details: { ...counts, anchor: new Date(ANCHOR).toISOString() },
  });
  return counts;
}
