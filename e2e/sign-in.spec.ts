import { ACCOUNTS, expect, signIn, test } from './fixtures/auth';

// The roles' landing pages read the state the setup project saved when each signed in through
// the form (sign-in-once.setup.ts); the tests that sign out sign in for themselves.

test.describe('sign-in by role', () => {
  test('the login page lists the demo accounts on demo data', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByRole('region', { name: 'Demo accounts' })).toContainText(ACCOUNTS.rep);
  });

  test('a national manager lands on the overview with live figures', async ({ pageAs }) => {
    const page = await pageAs('manager');
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Overview', exact: true })).toBeVisible();
    await expect(page.getByTestId('current-user')).toContainText('manager');
    const active = page.getByTestId('kpi-active-customers');
    await expect(active).toBeVisible();
    expect(Number((await active.locator('.kpi-value').innerText()).replace(/\D/g, ''))).toBeGreaterThan(1000);
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' })).toHaveCount(0);
  });

  test('a regional manager sees the overview of their region', async ({ pageAs }) => {
    const page = await pageAs('regionalManager');
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Overview — MAD' })).toBeVisible();
  });

  test('an analyst lands on the overview', async ({ pageAs }) => {
    const page = await pageAs('analyst');
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Overview', exact: true })).toBeVisible();
    await expect(page.getByTestId('current-user')).toContainText('analyst');
  });

  test('a rep lands on their queue count', async ({ pageAs }) => {
    const page = await pageAs('rep');
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'My work' })).toBeVisible();
    const open = page.getByTestId('queue-open');
    await expect(open).toBeVisible();
    expect(Number(await open.locator('.kpi-value').innerText())).toBeGreaterThan(0);
  });

  test('an admin lands on the overview and can open the admin pages', async ({ pageAs }) => {
    const page = await pageAs('admin');
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
    await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Users' })).toContainText(ACCOUNTS.rep);
  });

  test('a wrong password and an unknown user get the same message', async ({ page }) => {
    await signIn(page, 'rep', 'not-the-password');
    const wrongPassword = await page.getByRole('alert').innerText();
    await page.goto('/login');
    await page.getByLabel('Email').fill('nobody@holdfast.demo');
    await page.getByLabel('Password').fill('whatever-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toHaveText(wrongPassword);
    await expect(page).toHaveURL(/\/login/);
  });

  test('sign-out returns to the login page and protects the app again', async ({ page }) => {
    // A session of its own: signing out the shared analyst session would sign out other specs.
    await signIn(page, 'analyst');
    await expect(page.getByTestId('current-user')).toBeVisible();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto('/');
    await expect(page).toHaveURL(/\/login/);
  });
});

test.describe('the server enforces roles', () => {
  test.describe('as a rep', () => {
    test.use({ account: 'rep' });

    test('a rep cannot open an admin page: the server answers 403', async ({ page }) => {
      const response = await page.goto('/admin/users');
      expect(response?.status()).toBe(403);
      await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
      await expect(page.getByRole('table', { name: 'Users' })).toHaveCount(0);
    });

    test('a rep calling the admin procedure directly is refused', async ({ page }) => {
      const response = await page.request.get('/api/trpc/admin.users');
      expect(response.status()).toBe(403);
    });
  });

  test('without a session the API answers 401', async ({ request }) => {
    const response = await request.get('/api/trpc/overview.snapshot');
    expect(response.status()).toBe(401);
  });
});
