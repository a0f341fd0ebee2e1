import type { APIResponse, ConsoleMessage, Page } from '@playwright/test';
import { expect, test } from './fixtures/auth';

/** The policy's nonce, or null. */
function nonceOf(response: APIResponse): string | null {
  return /'nonce-([^']+)'/.exec(response.headers()['content-security-policy'] ?? '')?.[1] ?? null;
}

function expectSecurityHeaders(response: APIResponse): void {
  const headers = response.headers();
  const policy = headers['content-security-policy'] ?? '';
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"]) {
    expect(policy).toContain(directive);
  }
  expect(policy).not.toContain('unsafe-eval');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  // The e2e server's public URL is http: HSTS is only ever sent over https.
  expect(headers['strict-transport-security']).toBeUndefined();
}

/** Collects the page's Content-Security-Policy violations, as reported by the browser. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} in ${e.sourceFile}`);
    });
  });
  page.on('console', (message: ConsoleMessage) => {
    if (/CSP violation|Content Security Policy/.test(message.text()))
      violations.push(`${page.url()}: ${message.text()}`);
  });
  return violations;
}

test.describe('security headers', () => {
  test('a page, a route handler and a static asset carry them', async ({ request }) => {
    const page = await request.get('/login');
    expect(page.status()).toBe(200);
    expectSecurityHeaders(page);

    const handler = await request.get('/api/v1/kpis');
    expect(handler.status()).toBe(401);
    expectSecurityHeaders(handler);

    const script = /<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/.exec(await page.text())?.[1];
    expect(script).toBeTruthy();
    const asset = await request.get(script ?? '');
    expect(asset.status()).toBe(200);
    expectSecurityHeaders(asset);
  });

  test('every response gets a fresh nonce, which the page puts on its scripts', async ({ request }) => {
    const first = await request.get('/login');
    const second = await request.get('/login');
    const nonce = nonceOf(first);
    expect(nonce).toBeTruthy();
    expect(nonceOf(second)).toBeTruthy();
    expect(nonceOf(second)).not.toBe(nonce);
    expect(await first.text()).toContain(`nonce="${nonce}"`);
  });
});

test.describe('as an admin', () => {
  test.use({ account: 'admin' });

  test('an admin goes through the pages without a single CSP violation', async ({ page }) => {
    const violations = await watchViolations(page);
    await page.goto('/');
    await expect(page.getByTestId('current-user')).toBeVisible();

    const today = new Date().toISOString().slice(0, 10);
    const disputes = await page.request.get(`/api/v1/export/disputes.csv?from=2020-01-01&to=${today}`);
    const ref = (await disputes.text())
      .replace(/^\uFEFF/, '')
      .split('\r\n')[1]
      ?.split(',')[0];
    expect(ref).toBeTruthy();

    for (const path of [
      '/',
      '/churn',
      '/queue',
      `/disputes/${encodeURIComponent(ref ?? '')}`,
      '/outages',
      '/exports',
      '/admin/imports',
    ]) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      if (path === '/churn' || path === '/outages') {
        // These charts are drawn by client scripts: they only appear if the scripts ran (the
        // overview's sparklines are plain SVG from the server, so they prove nothing here).
        await expect(page.locator('svg.recharts-surface').first()).toBeVisible();
      }
    }
    // A client-side navigation loads further chunks through the nonce'd ones ('strict-dynamic').
    await page.goto('/');
    await page.getByRole('navigation').getByRole('link', { name: 'Churn', exact: true }).click();
    await expect(page).toHaveURL(/\/churn/);
    await page.waitForLoadState('networkidle');

    expect(violations).toEqual([]);
  });
});
