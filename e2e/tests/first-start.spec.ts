import { expect, test } from '@playwright/test';
import { admin, chooseInUserMenu, colleague, pickOption, screenshot } from './support.ts';

test('first start: create the workspace, speak three languages, add a colleague who then signs in', async ({ page }) => {
  await test.step('the first visitor is sent to create the workspace', async () => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/setup$/);
    await expect(page.getByRole('heading', { name: 'Create your workspace' })).toBeVisible();
    await page.getByLabel('Company or workspace name').fill(admin.workspace);
    await page.getByLabel('Your name').fill(admin.name);
    await page.getByLabel('Your e-mail').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.screenshot({ path: screenshot('setup.png'), fullPage: true });
    await page.getByRole('button', { name: 'Create workspace' }).click();
  });

  await test.step('the new admin lands in the app', async () => {
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('heading', { name: `Welcome, ${admin.name}` })).toBeVisible();
    await expect(page.getByTestId('workspace-name')).toHaveText(admin.workspace);
    await expect(page.getByText('Administrator').first()).toBeVisible();
  });

  await test.step('the app speaks Russian', async () => {
    await chooseInUserMenu(page, 'Русский');
    await expect(page.getByRole('heading', { name: `Здравствуйте, ${admin.name}` })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    const nav = page.getByRole('navigation');
    await expect(nav.getByRole('link', { name: 'Главная' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Сотрудники и структура' })).toBeVisible();
    await expect(page.getByText('Ваша учётная запись')).toBeVisible();
    await expect(page.getByText('Welcome')).toHaveCount(0);
    await page.screenshot({ path: screenshot('home-ru.png'), fullPage: true });
  });

  await test.step('the app speaks Italian, and remembers it after a reload', async () => {
    await chooseInUserMenu(page, 'Italiano');
    await expect(page.getByRole('heading', { name: `Ciao, ${admin.name}` })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'it');
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Utenti e unità' })).toBeVisible();
    await expect(page.getByText('Il tuo account')).toBeVisible();
    await expect(page.getByText('Ваша учётная запись')).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole('heading', { name: `Ciao, ${admin.name}` })).toBeVisible();
    await page.screenshot({ path: screenshot('home-it.png'), fullPage: true });
  });

  await test.step('back to English', async () => {
    await chooseInUserMenu(page, 'English');
    await expect(page.getByRole('heading', { name: `Welcome, ${admin.name}` })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });

  await test.step('the admin adds a unit, then a colleague in it', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Users & units' }).click();
    await expect(page).toHaveURL(/\/admin\/users$/);
    await expect(page.getByRole('heading', { name: 'Users & units' })).toBeVisible();

    await page.getByRole('button', { name: 'Add unit' }).click();
    const unitDialog = page.getByRole('dialog', { name: 'New unit' });
    await unitDialog.getByLabel('Unit name').fill(colleague.unit);
    await unitDialog.getByRole('button', { name: 'Create' }).click();
    await expect(unitDialog).toBeHidden();
    await expect(page.getByRole('tree').getByText(colleague.unit)).toBeVisible();

    await page.getByRole('button', { name: 'New user' }).click();
    const userDialog = page.getByRole('dialog', { name: 'New user' });
    await userDialog.getByLabel('E-mail').fill(colleague.email);
    await userDialog.getByLabel('Full name').fill(colleague.name);
    await userDialog.getByLabel('Role').click();
    await pickOption(page, 'Manager');
    await userDialog.getByLabel('Unit').click();
    await pickOption(page, colleague.unit);
    await userDialog.getByLabel('Initial password').fill(colleague.password);
    await userDialog.getByRole('button', { name: 'Create' }).click();
    await expect(userDialog).toBeHidden();

    const row = page.getByRole('row').filter({ hasText: colleague.name });
    await expect(row).toBeVisible();
    await expect(row).toContainText(colleague.email);
    await expect(row).toContainText('Manager');
    await expect(row).toContainText(colleague.unit);
    await expect(page.getByRole('tree').getByText('1', { exact: true })).toBeVisible();
    await page.screenshot({ path: screenshot('users.png'), fullPage: true });
  });

  await test.step('the admin logs out', async () => {
    await chooseInUserMenu(page, 'Log out');
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  });

  await test.step('the colleague signs in and sees their name, role and unit', async () => {
    await page.getByLabel('E-mail').fill(colleague.email);
    await page.getByLabel('Password').fill(colleague.password);
    await page.screenshot({ path: screenshot('login.png'), fullPage: true });
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: `Welcome, ${colleague.name}` })).toBeVisible();
    await expect(page.getByText(colleague.unit)).toBeVisible();
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Users & units' })).toHaveCount(0);
  });

  await test.step('the colleague logs out', async () => {
    await chooseInUserMenu(page, 'Log out');
    await expect(page).toHaveURL(/\/login$/);
    await page.goto('/profile');
    await expect(page).toHaveURL(/\/login\?next=%2Fprofile$/);
  });
});
