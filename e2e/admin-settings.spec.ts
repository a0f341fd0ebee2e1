import { expect, test } from './fixtures/auth';

// The SLA is one setting for the whole install: the only spec that changes it puts it back, and
// no other spec asserts a figure that depends on it.
test.describe('as an admin', () => {
  test.use({ account: 'admin' });

  test('an admin changes the dispute SLA: it is saved, in the audit log, and can be put back', async ({ page }) => {
    await page.goto('/admin/settings');
    const sla = page.getByRole('textbox', { name: /^Dispute SLA/ });
    const row = page.getByTestId('setting-disputeSlaHours');
    await expect(sla).toHaveValue('72');
    await expect(row).toContainText('Default: 72 hours');

    // A refused value is explained beside its field and nothing is saved.
    await sla.fill('0');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(row).toContainText('At least 1 hour.');
    await expect(page.getByTestId('settings-saved')).toHaveCount(0);

    await sla.fill('48');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByTestId('settings-saved')).toHaveText('Saved: Dispute SLA.');
    await page.reload();
    await expect(sla).toHaveValue('48');
    await expect(row).toContainText('Default: 72 hours');
    await expect(row).toContainText('by admin@holdfast.demo');

    await page.goto('/admin/audit?entity=setting');
    const latest = page.getByTestId('audit-row').first();
    await expect(latest).toContainText('settings.update');
    await expect(latest).toContainText('disputeSlaHours');
    await expect(latest).toContainText('72 → 48');
    await expect(latest).toContainText('admin@holdfast.demo');
    await expect(page.getByRole('link', { name: 'Download CSV' })).toHaveAttribute(
      'href',
      '/api/v1/admin/audit.csv?entity=setting',
    );

    // Back to the default, so the other specs see the demo's 72 hours.
    await page.goto('/admin/settings');
    await row.getByRole('button', { name: 'Reset to default' }).click();
    await expect(page.getByTestId('settings-saved')).toHaveText('Dispute SLA is back to its default.');
    await expect(sla).toHaveValue('72');
    await expect(row.getByRole('button', { name: 'Reset to default' })).toHaveCount(0);
    await page.goto('/admin/audit?entity=setting&action=settings.reset');
    await expect(page.getByTestId('audit-row').first()).toContainText('48 → 72');
  });
});

test.describe('as a national manager', () => {
  test.use({ account: 'manager' });

  test('the settings and audit pages are for admins only', async ({ page }) => {
    expect((await page.goto('/admin/settings'))?.status()).toBe(403);
    expect((await page.goto('/admin/audit'))?.status()).toBe(403);
    expect((await page.request.get('/api/v1/admin/audit.csv')).status()).toBe(403);
  });
});
