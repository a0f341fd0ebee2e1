import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures/auth';

/** A wall-clock time `minutes` ago in the report time zone, as a datetime-local input takes it. */
function madridWallTime(minutesAgo: number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Madrid',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(new Date(Date.now() - minutesAgo * 60_000))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

const value = async (locator: Locator) => Number(await locator.getAttribute('data-value'));

test.describe('outage response', () => {
  test.describe('as a national manager', () => {
    test.use({ account: 'manager' });

    test('a manager declares an outage, announces it, sends the SMS, resolves it and compensates everyone', async ({
      page,
      seed,
    }, testInfo) => {
      // A region of the test's own: its customers and its compensation figures are this test's alone.
      const region = await seed.region();
      const [atFirst, atSecond, elsewhere] = region.postcodes;
      await seed.customers(region, [
        { postcode: atFirst, monthlyFee: '480.00' },
        { postcode: atFirst, monthlyFee: '360.00' },
        { postcode: atFirst, monthlyFee: '0.00' },
        { postcode: atSecond, monthlyFee: '600.00' },
        { postcode: elsewhere, monthlyFee: '480.00' },
      ]);

      await page.goto(`/compensation?preset=this_month&region=${region.code}`);
      const totalKpi = page.getByTestId('kpi-total').locator('.kpi-value');
      await expect(totalKpi).toBeVisible();
      const totalBefore = await value(totalKpi);

      await page.goto('/outages');
      await page.getByTestId('declare-outage').click();
      await expect(page.getByRole('heading', { name: 'Declare an outage' })).toBeVisible();
      await page.getByLabel('Title').fill(`E2E fibre cut in ${region.name}`);
      await page.getByLabel('Severity').selectOption('critical');
      await page.getByLabel(/^Started at/).fill(madridWallTime(180));
      await page.getByLabel(`${region.name} (${region.code})`).check();
      await page.getByLabel('Postcodes (optional)').fill(`${atFirst}, ${atSecond}`);
      await page.getByRole('button', { name: 'Declare outage' }).click();

      await expect(page).toHaveURL(/\/outages\/OUT-[\w-]+$/);
      const ref = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(`E2E fibre cut in ${region.name}`);
      await expect(page.getByTestId('outage-state')).toHaveText('Open');
      await expect(page.getByTestId('elapsed')).toContainText(/^(2|3) h/);
      const affected = Number((await page.getByTestId('affected-count').innerText()).replace(/\D/g, ''));
      expect(affected).toBe(4);
      await expect(page.getByTestId('checklist-communicate')).toHaveAttribute('data-done', 'false');

      // The announcement and the SMS, one click each.
      await page.getByTestId('record-communicate-now').click();
      await expect(page.getByTestId('checklist-communicate')).toHaveAttribute('data-done', 'true');
      await page.getByTestId('record-sms-now').click();
      await expect(page.getByTestId('checklist-sms')).toHaveAttribute('data-done', 'true');
      await expect(page.getByTestId('milestone-sms')).toContainText('late');

      // A milestone before the start is refused, with the reason.
      await page.getByTestId('record-ivr-edit').click();
      await page.getByTestId('record-ivr-at').fill(madridWallTime(240));
      await page.getByTestId('record-ivr-save').click();
      await expect(page.getByTestId('milestone-ivr').getByRole('alert')).toContainText(
        'cannot be before the outage started',
      );

      // The SMS list: every affected customer, as CSV.
      const csv = await page.request.get(`/api/v1/outages/${encodeURIComponent(ref)}/affected-customers`);
      expect(csv.status()).toBe(200);
      const lines = (await csv.text()).trim().split('\n');
      expect(lines[0]).toBe('account_number,postcode,region_code');
      expect(lines).toHaveLength(affected + 1);
      const affectedLine = new RegExp(`,(${atFirst}|${atSecond}),${region.code}$`);
      expect(lines.slice(1).every((line) => affectedLine.test(line))).toBe(true);

      // Compensation waits for the resolution.
      await expect(page.getByTestId('compensate-all')).toBeDisabled();
      await page.getByTestId('record-resolve-now').click();
      await expect(page.getByTestId('outage-state')).toHaveText('Resolved');
      await expect(page.getByTestId('checklist-resolve')).toHaveAttribute('data-done', 'true');

      const legalMinimum = await value(page.getByTestId('legal-minimum'));
      expect(legalMinimum).toBeGreaterThan(0);
      await expect(page.getByTestId('issued')).toHaveAttribute('data-value', '0');
      await page.getByTestId('compensate-all').click();
      await expect(page.getByTestId('compensate-result')).toContainText('Created');
      await expect(page.getByTestId('still-owed')).toHaveAttribute('data-value', '0');
      const issued = await value(page.getByTestId('issued'));
      // Default policy: exactly the legal minimum (customers paying nothing are owed nothing).
      expect(issued).toBe(legalMinimum);
      await expect(page.getByTestId('compensate-all')).toBeDisabled();

      const file = testInfo.outputPath('outage-page.png');
      await page.screenshot({ path: file, fullPage: true });
      await testInfo.attach('outage-page', { path: file, contentType: 'image/png' });

      // The compensation KPI of the period grew by exactly what was issued.
      await page.goto(`/compensation?preset=this_month&region=${region.code}`);
      await expect(totalKpi).toHaveAttribute('data-value', String(totalBefore + issued));

      // And the outage is in the analytics list, linked to its page.
      await page.goto(`/outages?preset=this_month&region=${region.code}`);
      await page.getByRole('link', { name: ref }).click();
      await expect(page).toHaveURL(new RegExp(`/outages/${ref}$`));
      await expect(page.getByTestId('history-panel')).toContainText('Compensated');
    });
  });

  test.describe('as an analyst', () => {
    test.use({ account: 'analyst' });

    test('an analyst reads an outage but cannot declare or compensate', async ({ page }) => {
      await page.goto('/outages?preset=last_90_days');
      await expect(page.getByTestId('declare-outage')).toHaveCount(0);
      const response = await page.goto('/outages/new');
      expect(response?.status()).toBe(403);
      await page.goto('/outages/OUT-0040');
      await expect(page.getByTestId('compensation-panel')).toBeVisible();
      await expect(page.getByTestId('compensate-all')).toHaveCount(0);
      await expect(page.getByTestId('record-resolve-now')).toHaveCount(0);
    });
  });
});
