import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/auth';
import type { Seeder, SeededRegion, SeededUser } from './fixtures/seed';

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

/** A region of the test's own with a billing rep and three customers, so its queue and figures are the test's alone. */
async function repWorld(seed: Seeder): Promise<{ region: SeededRegion; rep: SeededUser; accounts: string[] }> {
  const region = await seed.region();
  const rep = await seed.user('rep', { regionCode: region.code, team: 'billing' });
  const accounts = await seed.customers(region, [{}, {}, {}]);
  return { region, rep, accounts };
}

/** Today's figures of the region as the national manager reads them (reps do not read figures, on the API as on the dashboard). */
async function kpisToday(manager: Page, region: SeededRegion) {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Madrid' }).format(new Date());
  const response = await manager.request.get(`/api/v1/kpis?from=${today}&to=${today}&region=${region.code}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as { disputes: { resolved: number; creditedCents: number } };
}

test('a rep works a first-bill dispute from open to resolved with a credit, and it leaves the queue', async ({
  seed,
  pageAs,
}) => {
  const { region, rep, accounts } = await repWorld(seed);
  const [first, second, third] = accounts;
  await seed.disputes([
    { accountNumber: first ?? '', status: 'open', disputedAmount: '25.00', assignedTo: rep.email, billNumber: 1 },
    { accountNumber: second ?? '', status: 'open', disputedAmount: '40.00', assignedTo: rep.email, billNumber: 3 },
    { accountNumber: third ?? '', status: 'investigating', disputedAmount: '60.00', assignedTo: rep.email },
  ]);
  const manager = await pageAs('manager');
  expect(await kpisToday(manager, region)).toMatchObject({ disputes: { resolved: 0, creditedCents: 0 } });

  const page = await seed.pageOf(rep);
  await expect(page.getByTestId('queue-open').locator('.kpi-value')).toHaveText('3');

  await page.goto('/queue');
  expect(await count(page, 'queue-count-total')).toBe(3);
  const ref = await openFirstDispute(page, 'bill=1&status=open');

  await recordUndue(page, 'Line activated that was never ordered');
  await credit(page, '5.00', 'First bill: unrequested line');
  await expect(page.getByRole('region', { name: 'Credits' })).toContainText('5.00');
  await page.getByTestId('transition-resolved').click();
  await expect(page.getByTestId('case-status')).toHaveText(/resolved/i);
  await expect(page.getByTestId('timeline')).toContainText(/resolved/i);

  await page.goto('/queue');
  await expect.poll(() => count(page, 'queue-count-total')).toBe(2);
  await expect(page.getByRole('region', { name: 'Disputes' }).getByRole('link', { name: ref })).toHaveCount(0);

  await page.goto('/');
  await expect(page.getByTestId('queue-open').locator('.kpi-value')).toHaveText('2');
  expect(await kpisToday(manager, region)).toMatchObject({ disputes: { resolved: 1, creditedCents: 500 } });
});

test('a credit above the rep limit waits for the manager, who approves it', async ({ seed }) => {
  const { region, rep, accounts } = await repWorld(seed);
  await seed.disputes([
    { accountNumber: accounts[0] ?? '', status: 'investigating', disputedAmount: '150.00', assignedTo: rep.email },
  ]);
  const manager = await seed.user('manager', { regionCode: region.code });

  const page = await seed.pageOf(rep);
  const ref = await openFirstDispute(page, 'status=investigating&min=100');
  await recordUndue(page, 'Promotion not applied');
  await credit(page, '80.00', 'Three months of promotion not applied');
  await expect(page.getByRole('status').filter({ hasText: /approval/i })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Credit requests' })).toContainText(/awaiting approval/i);

  // The region's own manager approves it.
  const approver = await seed.pageOf(manager);
  await approver.goto('/approvals');
  const row = approver.getByRole('table', { name: 'Pending credit requests' }).getByRole('row').filter({ hasText: ref });
  await expect(row).toHaveCount(1);
  await row.getByRole('button', { name: 'Approve' }).click();
  await expect(row).toHaveCount(0);

  await approver.goto(`/disputes/${ref}`);
  await expect(approver.getByRole('table', { name: 'Compensations issued' })).toContainText('80.00');
  await expect(approver.getByTestId('timeline')).toContainText(/approv/i);
});

test("a rep cannot open another rep's dispute by its URL", async ({ seed }) => {
  const { rep, accounts } = await repWorld(seed);
  const other = await seed.user('rep', { regionCode: rep.regionCode, team: 'billing' });
  const [otherRef] = await seed.disputes([
    { accountNumber: accounts[0] ?? '', status: 'open', disputedAmount: '30.00', assignedTo: other.email },
  ]);

  const page = await seed.pageOf(rep);
  const response = await page.goto(`/disputes/${otherRef}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByText(otherRef ?? 'no ref')).toHaveCount(0);
});
