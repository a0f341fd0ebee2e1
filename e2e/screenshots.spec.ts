import fs from 'node:fs';
import path from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { navItemsFor } from '../lib/navigation';
import type { Role } from '../lib/vocabularies';
import { NAV_PAGES, OTHER_PAGES, settle, type AppPage } from './fixtures/app-pages';
import { expect, test, type AccountName } from './fixtures/auth';

const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1440, height: 900 };
const SCREENSHOTS = path.join('test-results', 'screenshots');
/** The sidebar's English labels, read as data: Node's ESM loader refuses a JSON import without an import attribute. */
const NAV_LABELS = (JSON.parse(fs.readFileSync('messages/en/shell.json', 'utf8')) as { nav: Record<string, string> }).nav;

async function shoot(page: Page, testInfo: TestInfo, name: string, width: number): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}-${width}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(`${name}-${width}`, { path: file, contentType: 'image/png' });
}

/** How far the document is wider than the window, and the widest elements past its right edge. */
async function overflow(page: Page): Promise<{ excess: number; culprits: string[] }> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const width = window.innerWidth;
    const culprits = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 1)
      // Only the outermost: a wide table's cells are not culprits of their own.
      .filter((el) => !(el.parentElement && el.parentElement.getBoundingClientRect().right > width + 1))
      .slice(0, 8)
      .map((el) => {
        const classes = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
        return `${el.tagName.toLowerCase()}${classes} right=${Math.round(el.getBoundingClientRect().right)}`;
      });
    return { excess: root.scrollWidth - width, culprits };
  });
}

/** The sidebar's pages and one page of each kind of item: the pages people open on a phone. */
const MAIN_PAGES: readonly AppPage[] = [
  ...NAV_PAGES,
  ...OTHER_PAGES.filter((p) => ['overview-rep', 'customer', 'dispute', 'outage', 'cases-disputes', 'account', 'login'].includes(p.name)),
];

for (const entry of MAIN_PAGES) {
  test.describe(`${entry.name} at 1440 and 375 px`, () => {
    test.use({ account: entry.account });
    test(`${entry.path}: screenshots, and no sideways scrolling on a phone`, async ({ page }, testInfo) => {
      await page.setViewportSize(DESKTOP);
      await page.goto(entry.path);
      await settle(page);
      await shoot(page, testInfo, entry.name, DESKTOP.width);

      await page.setViewportSize(PHONE);
      await page.goto(entry.path);
      await settle(page);
      const { excess, culprits } = await overflow(page);
      expect(excess, `the page is ${excess}px wider than the phone: ${culprits.join(', ')}`).toBeLessThanOrEqual(0);
      await shoot(page, testInfo, entry.name, PHONE.width);
    });
  });
}

const ROLE_ACCOUNTS: readonly [AccountName, Role][] = [
  ['manager', 'manager'],
  ['admin', 'admin'],
  ['analyst', 'analyst'],
  ['rep', 'rep'],
];

for (const [account, role] of ROLE_ACCOUNTS) {
  test.describe(`the phone menu of the ${role}`, () => {
    test.use({ account, viewport: PHONE });
    test('opens from the keyboard and reaches every link of the sidebar', async ({ page }) => {
      await page.goto('/account');
      await settle(page);
      const menu = page.getByRole('button', { name: 'Menu' });
      const nav = page.getByRole('navigation', { name: 'Main' });
      await expect(menu).toHaveAttribute('aria-expanded', 'false');
      await expect(nav.getByRole('link')).toHaveCount(0);

      await menu.focus();
      await page.keyboard.press('Enter');
      await expect(menu).toHaveAttribute('aria-expanded', 'true');
      const items = navItemsFor(role);
      for (const item of items) {
        await page.keyboard.press('Tab');
        const link = nav.getByRole('link', { name: NAV_LABELS[item.labelKey] ?? item.labelKey, exact: true });
        await expect(link).toBeFocused();
        await expect(link).toBeInViewport();
        await expect(link).toHaveAttribute('href', item.href);
      }
      // Following a link opens its page and folds the menu away.
      const last = items[items.length - 1];
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL((url) => url.pathname === last?.href);
      await expect(menu).toHaveAttribute('aria-expanded', 'false');
    });
  });
}
