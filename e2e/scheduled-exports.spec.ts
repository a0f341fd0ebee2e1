import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/auth';
import type { Seeder, SeededRegion, SeededUser } from './fixtures/seed';

/** A region of the test's own with a billing rep, its manager and one customer. */
async function regionWorld(seed: Seeder): Promise<{ region: SeededRegion; rep: SeededUser; manager: SeededUser; account: string }> {
  const region = await seed.region();
  const rep = await seed.user('rep', { regionCode: region.code, team: 'billing' });
  const manager = await seed.user('manager', { regionCode: region.code });
  const [account = ''] = await seed.customers(region, [{}]);
  return { region, rep, manager, account };
}

async function creditAboveLimit(page: Page, ref: string) {
  await page.goto(`/disputes/${ref}`);
  const finding = page.getByRole('region', { name: 'Finding' });
  await finding.getByLabel('Yes, undue').check();
  await finding.getByLabel('What was undue').fill('Promotion not applied');
  await finding.getByRole('button', { name: 'Record finding' }).click();
  await expect(page.getByTestId('timeline')).toContainText(/undue/i);
  const form = page.getByRole('region', { name: 'Credit' });
  await form.getByLabel(/Amount/).fill('80.00');
  await form.getByLabel('Reason').fill('Three months of promotion not applied');
  await form.getByRole('button', { name: 'Credit' }).click();
  await expect(page.getByRole('status').filter({ hasText: /approval/i })).toBeVisible();
}

test('the bell counts a credit waiting for approval as it happens, and /account saves the choices', async ({ seed }) => {
  // Seeding three users through their set-password pages takes a while on a busy machine.
  test.setTimeout(240_000);
  const { rep, manager, account } = await regionWorld(seed);
  const [ref = ''] = await seed.disputes([
    { accountNumber: account, status: 'investigating', disputedAmount: '150.00', assignedTo: rep.email },
  ]);
  const managerPage = await seed.pageOf(manager);
  await managerPage.goto('/');
  const count = managerPage.getByTestId('unread-count');
  await expect(count).toHaveText('0');

  await creditAboveLimit(await seed.pageOf(rep), ref);
  // No reload: the server pushes the new count to the open page.
  await expect(count).toHaveText('1', { timeout: 30_000 });
  await managerPage.getByTestId('notification-bell').click();
  await expect(managerPage.getByRole('region', { name: 'Notifications' })).toContainText(/waits for approval/);

  await managerPage.goto('/account#notifications');
  const byEmail = managerPage.getByLabel('Outage declared by email');
  await expect(byEmail).toBeChecked();
  await byEmail.uncheck();
  await managerPage.getByRole('button', { name: 'Save notification choices' }).click();
  await expect(managerPage.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await managerPage.reload();
  await expect(managerPage.getByLabel('Outage declared by email')).not.toBeChecked();
  await expect(managerPage.getByLabel('Outage declared in the app')).toBeChecked();
});

test('a regional manager schedules an export; without SMTP its run fails visibly, and an admin retries the job', async ({
  seed,
  pageAs,
}) => {
  test.setTimeout(300_000);
  const { region, rep, manager } = await regionWorld(seed);
  const page = await seed.pageOf(manager);
  await page.goto('/exports/schedules');
  await expect(page.getByRole('heading', { name: 'Scheduled exports' })).toBeVisible();
  await page.getByRole('button', { name: 'New schedule' }).click();
  const form = page.getByRole('form', { name: 'New schedule' });
  const name = `Weekly disputes ${region.code}`;
  await form.getByLabel('Name').fill(name);
  // A regional manager's region is fixed; recipients are the users of that region only.
  await expect(form.getByLabel('Region')).toBeDisabled();
  await expect(form.getByLabel('Region')).toHaveValue(region.code);
  const recipients = form.getByRole('group', { name: 'Recipients' });
  await expect(recipients.getByRole('checkbox')).toHaveCount(2);
  await recipients.getByLabel(manager.name).check();
  await recipients.getByLabel(rep.name).check();
  await form.getByLabel('Cadence').selectOption('monthly');
  await form.getByLabel('Day of the month').selectOption('3');
  await form.getByRole('button', { name: 'Create schedule' }).click();

  const table = page.getByRole('table', { name: 'Your export schedules' });
  const row = table.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText(`Billing disputes, the 7 days before the run, region ${region.code}, CSV`);
  await expect(row).toContainText('Monthly on day 3 at 07:00');

  // The demo server has no SMTP: the run makes the file, then fails at once, and says why.
  await row.getByRole('button', { name: 'Run now' }).click();
  const history = page.getByRole('table', { name: `Runs of ${name}` });
  await expect(history).toContainText('Failed', { timeout: 30_000 });
  await expect(history).toContainText('Email is not set up (SMTP_URL is unset), so no download link was sent.');

  const admin = await pageAs('admin');
  await admin.goto('/admin/jobs');
  const queues = admin.getByTestId('job-queues');
  await expect(queues.getByRole('rowheader', { name: 'scheduled-export', exact: true })).toBeVisible();
  await expect(queues.getByRole('rowheader', { name: 'export-schedule-sweep', exact: true })).toBeVisible();
  const failure = admin
    .getByTestId('job-failures')
    .getByRole('row')
    .filter({ hasText: 'scheduled-export' })
    .filter({ hasText: 'SMTP_URL is unset' })
    .first();
  await failure.getByRole('button', { name: 'Retry' }).click();

  // The retried job ran again (a second attempt of the same run), and failed again for the same reason.
  await expect(async () => {
    await page.reload();
    await page.getByRole('table', { name: 'Your export schedules' }).getByRole('row').filter({ hasText: name }).getByRole('button', { name: 'History' }).click();
    await expect(page.getByRole('table', { name: `Runs of ${name}` })).toContainText('Failed (attempt 2)', { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });

  // Pausing holds the schedule; deleting removes it with its history.
  await row.getByRole('button', { name: 'Pause' }).click();
  await expect(row).toContainText('Paused');
  page.once('dialog', (dialog) => void dialog.accept());
  await row.getByRole('button', { name: 'Delete' }).click();
  await expect(table.getByRole('row').filter({ hasText: name })).toHaveCount(0);
});

test('a rep may not schedule exports', async ({ seed }) => {
  test.setTimeout(180_000);
  const { rep } = await regionWorld(seed);
  const page = await seed.pageOf(rep);
  const response = await page.goto('/exports/schedules');
  expect(response?.status()).toBe(403);
});
