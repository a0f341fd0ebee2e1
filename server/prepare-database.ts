import 'server-only';
import { seedDemoIfEmpty } from '@/db/seed/demo';
import { DEMO_LOGINS, DEMO_PASSWORD } from '@/lib/demo-accounts';
import { getDbHandle } from './db';
import { env } from './env';
import { failAbandonedImportRuns } from './import/abandoned-runs';
import { isSetupNeeded, issueSetupLink } from './services/accounts/setup';
import { getSettings } from './services/settings';
import { removeSetupLinkFile, setupLinkFile, writeSetupLinkFile } from './setup-link-file';

/**
 * Runs once when the server starts: open and migrate the database; in demo mode add the demo data
 * to an empty database; on an install without an admin, print a fresh one-time setup link.
 */
export async function prepareDatabase(): Promise<void> {
  const handle = await getDbHandle();
  console.log(`Holdfast database: ${handle.driver} at ${handle.location}, migrations applied.`);
  const abandoned = await failAbandonedImportRuns(handle);
  if (abandoned > 0) console.log(`${abandoned} import run(s) left running by a stopped process marked failed.`);
  if (env.demoMode) {
    const seeded = await seedDemoIfEmpty(handle.db);
    if (seeded) console.log(`Demo data added: ${seeded.customers} customers, ${seeded.users} users.`);
  }
  const { demoData } = await getSettings(handle.db);
  if (demoData && !env.demoMode) {
    // Its accounts share a published password: a real install must never serve them.
    throw new Error(
      `the database at ${handle.location} holds the demo data, whose accounts share a published password. ` +
        'Start with HOLDFAST_DEMO=1 to use the demo, or install on an empty database (docs/operations.md).',
    );
  }
  if (demoData) printDemoLogins();
  if (await isSetupNeeded(handle.db)) {
    const { link, expiresAt } = await issueSetupLink(handle.db);
    writeSetupLinkFile(link);
    console.log(`\nHoldfast is not set up yet. Open this one-time link to create the first admin:\n\n  ${link}\n`);
    console.log(`It works once, until ${expiresAt.toISOString()}; restarting the server prints a new one.`);
    console.log(`The link is also in ${setupLinkFile()} (readable by this user only) until setup is done.\n`);
  } else {
    removeSetupLinkFile();
  }
}

function printDemoLogins() {
  console.log(`\nHoldfast is ready on http://localhost:${env.PORT} — demo logins (password "${DEMO_PASSWORD}"):`);
  for (const login of DEMO_LOGINS) console.log(`  ${login.email.padEnd(28)} ${login.description}`);
  console.log('');
}
