import 'server-only';
import { seedDemoIfEmpty } from '@/db/seed/demo';
import { DEMO_LOGINS, DEMO_PASSWORD } from '@/lib/demo-accounts';
import { getDbHandle } from './db';
import { env } from './env';
import { getSettings } from './services/settings';

/** Runs once when the server starts: open and migrate the database, add demo data when asked. */
export async function prepareDatabase(): Promise<void> {
  const handle = await getDbHandle();
  console.log(`Holdfast database: ${handle.driver} at ${handle.location}, migrations applied.`);
  if (env.HOLDFAST_SEED_DEMO === '1') {
    const seeded = await seedDemoIfEmpty(handle.db);
    if (seeded) console.log(`Demo data added: ${seeded.customers} customers, ${seeded.users} users.`);
  }
  if ((await getSettings(handle.db)).demoData) printDemoLogins();
}

function printDemoLogins() {
  console.log(`\nHoldfast is ready on http://localhost:${env.PORT} — demo logins (password "${DEMO_PASSWORD}"):`);
  for (const login of DEMO_LOGINS) console.log(`  ${login.email.padEnd(28)} ${login.description}`);
  console.log('');
}
