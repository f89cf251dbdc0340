import fs from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { admin, colleague, pickOption, screenshot } from './support.ts';

// Runs after the first-start journey (see the config), in the workspace it created; makes its own
// companies (in Turin, which no other journey uses) and its own custom field.
// Stories 2 and 8: quick selection by any parameter, a shared view, a list for a mailing, a file.

const field = { key: 'lv_delivery', label: 'Delivery day' };
const companies = [
  { name: 'Pasticceria Dora', day: 'thu' },
  { name: 'Bar Lingotto', day: 'thu' },
  { name: 'Gelateria Po', day: 'thu' },
  { name: 'Caffè Mole', day: 'mon' },
];
const thursday = companies.filter((company) => company.day === 'thu').map((company) => company.name);
const viewName = 'Thursday deliveries in Turin';
const listName = 'Christmas hampers';

type Field = { key: string; type: string; required: boolean; options: { value: string }[] };

/** A value for each required custom field another journey may have added, so that creating works. */
function requiredValues(fields: Field[]): Record<string, unknown> {
  const sample: Record<string, unknown> = { number: 1, money: 1, date: '2025-01-01', boolean: true, link: 'https://example.com' };
  const values: Record<string, unknown> = {};
  for (const one of fields.filter((item) => item.required)) {
    values[one.key] =
      one.type === 'select' ? one.options[0]?.value : one.type === 'multiselect' ? [one.options[0]?.value] : (sample[one.type] ?? 'x');
  }
  return values;
}

/** The admin's custom field and companies, made through the API with the page's session. */
async function createData(page: Page) {
  const session = await (await page.request.get('/api/v1/auth/session')).json();
  const headers = { 'X-CSRF-Token': session.csrfToken as string };
  const created = await page.request.post('/api/v1/custom-fields', {
    headers,
    data: {
      entity: 'company',
      key: field.key,
      label: field.label,
      type: 'select',
      options: [
        { value: 'mon', label: 'Monday' },
        { value: 'thu', label: 'Thursday' },
      ],
    },
  });
  expect(created.status()).toBe(201);
  const fields = (await (await page.request.get('/api/v1/custom-fields?entity=company')).json()).data as Field[];
  for (const company of companies) {
    const response = await page.request.post('/api/v1/companies', {
      headers,
      data: { name: company.name, city: 'Torino', status: 'new', custom: { ...requiredValues(fields), [field.key]: company.day } },
    });
    expect(response.status()).toBe(201);
  }
}

const row = (page: Page, name: string) => page.getByRole('row').filter({ hasText: name });

