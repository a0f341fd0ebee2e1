import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/auth';

const stamp = Date.now().toString(36);

async function signInWith(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The admin adds a user and copies the one-time link; the user sets a password with it. */
async function inviteAndSetPassword(page: Page, email: string, name: string, password: string): Promise<void> {
  await page.goto('/admin/users');
  const form = page.getByRole('form', { name: 'Add a user' });
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Role').selectOption('rep');
  await form.getByLabel('Home region').selectOption('MAD');
  await form.getByLabel('Team').selectOption('billing');
  await form.getByRole('button', { name: 'Add user' }).click();

  const shown = page.getByTestId('one-time-link');
  await expect(shown).toHaveText(/\/set-password\?token=[A-Za-z0-9_-]{43}$/);
  const link = (await shown.textContent()) ?? '';
  await expect(page.getByRole('row', { name: email })).toContainText('no password set');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto(link);
  await expect(page.getByText(`(${email})`)).toBeVisible();
  await page.getByLabel('New password', { exact: true }).fill('password1234');
  await page.getByLabel('Repeat the new password').fill('password1234');
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toContainText('too easy to guess');

  await page.getByLabel('New password', { exact: true }).fill(password);
  await page.getByLabel('Repeat the new password').fill(password);
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByRole('status')).toContainText(`The password of ${email} is set.`);

  // The link works once.
  await page.goto(link);
  await expect(page.getByRole('main').getByRole('alert')).toContainText('This link is not valid');
}

test('an admin adds a user; the user sets a password from the one-time link and signs in', async ({ signInAs }) => {
  const page = await signInAs('admin');
  const email = `e2e.invited.${stamp}@example.test`;
  await inviteAndSetPassword(page, email, 'Ines Invited', 'amber-falcon-meadow-17');
  await signInWith(page, email, 'amber-falcon-meadow-17');
  await expect(page.getByTestId('current-user')).toContainText('Ines Invited');
  await expect(page.getByTestId('current-user')).toContainText('rep');
});

test('a user changes their own password at /account and signs in again with it', async ({ signInAs }) => {
  const page = await signInAs('admin');
  const email = `e2e.changer.${stamp}@example.test`;
  await inviteAndSetPassword(page, email, 'Carla Changer', 'copper-lagoon-thistle-64');
  await signInWith(page, email, 'copper-lagoon-thistle-64');
  await page.getByRole('link', { name: 'Your account' }).click();
  await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();

  const form = page.getByRole('form', { name: 'Change your password' });
  await form.getByLabel('Current password').fill('not-my-password-at-all');
  await form.getByLabel('New password', { exact: true }).fill('silver-orchard-beacon-29');
  await form.getByLabel('Repeat the new password').fill('silver-orchard-beacon-29');
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(form.getByRole('alert')).toHaveText('Your current password is not right.');

  await form.getByLabel('Current password').fill('copper-lagoon-thistle-64');
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(page).toHaveURL(/\/login/);

  await signInWith(page, email, 'copper-lagoon-thistle-64');
  await expect(page.getByRole('main').getByRole('alert')).toBeVisible();
  await signInWith(page, email, 'silver-orchard-beacon-29');
  await expect(page.getByTestId('current-user')).toContainText('Carla Changer');
});
