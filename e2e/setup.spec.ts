import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { setupLinkFile } from './fixtures/servers';

// Runs only in the "chromium-setup" project, against a server on a fresh, non-demo database
// (playwright.config.ts). That server writes its setup link to this file, owner-readable only.
const SETUP_LINK_FILE = setupLinkFile;

test('until the first admin exists every page points to setup; the setup link creates that admin', async ({
  page,
  request,
}) => {
  for (const path of ['/login', '/', '/admin/users']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { name: 'Holdfast is not set up yet' })).toBeVisible();
  }
  const api = await request.get('/api/v1/kpis?from=2024-01-01&to=2024-01-31');
  expect(api.status()).toBe(503);
  expect(await api.json()).toMatchObject({ error: { code: 'not_set_up' } });

  expect(fs.statSync(SETUP_LINK_FILE).mode & 0o777).toBe(0o600);
  const link = fs.readFileSync(SETUP_LINK_FILE, 'utf8').trim();
  expect(link).toMatch(/\/setup\?token=[A-Za-z0-9_-]{43}$/);

  await page.goto(`/setup?token=${'A'.repeat(43)}`);
  await expect(page.getByRole('main').getByRole('alert')).toContainText('This setup link is not valid');

  await page.goto(link);
  await page.getByLabel('Your name').fill('Olga Owner');
  await page.getByLabel('Email').fill('olga@operator.example');
  await page.getByLabel('New password', { exact: true }).fill('olgaowner2024');
  await page.getByLabel('Repeat the new password').fill('olgaowner2024');
  await page.getByRole('button', { name: 'Create admin' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toContainText('too easy to guess');

  await page.getByLabel('New password', { exact: true }).fill('harbor-quartz-pelican-73');
  await page.getByLabel('Repeat the new password').fill('harbor-quartz-pelican-73');
  await page.getByRole('button', { name: 'Create admin' }).click();
  await expect(page.getByRole('status')).toContainText('Holdfast is set up');
  expect(fs.existsSync(SETUP_LINK_FILE)).toBe(false);

  await page.getByRole('link', { name: 'Sign in' }).click();
  await expect(page.getByRole('region', { name: 'Demo accounts' })).toHaveCount(0);
  await page.getByLabel('Email').fill('olga@operator.example');
  await page.getByLabel('Password').fill('harbor-quartz-pelican-73');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('current-user')).toContainText('Olga Owner');
  await expect(page.getByTestId('current-user')).toContainText('admin');

  await page.goto(link);
  await expect(page.getByText('Holdfast is already set up.')).toBeVisible();
  expect((await request.get('/api/v1/kpis?from=2024-01-01&to=2024-01-31')).status()).toBe(401);
});
