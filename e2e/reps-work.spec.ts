import type { Browser, Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures/auth';

async function count(page: Page, testId: string): Promise<number> {
  return Number(await page.getByTestId(testId).getAttribute('data-value'));
}

/** Opens the first dispute of the rep's queue matching the URL filters; returns its ref. */
async function openFirstDispute(page: Page, query: string): Promise<string> {
  await page.goto(`/queue?${query}`);
  const link = page.getByRole('region', { name: 'Disputes' }).getByRole('link', { name: /^DS-/ }).first();
  await expect(link).toBeVisible();
  const ref = (await link.innerText()).trim();
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/disputes/${ref}$`));
  return ref;
}

async function recordUndue(page: Page, reason: string) {
  const finding = page.getByRole('region', { name: 'Finding' });
  await finding.getByLabel('Yes, undue').check();
  await finding.getByLabel('What was undue').fill(reason);
  await finding.getByRole('button', { name: 'Record finding' }).click();
  await expect(page.getByTestId('timeline')).toContainText(/undue/i);
}

async function credit(page: Page, amount: string, reason: string) {
  const form = page.getByRole('region', { name: 'Credit' });
  await form.getByLabel(/Amount/).fill(amount);
  await form.getByLabel('Reason').fill(reason);
  await form.getByRole('button', { name: 'Credit' }).click();
}

/** Today's national figures as the manager reads them (reps do not read figures, on the API as on the dashboard). */
async function kpisToday(browser: Browser) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await signIn(page, 'manager');
    await expect(page.getByTestId('current-user')).toBeVisible();
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Madrid' }).format(new Date());
    const response = await page.request.get(`/api/v1/kpis?from=${today}&to=${today}`);
    expect(response.status()).toBe(200);
    return (await response.json()) as { disputes: { resolved: number; creditedCents: number } };
  } finally {
    await context.close();
  }
}

test('a rep works a first-bill dispute from open to resolved with a credit, and it leaves the queue', async ({ page, browser }) => {
  await signIn(page, 'rep');
  await expect(page.getByTestId('queue-open')).toBeVisible();
  const homeBefore = Number(await page.getByTestId('queue-open').locator('.kpi-value').innerText());
  const kpisBefore = await kpisToday(browser);

  await page.goto('/queue');
  const totalBefore = await count(page, 'queue-count-total');
  const ref = await openFirstDispute(page, 'bill=1&status=open');

  await recordUndue(page, 'Line activated that was never ordered');
  await credit(page, '5.00', 'First bill: unrequested line');
  await expect(page.getByRole('region', { name: 'Credits' })).toContainText('5.00');
  await page.getByTestId('transition-resolved').click();
  await expect(page.getByTestId('case-status')).toHaveText(/resolved/i);
  await expect(page.getByTestId('timeline')).toContainText(/resolved/i);

  await page.goto('/queue');
  await expect.poll(() => count(page, 'queue-count-total')).toBe(totalBefore - 1);
  await expect(page.getByRole('region', { name: 'Disputes' }).getByRole('link', { name: ref })).toHaveCount(0);

  await page.goto('/');
  await expect(page.getByTestId('queue-open').locator('.kpi-value')).toHaveText(String(homeBefore - 1));
  const kpisAfter = await kpisToday(browser);
  expect(kpisAfter.disputes.resolved).toBe(kpisBefore.disputes.resolved + 1);
  expect(kpisAfter.disputes.creditedCents).toBe(kpisBefore.disputes.creditedCents + 500);
});

test('a credit above the rep limit waits for the manager, who approves it', async ({ page }) => {
  await signIn(page, 'rep');
  await expect(page.getByTestId('current-user')).toBeVisible();
  const ref = await openFirstDispute(page, 'status=investigating&min=100');
  await recordUndue(page, 'Promotion not applied');
  await credit(page, '80.00', 'Three months of promotion not applied');
  await expect(page.getByRole('status').filter({ hasText: /approval/i })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Credit requests' })).toContainText(/awaiting approval/i);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
  await signIn(page, 'regionalManager');
  await expect(page.getByTestId('current-user')).toBeVisible();
  await page.goto('/approvals');
  const row = page.getByRole('table', { name: 'Pending credit requests' }).getByRole('row').filter({ hasText: ref });
  await expect(row).toHaveCount(1);
  await row.getByRole('button', { name: 'Approve' }).click();
  await expect(row).toHaveCount(0);

  await page.goto(`/disputes/${ref}`);
  await expect(page.getByRole('table', { name: 'Compensations issued' })).toContainText('80.00');
  await expect(page.getByTestId('timeline')).toContainText(/approv/i);
});

test("a rep cannot open another rep's dispute by its URL", async ({ page }) => {
  await signIn(page, 'manager');
  await expect(page.getByTestId('current-user')).toBeVisible();
  await page.goto('/cases/disputes?preset=last_90_days&region=CAT');
  const otherRef = (await page.getByRole('table').getByRole('cell', { name: /^DS-/ }).first().innerText()).trim();
  expect(otherRef).toMatch(/^DS-/);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);

  await signIn(page, 'rep');
  await expect(page.getByTestId('current-user')).toBeVisible();
  const response = await page.goto(`/disputes/${otherRef}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByText(otherRef)).toHaveCount(0);
});
