import { randomInt } from 'node:crypto';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { admin, colleague, pickOption, screenshot } from './support.ts';

// Runs after the first-start journey (see the config), in the workspace it created.
// An admin opens a colleague's company to an employee whose role does not reach it, then closes it again.

const tag = Array.from({ length: 4 }, () => 'bcdfghjklmnpqrstvwxz'[randomInt(20)]).join('');
const employee = { name: `Elena Conti ${tag}`, email: `elena.${tag}@rossi-bakery.example`, password: 'fresh-cornetti-at-six' };
const company = `Pasticceria Dolce ${tag}`;

async function signIn(page: Page, person: { email: string; name: string; password: string }) {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Two people sign in on a busy machine: the first page may take a while.
  await expect(page.getByRole('heading', { name: `Welcome, ${person.name}` })).toBeVisible({ timeout: 45_000 });
}

async function newPage(browser: Browser): Promise<Page> {
  const { baseURL, locale, timezoneId, viewport, reducedMotion } = test.info().project.use;
  return (await browser.newContext({ baseURL, locale, timezoneId, viewport, reducedMotion })).newPage();
}

test('sharing: an employee sees a colleague’s company while it is shared with them, and not after', async ({ page, browser }) => {
  let companyId = '';

  await test.step('the admin adds an employee without a unit and a company Marco owns', async () => {
    await signIn(page, admin);
    const session = await (await page.request.get('/api/v1/auth/session')).json();
    const headers = { 'X-CSRF-Token': session.csrfToken as string };
    const users = await (await page.request.get('/api/v1/users', { params: { q: colleague.email } })).json();
    const marco = users.data[0].id as string;
    const created = await page.request.post('/api/v1/users', {
      headers,
      data: { ...employee, role: 'employee', locale: 'en', timeZone: 'Europe/Rome' },
    });
    expect(created.status()).toBe(201);
    const made = await page.request.post('/api/v1/companies', { headers, data: { name: company, ownerId: marco } });
    expect(made.status()).toBe(201);
    companyId = (await made.json()).id;
  });

  const dialog = page.getByRole('dialog', { name: `Share “${company}”` });
  await test.step('the admin shares the company with the employee, who may view it', async () => {
    await page.goto(`/companies/${companyId}`);
    await expect(page.getByRole('heading', { name: company, level: 2 })).toBeVisible({ timeout: 45_000 });
    await page.getByRole('button', { name: 'Share' }).click();
    await expect(dialog.getByText('Not shared with anyone yet.')).toBeVisible();
    await dialog.getByRole('combobox', { name: 'Person' }).fill(employee.name);
    await pickOption(page, employee.name);
    await expect(dialog.getByRole('combobox', { name: 'Access' })).toBeAttached();
    await dialog.getByRole('button', { name: 'Share', exact: true }).click();
    const row = dialog.getByRole('row').filter({ hasText: employee.name });
    await expect(row).toContainText('Can view');
    await expect(row).toContainText(admin.name);
    await expect(page.getByText(`Shared with ${employee.name}`)).toBeVisible();
    await page.screenshot({ path: screenshot('share-dialog.png') });
  });

  const other = await newPage(browser);
  await test.step('the employee finds the company in the list and opens it, without the right to share it', async () => {
    await signIn(other, employee);
    await other.getByRole('navigation').getByRole('link', { name: 'Companies' }).click();
    await other.getByRole('row').filter({ hasText: company }).getByRole('link', { name: company, exact: true }).click();
    await expect(other.getByRole('heading', { name: company, level: 2 })).toBeVisible({ timeout: 45_000 });
    await expect(other.getByRole('button', { name: 'Share' })).toHaveCount(0);
  });

  await test.step('the admin stops sharing it, and the employee can no longer find it', async () => {
    await dialog.getByRole('button', { name: `Stop sharing with ${employee.name}` }).click();
    await page.getByRole('button', { name: 'Stop sharing', exact: true }).click();
    await expect(dialog.getByText('Not shared with anyone yet.')).toBeVisible();
    await other.reload();
    await expect(other.getByText('We could not find what you were looking for.')).toBeVisible();
    await expect(other.getByRole('heading', { name: company, level: 2 })).toHaveCount(0);
    await other.screenshot({ path: screenshot('share-removed.png') });
  });
  await other.context().close();
});
