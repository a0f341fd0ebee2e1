import { expect, test } from './fixtures/auth';
import { uniqueId } from './fixtures/seed';

const stamp = uniqueId();
const CSV = [
  'account_number,region_code,activated_at,monthly_fee,name',
  `E2E-${stamp}-1,MAD,2024-03-01,39.90,Ana Ruiz`,
  `E2E-${stamp}-2,ZZZ,2024-03-01,29.90,Unknown region`,
  `E2E-${stamp}-3,CAT,2024-03-02,29.90,Carles Puig`,
  `E2E-${stamp}-4,CAT,2024-02-30,19.90,Bad date`,
  `E2E-${stamp}-5,MAD,2024-03-03,49.90,Berta Gil`,
  '',
].join('\n');
// A name of its own: other specs' seeding imports land in the same history meanwhile.
const fileName = `new-customers-${stamp}.csv`;
const file = { name: fileName, mimeType: 'text/csv', buffer: Buffer.from(CSV) };

test.describe('as an admin', () => {
  test.use({ account: 'admin' });

  test('an admin imports customers: all or nothing refuses the file, "import the valid rows" writes the rest', async ({
    page,
  }) => {
    await page.goto('/admin/imports');
    await page.getByLabel('Data').selectOption('customers');
    await expect(page.getByTestId('column-hint')).toContainText(
      'account_number, region_code, activated_at, monthly_fee',
    );

    // All or nothing (the default): both bad rows are listed and nothing is written.
    await page.getByLabel('CSV file').setInputFiles(file);
    await page.getByRole('button', { name: 'Upload and import' }).click();
    const report = page.getByRole('region', { name: 'Import report' });
    await expect(report.getByRole('status')).toContainText('2 invalid rows, so nothing was written');
    await expect(report.getByTestId('rows-read')).toHaveText('5');
    await expect(report.getByTestId('rows-written')).toContainText('0');
    const errors = report.getByRole('table', { name: 'Invalid rows' }).locator('tbody tr');
    await expect(errors).toHaveCount(2);
    await expect(errors.nth(0).locator('td')).toHaveText(['3', 'region_code', 'ZZZ', /unknown region/]);
    await expect(errors.nth(1).locator('td')).toHaveText(['5', 'activated_at', '2024-02-30', /not a calendar date/]);
    await expect(report.getByRole('link', { name: 'Download rejects CSV' })).toHaveCount(0);

    // The same file, valid rows only: exactly the three valid rows are new, so the first run wrote none.
    await page.getByLabel('Import the valid rows').check();
    await page.getByLabel('CSV file').setInputFiles(file);
    await page.getByRole('button', { name: 'Upload and import' }).click();
    await expect(report.getByRole('status')).toContainText('Imported: 3 rows written. 2 invalid rows left out.');
    await expect(report.getByTestId('rows-written')).toHaveText('3 (3 new, 0 updated)');
    await expect(report.getByTestId('rows-rejected')).toHaveText('2');
    const rejectsLink = report.getByRole('link', { name: 'Download rejects CSV' });
    const rejects = await page.request.get((await rejectsLink.getAttribute('href')) ?? '');
    expect(rejects.status()).toBe(200);
    expect((await rejects.text()).trim().split('\n')).toEqual([
      'account_number,region_code,activated_at,monthly_fee,name,reason',
      `E2E-${stamp}-2,ZZZ,2024-03-01,29.90,Unknown region,region_code: unknown region (import regions first)`,
      expect.stringMatching(
        new RegExp(`^E2E-${stamp}-4,CAT,2024-02-30,19.90,Bad date,"?activated_at: not a calendar date`),
      ),
    ]);

    // The history lists both runs, newest first, and each links to its report.
    const history = page
      .getByRole('table', { name: 'Import history' })
      .locator('tbody tr')
      .filter({ hasText: fileName });
    await expect(history).toHaveCount(2);
    await expect(history.nth(0).locator('td').nth(4)).toHaveText('valid rows');
    await expect(history.nth(0).locator('td').nth(5)).toHaveText('written');
    await expect(history.nth(0).locator('td').nth(7)).toHaveText('3');
    await expect(history.nth(1).locator('td').nth(4)).toHaveText('all or nothing');
    await expect(history.nth(1).locator('td').nth(5)).toHaveText('nothing written');
    await expect(history.nth(1).locator('td').nth(3)).toHaveText(fileName);
    await expect(history.nth(0).getByRole('link', { name: 'Rejects CSV' })).toBeVisible();

    await history.nth(1).getByRole('link', { name: 'Report' }).click();
    await expect(page).toHaveURL(/\/admin\/imports\/\d+$/);
    await expect(page.getByRole('status')).toContainText('nothing was written');
    await expect(page.getByRole('table', { name: 'Invalid rows' }).locator('tbody tr')).toHaveCount(2);
  });
});

test.describe('as a national manager', () => {
  test.use({ account: 'manager' });

  test('the imports page is for admins only', async ({ page }) => {
    const response = await page.goto('/admin/imports');
    expect(response?.status()).toBe(403);
  });
});
