import fs from 'node:fs';
import path from 'node:path';
import { ACCOUNT_NAMES } from './fixtures/accounts';
import { authStatePath } from './fixtures/auth-state';
import { expect, signIn, test } from './fixtures/auth';

// Runs before the specs of its server (projects "sign-in-once", "sign-in-once-postgres"): each
// role signs in through the real form once, and the specs reuse its browser state.
for (const account of ACCOUNT_NAMES) {
  test(`sign in once as ${account}`, async ({ page, authServer }) => {
    // The first requests of a fresh server: its pages compile their first render and argon2 runs cold.
    test.setTimeout(180_000);
    await signIn(page, account);
    await expect(page.getByTestId('current-user')).toBeVisible({ timeout: 120_000 });
    const file = authStatePath(authServer, account);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await page.context().storageState({ path: file });
  });
}
