import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { expect, test } from './fixtures/auth';
import { uniqueId } from './fixtures/seed';

/** The import columns of disputes (docs/data-contract.md): an export must re-import unchanged. */
const DISPUTE_COLUMNS = [
  'dispute_ref',
  'account_number',
  'opened_at',
  'cause',
  'disputed_amount',
  'status',
  'assigned_to',
  'bill_number',
  'undue_charge',
  'recalculation_ref',
  'expected_resolution_on',
  'customer_notified_at',
  'resolved_at',
  'credited_amount',
];

test.describe('exports', () => {
  test('an analyst filters disputes, sees the count and downloads exactly those rows', async ({ pageAs }) => {
    const page = await pageAs('analyst');
    await page.goto('/exports');
    await expect(page.getByRole('heading', { level: 1, name: 'Exports' })).toBeVisible();

    await page.getByLabel('Dataset', { exact: true }).selectOption('disputes');
    await expect(page).toHaveURL(/dataset=disputes/);
    const filters = page.getByRole('form', { name: 'Filters' });
    await filters.getByLabel('Period', { exact: true }).selectOption('last_90_days');
    await expect(page).toHaveURL(/preset=last_90_days/);
    await filters.getByLabel('Region', { exact: true }).selectOption('MAD');
    await expect(page).toHaveURL(/region=MAD/);
    await expect(page).toHaveURL(/dataset=disputes/);
    await expect(page.getByText("Region MAD: the customer's region.")).toBeVisible();
    await expect(filters).toHaveAttribute('aria-busy', 'false');

    const from = await filters.getByLabel('From', { exact: true }).inputValue();
    const to = await filters.getByLabel('To', { exact: true }).inputValue();
    await expect(
      page.getByText(`Period ${from} – ${to} (Europe/Madrid): disputes opened in the period.`),
    ).toBeVisible();
    const kpis = (await (await page.request.get(`/api/v1/kpis?from=${from}&to=${to}&region=MAD`)).json()) as {
      disputes: { opened: number };
    };
    const count = page.getByTestId('export-count');
    await expect(count).toHaveAttribute('data-value', String(kpis.disputes.opened));
    expect(kpis.disputes.opened).toBeGreaterThan(0);

    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download CSV' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`disputes_${from}_${to}_region-MAD.csv`);
    const text = fs.readFileSync(await download.path(), 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines.pop()).toBe('');
    expect(lines[0]?.split(',')).toEqual(DISPUTE_COLUMNS);
    expect(lines.length - 1).toBe(kpis.disputes.opened);
    const records = parse<Record<string, string>>(text, { bom: true, columns: true });
    expect(records).toHaveLength(kpis.disputes.opened);
    // Instants carry the report time zone's offset, so their date is the reporting date.
    const days = records.map((r) => (r.opened_at ?? '').slice(0, 10));
    expect(days.every((day) => day >= from && day <= to)).toBe(true);

    // Analysts' customer exports leave the names out, and the page says so.
    await page.getByLabel('Dataset', { exact: true }).selectOption('customers');
    await expect(page.getByRole('note').filter({ hasText: 'left out' })).toContainText('name');
  });

  test('an analyst creates an API token, uses it, and it stops working once revoked', async ({ pageAs }) => {
    const page = await pageAs('analyst');
    await page.goto('/exports');
    // The analyst's token list is shared with every spec that signs in as the analyst.
    const tokenName = `e2e script ${uniqueId()}`;
    await page.getByLabel('Token name').fill(tokenName);
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = page.getByRole('alert', { name: 'New API token' });
    await expect(secret).toContainText('shown only this once');
    const token = (await page.getByTestId('new-token').textContent()) ?? '';
    expect(token).toMatch(/^hf_/);

    const row = page.getByRole('table', { name: 'Your API tokens' }).getByRole('row').filter({ hasText: tokenName });
    await expect(row).toContainText(token.slice(0, 10));
    await expect(row).toContainText('active');

    const query = '/api/v1/kpis?from=2026-01-01&to=2026-03-31';
    const headers = { Authorization: `Bearer ${token}` };
    const ok = await page.request.get(query, { headers });
    expect(ok.status()).toBe(200);
    expect(((await ok.json()) as { period: { from: string } }).period.from).toBe('2026-01-01');
    const exported = await page.request.get('/api/v1/export/outages.csv?from=2026-01-01&to=2026-03-31', { headers });
    expect(exported.status()).toBe(200);
    expect(exported.headers()['content-disposition']).toContain('outages_2026-01-01_2026-03-31.csv');

    await page.getByRole('button', { name: 'I have stored it' }).click();
    await expect(page.getByTestId('new-token')).toHaveCount(0);
    await row.getByRole('button', { name: 'Revoke' }).click();
    await row.getByRole('button', { name: `Revoke “${tokenName}” now` }).click();
    await expect(row).toContainText('revoked');

    const refused = await page.request.get(query, { headers });
    expect(refused.status()).toBe(401);
    expect(await refused.json()).toMatchObject({ error: { code: 'unauthorized' } });
  });

  test('a rep cannot open exports or download one', async ({ pageAs }) => {
    const page = await pageAs('rep');
    const response = await page.goto('/exports');
    expect(response?.status()).toBe(403);
    const api = await page.request.get('/api/v1/export/disputes.csv?from=2026-01-01&to=2026-03-31');
    expect(api.status()).toBe(403);
  });
});
