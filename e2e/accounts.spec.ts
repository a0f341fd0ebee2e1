import type { Browser, Page } from '@playwright/test';
import { expect, signInWith, test } from './fixtures/auth';
import { SIGNED_OUT, uniqueId } from './fixtures/seed';

test.use({ account: 'admin' });

/**
 * The admin adds a user and copies the one-time link; the user sets a password with it in a
 * browser of their own (the admin stays signed in: that session is shared with other specs).
 * Returns the new user's page.
 */
async function inviteAndSetPassword(
  page: Page,
  browser: Browser,
  email: string,
  name: string,
  password: string,
): Promise<Page> {
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

  // A browser of the invitee's own: no saved session (a new context would inherit the admin's).
  const invitee = await (await browser.newContext({ storageState: SIGNED_OUT })).newPage();
  await invitee.goto(link);
  await expect(invitee.getByText(`(${email})`)).toBeVisible();
  await invitee.getByLabel('New password', { exact: true }).fill('password1234');
  await invitee.getByLabel('Repeat the new password').fill('password1234');
  await invitee.getByRole('button', { name: 'Set password' }).click();
  await expect(invitee.getByRole('main').getByRole('alert')).toContainText('too easy to guess');

  await invitee.getByLabel('New password', { exact: true }).fill(password);
  await invitee.getByLabel('Repeat the new password').fill(password);
  await invitee.getByRole('button', { name: 'Set password' }).click();
  await expect(invitee.getByRole('status')).toContainText(`The password of ${email} is set.`);

  // The link works once.
  await invitee.goto(link);
  await expect(invitee.getByRole('main').getByRole('alert')).toContainText('This link is not valid');
  return invitee;
}

test('an admin adds a user; the user sets a password from the one-time link and signs in', async ({
  page,
  browser,
}) => {
  const email = `e2e.invited.${uniqueId().toLowerCase()}@example.test`;
  const invitee = await inviteAndSetPassword(page, browser, email, 'Ines Invited', 'amber-falcon-meadow-17');
  await signInWith(invitee, email, 'amber-falcon-meadow-17');
  await expect(invitee.getByTestId('current-user')).toContainText('Ines Invited');
  await expect(invitee.getByTestId('current-user')).toContainText('rep');
  await invitee.context().close();
});

test('a user changes their own password at /account and signs in again with it', async ({ page: admin, browser }) => {
  const email = `e2e.changer.${uniqueId().toLowerCase()}@example.test`;
  const page = await inviteAndSetPassword(admin, browser, email, 'Carla Changer', 'copper-lagoon-thistle-64');
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
  await page.context().close();
});
