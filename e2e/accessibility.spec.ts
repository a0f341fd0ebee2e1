import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { NAV_PAGES, OTHER_PAGES, ROUTES_FOUND_AT_RUN_TIME, routeFiles, settle, type AppPage } from './fixtures/app-pages';
import { expect, test } from './fixtures/auth';
import { SIGNED_OUT } from './fixtures/seed';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe on the page as it is; fails listing each serious or critical violation, its help and where. */
async function expectNoSeriousViolations(page: Page): Promise<void> {
  // Only violations are reported in detail: the passes of a long table would cost seconds to serialise.
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).options({ resultTypes: ['violations'] }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map(
    (v) =>
      `${v.id} (${v.impact ?? 'unknown'}): ${v.help} — ${v.helpUrl}\n` +
      v.nodes
        .slice(0, 6)
        .map((n) => `    at ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`)
        .join('\n'),
  );
  expect(report, `axe on ${page.url()}`).toEqual([]);
}

// axe walks every element of a page (a long table, a heat map): on a busy machine that takes a while.
test.describe.configure({ timeout: 180_000 });

test('every page.tsx of the app is in the list this spec walks', () => {
  const listed = new Set([...NAV_PAGES, ...OTHER_PAGES].map((p) => p.route).concat(ROUTES_FOUND_AT_RUN_TIME));
  expect(routeFiles().filter((file) => !listed.has(file))).toEqual([]);
});

function pageTest(entry: AppPage): void {
  test.describe(`${entry.name} (${entry.account ?? 'signed out'})`, () => {
    test.use({ account: entry.account });
    test(`${entry.path} has no serious or critical axe violation`, async ({ page }) => {
      await page.goto(entry.path);
      await settle(page);
      await expectNoSeriousViolations(page);
    });
  });
}

for (const entry of [...NAV_PAGES, ...OTHER_PAGES]) pageTest(entry);

test.describe('pages found at run time', () => {
  test.use({ account: 'admin' });

  test("an import run's report has no serious or critical axe violation", async ({ page, seed }) => {
    await seed.region();
    await page.goto('/admin/imports');
    const report = page.getByRole('link', { name: 'Report' }).first();
    await expect(report).toBeVisible();
    await report.click();
    await expect(page).toHaveURL(/\/admin\/imports\/\d+$/);
    await settle(page);
    await expectNoSeriousViolations(page);
  });

  test('the set-password form of a live link has no serious or critical axe violation', async ({ page, browser, baseURL }) => {
    const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const created = await page.request.post('/api/trpc/admin.createUser', {
      headers: { Origin: new URL(baseURL ?? '').origin },
      data: { json: { email: `a11y.${id}@example.test`, name: `A11y ${id}`, role: 'analyst', regionCode: null, team: null } },
    });
    expect(created.status(), await created.text()).toBe(200);
    const { link } = ((await created.json()) as { result: { data: { json: { link: string } } } }).result.data.json;
    const context = await browser.newContext({ storageState: SIGNED_OUT });
    try {
      const invitee = await context.newPage();
      await invitee.goto(link);
      await expect(invitee.getByLabel('New password', { exact: true })).toBeVisible();
      await settle(invitee);
      await expectNoSeriousViolations(invitee);
    } finally {
      await context.close();
    }
  });
});

/** Presses Tab from the top of the page until `target` has the focus; fails if it never does. */
async function tabTo(page: Page, target: Locator, limit = 200): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`${limit} presses of Tab never reached ${target.toString()}`);
}

/** A number as the table shows it ("1,234", "35.2%"), back to a number. */
function numberIn(text: string): number {
  return Number(text.replace(/[^\d.-]/g, ''));
}

interface SeriesMonth {
  month: string;
  retention: { saved: number; lost: number; saveRate: number | null };
}

test.describe('chart data by keyboard', () => {
  test.use({ account: 'manager' });

  test("the save-rate chart's table, opened from the keyboard, holds the monthly series the API gives", async ({ page }) => {
    const input = { from: '2026-01-01', to: '2026-03-31', region: null, rep: null };
    await page.goto(`/retention?preset=custom&from=${input.from}&to=${input.to}`);
    await settle(page);
    const frame = page.getByRole('figure', { name: /Save rate, last 12 months/ });
    await tabTo(page, frame.getByRole('button', { name: /as table/i }));
    await page.keyboard.press('Enter');
    const table = frame.getByRole('table');
    await expect(table).toBeVisible();
    // The focus stays on the toggle, which now leads back to the chart.
    await expect(frame.getByRole('button', { name: /as chart/i })).toBeFocused();

    const response = await page.request.get(`/api/trpc/dashboard.series?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
    expect(response.status()).toBe(200);
    const series = ((await response.json()) as { result: { data: { json: SeriesMonth[] } } }).result.data.json;
    expect(series.length).toBe(12);

    const rows = table.locator('tbody tr');
    await expect(rows).toHaveCount(series.length);
    for (const [index, month] of series.entries()) {
      const cells = (await rows.nth(index).locator('th, td').allInnerTexts()).map((t) => t.trim());
      expect(cells[0]).toBe(month.month);
      expect(numberIn(cells[1] ?? '')).toBe(month.retention.saved);
      expect(numberIn(cells[2] ?? '')).toBe(month.retention.lost);
      if (month.retention.saveRate === null) expect(cells[3]).toBe('—');
      else expect(numberIn(cells[3] ?? '') / 100).toBeCloseTo(month.retention.saveRate, 3);
    }
    // A row's first cell names it for a screen reader walking the columns.
    await expect(rows.first().locator('th[scope="row"]')).toHaveCount(1);
  });
});
