import { expect, type Page, test } from '@playwright/test';
import { admin, chooseInUserMenu, colleague, pickOption, screenshot } from './support.ts';

// Runs after the first-start journey (see the config), in the workspace it created.

async function signIn(page: Page, person: { email: string; password: string }) {
  await page.getByLabel('E-mail').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Picks a language in the profile form and saves it. */
async function saveLanguage(page: Page, language: string, save: string) {
  const form = page.getByRole('form', { name: /Personal details|Dati personali/ });
  await form.getByRole('combobox', { name: /Language|Lingua/ }).click();
  await pickOption(page, language);
  await form.getByRole('button', { name: save }).click();
}

test("a colleague's day: language kept per user, a personal API token, admin pages only for admins", async ({ page, request }) => {
  const token = { name: 'Nightly export' };
  let secret = '';

  await test.step('the admin signs in and opens the profile', async () => {
    await page.goto('/login');
    await signIn(page, admin);
    await expect(page.getByRole('heading', { name: `Welcome, ${admin.name}` })).toBeVisible();
    await page.getByRole('navigation').getByRole('link', { name: 'Profile' }).click();
    await expect(page).toHaveURL(/\/profile$/);
    await expect(page.getByRole('heading', { name: 'Your profile' })).toBeVisible();
    // The setup page offered the browser's own time zone, and the admin kept it.
    await expect(page.getByRole('form', { name: 'Personal details' })).toContainText('Europe/Rome');
  });

  await test.step('the admin chooses Italian in the profile and saves it', async () => {
    await saveLanguage(page, 'Italiano', 'Save');
    await expect(page.getByText('Il profilo è stato salvato.')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Il tuo profilo' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'it');
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Profilo' })).toBeVisible();
    await expect(page.getByText('Il profilo è stato salvato.')).toBeHidden();
    await page.screenshot({ path: screenshot('profile-it.png') });
  });

  await test.step('signing in again, the admin is greeted in Italian without choosing it', async () => {
    await chooseInUserMenu(page, 'Esci');
    await expect(page.getByRole('heading', { name: 'Accedi' })).toBeVisible();
    // Forget what this browser remembers, as on another computer: the language must come from the account.
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await signIn(page, admin);
    await expect(page.getByRole('heading', { name: `Ciao, ${admin.name}` })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'it');
    await expect(page.getByText('Il tuo account')).toBeVisible();
  });

  await test.step('back to English through the profile', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Profilo' }).click();
    await expect(page.getByRole('heading', { name: 'Il tuo profilo' })).toBeVisible();
    await saveLanguage(page, 'English', 'Salva');
    await expect(page.getByText('Your profile has been saved.')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Your profile' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByText('Your profile has been saved.')).toBeHidden();
  });

  await test.step('the admin creates a personal API token and sees its secret once', async () => {
    await page.getByRole('button', { name: 'New token' }).click();
    const dialog = page.getByRole('dialog', { name: 'New API token' });
    await dialog.getByLabel('Name').fill(token.name);
    await dialog.getByRole('button', { name: 'Create' }).click();
    const created = page.getByRole('dialog', { name: 'Your new API token' });
    await expect(created).toBeVisible();
    await expect(created).toContainText('it will never be shown again');
    secret = (await created.getByTestId('token-secret').textContent())?.trim() ?? '';
    expect(secret.length).toBeGreaterThan(20);
    await page.screenshot({ path: screenshot('api-token.png') });
    await created.getByRole('button', { name: 'I have copied it' }).click();
    await expect(created).toBeHidden();
    await expect(page.getByRole('row').filter({ hasText: token.name })).toBeVisible();
    await expect(page.getByText(secret)).toHaveCount(0);
  });

  await test.step('a script uses the token to ask who it is', async () => {
    const me = await request.get('/api/v1/me', { headers: { Authorization: `Bearer ${secret}` } });
    expect(me.status()).toBe(200);
    expect(await me.json()).toMatchObject({ email: admin.email, name: admin.name });
  });

  await test.step('the admin revokes the token, and the script is turned away', async () => {
    await page.getByRole('row').filter({ hasText: token.name }).getByRole('button', { name: 'Revoke' }).click();
    const confirm = page.getByRole('dialog', { name: `Revoke the token “${token.name}”?` });
    await expect(confirm).toContainText('stop working immediately');
    await confirm.getByRole('button', { name: 'Revoke' }).click();
    await expect(page.getByText('The token has been revoked.')).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: token.name })).toHaveCount(0);
    await expect(page.getByText('You have no API tokens yet.')).toBeVisible();

    const me = await request.get('/api/v1/me', { headers: { Authorization: `Bearer ${secret}` } });
    expect(me.status()).toBe(401);
  });

  await test.step('the admin logs out and the manager signs in', async () => {
    await chooseInUserMenu(page, 'Log out');
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await signIn(page, colleague);
    await expect(page.getByRole('heading', { name: `Welcome, ${colleague.name}` })).toBeVisible();
  });

  await test.step('the manager sees no admin pages, even when typing their address', async () => {
    const nav = page.getByRole('navigation');
    await expect(nav.getByRole('link', { name: 'Profile' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Users & units' })).toHaveCount(0);

    await page.goto('/admin/users');
    await expect(page.getByText('For administrators only')).toBeVisible();
    await expect(page.getByText('Ask an administrator of your workspace if you need access to this page.')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Users & units' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'New user' })).toHaveCount(0);
    await expect(page.getByText(admin.email)).toHaveCount(0);
  });
});
