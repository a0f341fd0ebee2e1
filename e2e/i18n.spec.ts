import { expect, test } from './fixtures/auth';
import { signInWith } from './fixtures/accounts';

// A user of the test's own: the language is stored per user, and the shared demo sessions must stay English.
test('a manager switches to Español at /account and reads Spanish titles, navigation, numbers and dates', async ({
  page,
  seed,
}) => {
  const manager = await seed.user('manager');
  await signInWith(page, manager.email, manager.password);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();

  await page.goto('/account');
  await expect(page).toHaveTitle('Your account · Holdfast');
  await page.getByLabel('Language of the interface and your emails').selectOption('es');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tu cuenta');
  await expect(page).toHaveTitle('Tu cuenta · Holdfast');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');

  await page.goto('/');
  await expect(page).toHaveTitle('Resumen · Holdfast');
  const nav = page.getByRole('navigation', { name: 'Principal' });
  await expect(nav.getByRole('link', { name: 'Bajas', exact: true })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Reclamaciones de facturación', exact: true })).toBeVisible();
  // The demo data has thousands of active customers: grouped with a point, Spanish style.
  await expect(page.getByTestId('kpi-active-customers').locator('.kpi-value')).toHaveText(/^\d{1,3}(\.\d{3})+$/);
  // The period reads day first.
  await expect(page.getByRole('form', { name: 'Filtros' })).toContainText(/\d{2}\/\d{2}\/\d{4} – \d{2}\/\d{2}\/\d{4}/);

  // Back to automatic: the browser asks for English.
  await page.goto('/account');
  await page.getByLabel('Idioma de la interfaz y de tus correos').selectOption('auto');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your account');
});
