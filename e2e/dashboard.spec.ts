import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/auth';

async function cardValue(page: Page, id: string): Promise<string> {
  return (await page.getByTestId(`kpi-${id}`).locator('.kpi-value').getAttribute('data-value')) ?? '';
}

test.describe('overview filters', () => {
  test('changing period and region updates the URL and the cards, which match /api/v1/kpis', async ({ pageAs }) => {
    const page = await pageAs('manager');
    await page.goto('/');
    await expect(page.getByTestId('kpi-disputes-opened')).toBeVisible();
    const before = await cardValue(page, 'disputes-opened');

    const filters = page.getByRole('form', { name: 'Filters' });
    await filters.getByLabel('Period', { exact: true }).selectOption('last_90_days');
    await expect(page).toHaveURL(/preset=last_90_days/);
    await expect.poll(() => cardValue(page, 'disputes-opened')).not.toBe(before);

    await filters.getByLabel('Region', { exact: true }).selectOption('CAT');
    await expect(page).toHaveURL(/region=CAT/);
    await expect(filters.getByLabel('Region', { exact: true })).toHaveValue('CAT');

    const from = await filters.getByLabel('From', { exact: true }).inputValue();
    const to = await filters.getByLabel('To', { exact: true }).inputValue();
    const response = await page.request.get(`/api/v1/kpis?from=${from}&to=${to}&region=CAT`);
    expect(response.status()).toBe(200);
    const kpis = (await response.json()) as { disputes: { opened: number; backlogAtEnd: number }; compensation: { totalCents: number } };
    await expect.poll(() => cardValue(page, 'disputes-opened')).toBe(String(kpis.disputes.opened));
    expect(await cardValue(page, 'dispute-backlog')).toBe(String(kpis.disputes.backlogAtEnd));
    expect(await cardValue(page, 'compensation-total')).toBe(String(kpis.compensation.totalCents));

    // The back button restores the previous filters.
    await page.goBack();
    await expect(page).not.toHaveURL(/region=CAT/);
    await expect(filters.getByLabel('Region', { exact: true })).toHaveValue('');
  });

  test('a custom range from the URL is shared as is', async ({ pageAs }) => {
    const page = await pageAs('analyst');
    await page.goto('/?preset=custom&from=2026-01-01&to=2026-03-31');
    const filters = page.getByRole('form', { name: 'Filters' });
    await expect(filters.getByLabel('From', { exact: true })).toHaveValue('2026-01-01');
    await expect(filters.getByLabel('To', { exact: true })).toHaveValue('2026-03-31');
    const kpis = (await (await page.request.get('/api/v1/kpis?from=2026-01-01&to=2026-03-31')).json()) as {
      retention: { savedMrrCents: number };
    };
    expect(await cardValue(page, 'saved-mrr')).toBe(String(kpis.retention.savedMrrCents));
  });

  test('a bad custom range gets a clear message', async ({ pageAs }) => {
    const page = await pageAs('analyst');
    await page.goto('/?preset=custom&from=2026-03-31&to=2026-01-01');
    await expect(page.getByRole('alert').filter({ hasText: 'must be on or before' })).toContainText(
      '"from" must be on or before "to"',
    );
  });
});

test.describe('regional scope', () => {
  test('a regional manager is pinned to their region and cannot open another by editing the URL', async ({ pageAs }) => {
    const page = await pageAs('regionalManager');
    await page.goto('/');
    const filters = page.getByRole('form', { name: 'Filters' });
    await expect(filters.getByLabel('Region', { exact: true })).toHaveValue('MAD');
    await expect(filters.getByLabel('Region', { exact: true })).toBeDisabled();

    const response = await page.goto('/?region=CAT');
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();

    const api = await page.request.get('/api/v1/kpis?from=2026-01-01&to=2026-03-31&region=CAT');
    expect(api.status()).toBe(403);
  });
});

test.describe('drill-down', () => {
  test('clicking a bar opens the list of exactly the cases behind it', async ({ pageAs }) => {
    const page = await pageAs('manager');
    await page.goto('/churn?preset=custom&from=2026-01-01&to=2026-06-30');
    const chart = page.getByRole('figure', { name: /Churned by category/ });
    await expect(chart.locator('.recharts-bar-rectangle').first()).toBeVisible();
    const kpis = (await (await page.request.get('/api/v1/kpis?from=2026-01-01&to=2026-06-30')).json()) as {
      churn: { byCategory: { category: string; count: number }[] };
    };
    const top = kpis.churn.byCategory[0];
    expect(top).toBeDefined();

    // The first bar is the largest category (the engine sorts by count).
    await chart.locator('.recharts-bar-rectangle').first().click();
    await expect(page).toHaveURL(new RegExp(`/cases/churned-customers\\?.*category=${top?.category}`));
    await expect(page.getByTestId('cases-total')).toHaveAttribute('data-value', String(top?.count));
    await expect(page.getByTestId('cases-heading')).toContainText('2026-01-01');

    // Sorting and paging stay in the URL.
    await page.getByRole('columnheader', { name: /Monthly fee/ }).getByRole('button').click();
    await expect(page).toHaveURL(/sort=/);
  });

  test('a KPI card opens the list of its cases with the same filters', async ({ pageAs }) => {
    const page = await pageAs('manager');
    await page.goto('/?preset=last_90_days&region=VAL');
    const card = page.getByTestId('kpi-dispute-backlog');
    const backlog = await cardValue(page, 'dispute-backlog');
    await card.click();
    await expect(page).toHaveURL(/\/cases\/disputes\?/);
    await expect(page).toHaveURL(/region=VAL/);
    await expect(page).toHaveURL(/basis=backlog/);
    await expect(page.getByTestId('cases-total')).toHaveAttribute('data-value', backlog);
  });
});

test.describe('every dashboard page renders, with a screenshot', () => {
  for (const path of ['/', '/churn', '/retention', '/disputes', '/outages', '/compensation', '/cases/disputes?basis=backlog']) {
    test(`page ${path}`, async ({ pageAs }, testInfo) => {
      const page = await pageAs('manager');
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByText('Something went wrong')).toHaveCount(0);
      // Charts load lazily; give them a moment before the picture.
      await page.waitForTimeout(1500);
      const name = path === '/' ? 'overview' : path.slice(1).replace(/[/?=&]/g, '-');
      const file = testInfo.outputPath(`${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      await testInfo.attach(name, { path: file, contentType: 'image/png' });
    });
  }
});