test('lists: filter, choose columns, a shared view, bulk changes, a static list and an export', async ({ page }) => {
  await test.step('the admin signs in; a custom field and four companies in Turin exist', async () => {
    await page.goto('/login');
    await page.getByLabel('E-mail').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: `Welcome, ${admin.name}` })).toBeVisible();
    await createData(page);
  });

  await test.step('the list filtered by city and by the custom field shows the Thursday deliveries', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Companies' }).click();
    await page.getByRole('textbox', { name: 'City' }).fill('Torino');
    await page.getByRole('combobox', { name: field.label }).click();
    await pickOption(page, 'Thursday');
    await expect(page.getByTestId('list-total')).toHaveText('Showing 3 of 3');
    await expect(row(page, 'Caffè Mole')).toHaveCount(0);
    await expect(page).toHaveURL(/city=Torino/);
    // By who looks after them: none are Marco's, all three are Anna's.
    const owner = page.locator('.ant-select', { has: page.getByRole('combobox', { name: 'Owner' }) });
    await page.getByRole('combobox', { name: 'Owner' }).click();
    await pickOption(page, colleague.name);
    await expect(owner).toContainText(colleague.name);
    await expect(page).toHaveURL(/ownerId=/);
    await expect(row(page, 'Bar Lingotto')).toHaveCount(0);
    await page.getByRole('combobox', { name: 'Owner' }).click();
    await pickOption(page, admin.name);
    await expect(owner).toContainText(admin.name);
    await expect(page.getByTestId('list-total')).toHaveText('Showing 3 of 3');
  });

  await test.step('the custom field and the tags become columns, relationships go', async () => {
    await page.getByRole('button', { name: 'Columns' }).click();
    const chooser = page.getByTestId('column-chooser');
    await chooser.getByRole('checkbox', { name: new RegExp(field.label) }).check();
    await chooser.getByRole('checkbox', { name: 'Tags' }).check();
    await chooser.getByRole('checkbox', { name: 'Relationships' }).uncheck();
    await chooser.getByRole('button', { name: `Move ${field.label} up` }).click();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('columnheader', { name: field.label })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: 'Relationships' })).toHaveCount(0);
    await expect(row(page, 'Bar Lingotto')).toContainText('Thursday');
  });

  await test.step('the list is saved as a view shared with the team', async () => {
    await page.getByRole('button', { name: 'Save view' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save the view' });
    await dialog.getByLabel('Name').fill(viewName);
    await dialog.getByRole('checkbox', { name: 'Share with the whole team' }).check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(`View “${viewName}” saved.`)).toBeVisible();
    await expect(page).toHaveURL(/view=/);
    await page.screenshot({ path: screenshot('lists-view.png'), fullPage: true });
  });

  await test.step('later, from the plain list, the view brings back its filters and columns', async () => {
    await page.goto('/companies');
    await page.getByRole('button', { name: 'Columns' }).click();
    // Remembered in this browser while no view is shown: back to the defaults for the plain list.
    await page.getByTestId('column-chooser').getByRole('button', { name: 'Back to the default columns' }).click();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('columnheader', { name: field.label })).toHaveCount(0);
    await expect(row(page, 'Caffè Mole')).toBeVisible();

    await page.getByRole('combobox', { name: 'Saved view' }).click();
    await pickOption(page, viewName);
    await expect(page.getByTestId('list-total')).toHaveText('Showing 3 of 3');
    await expect(page.getByRole('columnheader', { name: field.label })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'City' })).toHaveValue('Torino');
    await expect(page.getByText('Changed', { exact: true })).toHaveCount(0);
  });

  await test.step('all three become active customers at once, and two get a tag', async () => {
    await page.getByRole('checkbox', { name: 'Select all rows shown' }).check();
    const bar = page.getByRole('toolbar', { name: 'Actions on the selected records' });
    await expect(bar).toContainText('Selected: 3');
    await bar.getByRole('button', { name: 'Set status' }).click();
    const statusDialog = page.getByRole('dialog', { name: 'Set status' });
    await statusDialog.getByLabel('New status').click();
    await pickOption(page, 'Active');
    await statusDialog.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByText('Done. Records changed: 3.')).toBeVisible();
    await expect(bar).toBeHidden();
    for (const name of thursday) await expect(row(page, name)).toContainText('Active');

    await page.getByRole('checkbox', { name: 'Select Pasticceria Dora' }).check();
    await page.getByRole('checkbox', { name: 'Select Bar Lingotto' }).check();
    await expect(bar).toContainText('Selected: 2');
    await page.screenshot({ path: screenshot('bulk.png'), fullPage: true });
    await bar.getByRole('button', { name: 'Add tag' }).click();
    const tagDialog = page.getByRole('dialog', { name: 'Add tag' });
    await tagDialog.getByRole('combobox', { name: 'Tag' }).fill('christmas');
    await tagDialog.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByText('Done. Records changed: 2.')).toBeVisible();
    await expect(row(page, 'Bar Lingotto')).toContainText('christmas');
    await expect(row(page, 'Gelateria Po')).not.toContainText('christmas');
  });

  await test.step('the filtered companies are saved as a static list', async () => {
    await page.getByRole('button', { name: 'Save as list' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save these companies as a list' });
    await expect(dialog).toContainText('(3, at most 10,000)');
    await dialog.getByLabel('Name').fill(listName);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('heading', { name: listName })).toBeVisible();
    await expect(page.getByTestId('list-summary')).toContainText('members: 3');
  });

  await test.step('the Lists page shows it with its members; one member is taken off', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Lists' }).click();
    await expect(row(page, listName)).toContainText('3');
    await row(page, listName).getByRole('link', { name: listName }).click();
    await expect(page.getByTestId('list-total')).toHaveText('Showing 3 of 3');
    await page.getByRole('checkbox', { name: 'Select Gelateria Po' }).check();
    await page.getByRole('toolbar', { name: 'Actions on the selected records' }).getByRole('button', { name: 'Remove from list' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove from list' });
    await dialog.getByRole('button', { name: 'Remove from list' }).click();
    await expect(page.getByText('Removed from the list: 1.')).toBeVisible();
    await expect(row(page, 'Gelateria Po')).toHaveCount(0);
    await expect(page.getByTestId('list-summary')).toContainText('members: 2');
    await page.screenshot({ path: screenshot('static-list.png'), fullPage: true });
  });

  await test.step("the view's companies download as a CSV file with its columns", async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Companies' }).click();
    await page.getByRole('combobox', { name: 'Saved view' }).click();
    await pickOption(page, viewName);
    await expect(page.getByTestId('list-total')).toHaveText('Showing 3 of 3');
    await page.getByRole('button', { name: 'Export' }).click();
    const downloading = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: /CSV/ }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^companies-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = fs
      .readFileSync(await download.path(), 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    const header = lines[0] ?? '';
    expect(header).toMatch(/^"?Name"?[,;]/);
    expect(header).toContain(field.label);
    expect(header).toContain('Tags');
    expect(header).not.toContain('Relationships');
    expect(lines).toHaveLength(4);
    for (const name of thursday) expect(lines.some((line) => line.includes(name) && line.includes('Thursday'))).toBe(true);
    expect(lines.some((line) => line.includes('Bar Lingotto') && line.includes('christmas'))).toBe(true);
  });
});
