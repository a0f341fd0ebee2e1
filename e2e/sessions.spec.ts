import type { Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../lib/demo-accounts';
import { ACCOUNTS, expect, signIn, test } from './fixtures/auth';

async function signInFrom(page: Page, loginPath: string): Promise<void> {
  await page.goto(loginPath);
  await page.getByLabel('Email').fill(ACCOUNTS.analyst);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('current-user')).toBeVisible();
}

test.describe('server-side sessions', () => {
  test('a session cookie copied before sign-out is refused after it', async ({ page, playwright, baseURL }) => {
    // A session of its own: the shared analyst session (test.use) must outlive this sign-out.
    await signIn(page, 'analyst');
    await expect(page.getByTestId('current-user')).toBeVisible();
    const cookie = (await page.context().cookies()).find((c) => c.name.endsWith('next-auth.session-token'));
    expect(cookie, 'the session cookie').toBeDefined();
    expect(cookie?.httpOnly).toBe(true);
    const replay = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { cookie: `${cookie?.name}=${cookie?.value}` },
    });
    try {
      expect((await replay.get('/api/trpc/me.get')).status()).toBe(200);

      await page.getByRole('button', { name: 'Sign out' }).click();
      await expect(page).toHaveURL(/\/login/);

      expect((await replay.get('/api/trpc/me.get')).status()).toBe(401);
      const home = await replay.get('/', { maxRedirects: 0 });
      expect(home.status()).toBeGreaterThanOrEqual(300);
      expect(home.headers().location).toMatch(/\/login/);
    } finally {
      await replay.dispose();
    }
  });

  test('the session endpoint shows scripts nothing that identifies the session', async ({ pageAs }) => {
    const page = await pageAs('analyst');
    const session = (await (await page.request.get('/api/auth/session')).json()) as Record<string, unknown>;
    expect(Object.keys(session)).toEqual(['expires']);
  });
});

test.describe('after sign-in the user stays on the site', () => {
  // As they would appear in a crafted link: %5C is a backslash, %09 a tab.
  for (const callbackUrl of [
    '/%5Cevil.example/x',
    '/%09/evil.example',
    '//evil.example',
    '%2F%2Fevil.example',
    '/%5C/evil.example',
    'https://evil.example',
    'javascript:alert(document.domain)',
  ]) {
    test(`callbackUrl=${callbackUrl} lands on the overview`, async ({ page, baseURL }) => {
      await signInFrom(page, `/login?callbackUrl=${callbackUrl}`);
      const landed = new URL(page.url());
      expect(landed.origin).toBe(new URL(baseURL ?? '').origin);
      expect(landed.pathname).toBe('/');
    });
  }

  test('a same-site callbackUrl is honoured, as a path or as a full URL', async ({ page, baseURL }) => {
    await signInFrom(page, `/login?callbackUrl=${encodeURIComponent('/churn')}`);
    await expect(page).toHaveURL(/\/churn$/);
    await page.context().clearCookies();
    await signInFrom(page, `/login?callbackUrl=${encodeURIComponent(`${baseURL ?? ''}/disputes`)}`);
    await expect(page).toHaveURL(/\/disputes$/);
  });
});
