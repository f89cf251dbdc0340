import { randomInt } from 'node:crypto';
import { expect, type Page, test } from '@playwright/test';
import { admin, pickOption, screenshot } from './support.ts';

// Runs after the first-start journey (see the config), in the workspace it created.
// Story 3: the same bakery was entered twice, written differently; it is found, merged, unmerged and merged for good.

/** Letters that make this run's records unique, so that other journeys (or an earlier run) do not meet them. */
const tag = Array.from({ length: 4 }, () => 'bcdfghjklmnpqrstvwxz'[randomInt(20)]).join('');
const Tag = tag.charAt(0).toUpperCase() + tag.slice(1);
const digits = (count: number) => Array.from({ length: count }, () => randomInt(10)).join('');

// One Rome landline, written with and without the country code: the last ten digits are the same.
const line = `06 ${digits(4)} ${digits(4)}`;
/** The bakery as the shop entered it: the trade name, the number with its country code, and the buyer. */
const shop = {
  name: `Forno Rossi ${Tag}`,
  city: 'Roma',
  phone: `+39 ${line}`,
  legalName: 'Forno Rossi di Mario Rossi',
  tag: 'wholesale',
};
/** The same bakery as the office entered it, from an invoice: its company form, tax number, notes and a mobile. */
const office = {
  name: `Forno Rossi S.r.l. ${Tag}`,
  city: 'Roma',
  phone: line,
  mobile: `+39 347 ${digits(3)} ${digits(4)}`,
  legalName: 'Forno Rossi S.r.l.',
  taxNumber: `IT${digits(11)}`,
  notes: 'Pays by bank transfer at the end of the month.',
  tag: 'invoiced',
};
const buyer = { firstName: 'Lucia', lastName: `Ferri-${Tag}`, role: 'Buyer' };
const accountant = { firstName: 'Bruno', lastName: `Galli-${Tag}`, role: 'Accountant' };
const fullName = (person: { firstName: string; lastName: string }) => `${person.firstName} ${person.lastName}`;

type Ids = { shop: string; office: string; buyer: string; accountant: string };

/** Both records of the bakery and one person of each, made through the API with the page's session. */
async function createData(page: Page): Promise<Ids> {
  const session = await (await page.request.get('/api/v1/auth/session')).json();
  const headers = { 'X-CSRF-Token': session.csrfToken as string };
  const post = async (url: string, data: Record<string, unknown>): Promise<string> => {
    const response = await page.request.post(url, { headers, data });
    expect(response.status()).toBe(201);
    return (await response.json()).id as string;
  };
  const shopId = await post('/api/v1/companies', {
    name: shop.name,
    city: shop.city,
    legalName: shop.legalName,
    phones: [{ label: 'shop', value: shop.phone }],
    tags: [shop.tag],
  });
  const officeId = await post('/api/v1/companies', {
    name: office.name,
    city: office.city,
    legalName: office.legalName,
    taxNumber: office.taxNumber,
    notes: office.notes,
    phones: [
      { label: 'office', value: office.phone },
      { label: 'mobile', value: office.mobile },
    ],
    tags: [office.tag],
  });
  const person = (one: typeof buyer, companyId: string) =>
    post('/api/v1/contacts', { firstName: one.firstName, lastName: one.lastName, companies: [{ companyId, role: one.role }] });
  return { shop: shopId, office: officeId, buyer: await person(buyer, shopId), accountant: await person(accountant, officeId) };
}

const details = (page: Page) => page.locator('.ant-card').filter({ has: page.getByText('Details', { exact: true }) });
/** The value a company's details show for a field. */
const detail = (page: Page, label: string) =>
  details(page)
    .locator('.ant-descriptions-item')
    .filter({ has: page.locator('.ant-descriptions-item-label', { hasText: new RegExp(`^${label}$`) }) })
    .locator('.ant-descriptions-item-content');
const contactsCard = (page: Page) => page.getByTestId('company-contacts');
const pairCard = (page: Page) => page.getByRole('article').filter({ hasText: shop.name }).filter({ hasText: office.name });

/** Opens a company's page from the Companies list, found by its name. */
async function openCompany(page: Page, name: string) {
  await page.getByRole('navigation').getByRole('link', { name: 'Companies' }).click();
  await page.getByRole('textbox', { name: 'Name, phone, e-mail or tax number' }).fill(name);
  await expect(page.getByTestId('list-total')).toHaveText('Showing 1 of 1');
  await page.getByRole('row').filter({ hasText: name }).getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
}

const mergeDialog = (page: Page) => page.getByRole('dialog', { name: 'Merge companies' });

/** In the open merge dialog: the shop stays, with the office's legal name; its tax number and notes come along, the radios say so. */
async function chooseValues(page: Page) {
  const dialog = mergeDialog(page);
  await dialog
    .getByRole('radiogroup', { name: 'Which record stays?' })
    .getByRole('radio', { name: new RegExp(`^${shop.name} · `) })
    .check();
  await expect(dialog.getByRole('columnheader', { name: `${shop.name} stays` })).toBeVisible();
  const value = (field: string, text: string, from: string) => dialog.getByRole('radio', { name: `${field}: ${text} (from ${from})` });
  await expect(value('Name', shop.name, shop.name)).toBeChecked();
  await expect(value('Name', office.name, office.name)).not.toBeChecked();
  await value('Legal name', office.legalName, office.name).check();
  await expect(value('Legal name', shop.legalName, shop.name)).not.toBeChecked();
  // Empty on the shop, the office's tax number and notes are kept without asking.
  await expect(value('Tax number', office.taxNumber, office.name)).toBeChecked();
  await expect(value('Tax number', 'empty', shop.name)).not.toBeChecked();
  await expect(value('Notes', office.notes, office.name)).toBeChecked();
  // Only the fields whose values differ are asked about: the city is Roma on both.
  await expect(dialog.getByRole('row')).toHaveCount(5);
}

/** Confirms the merge dialog; what is sent is what the radios showed. */
async function confirmMerge(page: Page, ids: Ids) {
  const sent = page.waitForRequest((request) => request.url().endsWith('/api/v1/merges') && request.method() === 'POST');
  await mergeDialog(page).getByRole('button', { name: 'Merge', exact: true }).click();
  expect((await sent).postDataJSON()).toEqual({
    entity: 'company',
    survivorId: ids.shop,
    mergedIds: [ids.office],
    values: { name: ids.shop, legalName: ids.office, taxNumber: ids.office, notes: ids.office },
  });
  await expect(mergeDialog(page)).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/companies/${ids.shop}$`));
  await expect(page.getByText(`Records merged into “${shop.name}”.`)).toBeVisible();
}

test('duplicates: the same bakery entered twice is found, merged, unmerged and merged for good', async ({ page }) => {
  let ids: Ids = { shop: '', office: '', buyer: '', accountant: '' };

  await test.step('the admin signs in; the bakery exists twice, written differently', async () => {
    await page.goto('/login');
    await page.getByLabel('E-mail').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: `Welcome, ${admin.name}` })).toBeVisible();
    ids = await createData(page);
  });

  await test.step('typing the bakery again in a new company warns that it is already known', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Companies' }).click();
    await page.getByRole('button', { name: 'New company' }).click();
    const form = page.getByRole('form', { name: 'New company' });
    await form.getByLabel('Name', { exact: true }).fill(shop.name);
    await form.getByLabel('City').fill(shop.city);
    const warning = page.getByRole('status').filter({ hasText: 'This may already be in your customer base' });
    await expect(warning).toBeVisible();
    const match = warning.getByTestId('duplicate-match').filter({ hasText: shop.name });
    await expect(match).toHaveText(`${shop.name} · ${shop.city} Same name and cityOpen existing`);
    await expect(match.getByRole('link', { name: `Open existing: ${shop.name}` })).toHaveAttribute('href', `/companies/${ids.shop}`);
    // The office's record is offered too, after it: its name is only alike, in the same city.
    const alike = warning.getByTestId('duplicate-match').filter({ hasText: office.name });
    await expect(alike).toHaveText(`${office.name} · ${office.city} Similar name, same cityOpen existing`);
    await expect(warning.getByTestId('duplicate-match').first()).toHaveText(new RegExp(`^${shop.name} · `));
    await expect(warning).toContainText('You can still save: it will be a separate record.');
    await page.screenshot({ path: screenshot('duplicate-warning.png'), fullPage: true });
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(form).toBeHidden();
    await page.getByRole('textbox', { name: 'Name, phone, e-mail or tax number' }).fill(shop.name);
    await expect(page.getByTestId('list-total')).toHaveText('Showing 1 of 1');
  });

  await test.step('the duplicates page shows the pair, found by the phone', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Duplicates' }).click();
    await expect(page.getByRole('heading', { name: 'Duplicates', level: 2 })).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Companies' })).toHaveAttribute('aria-selected', 'true');
    const pair = pairCard(page);
    await expect(pair.getByTestId('duplicate-reasons')).toHaveText('Same phone');
    // Each side shows what tells it apart: the landline written two ways, the office's mobile and tax number.
    const record = (name: string) => pair.getByTestId('duplicate-record').filter({ has: page.getByRole('link', { name, exact: true }) });
    await expect(record(shop.name)).toContainText(`City${shop.city}Phones${shop.phone}Owner${admin.name}`);
    await expect(record(office.name)).toContainText(
      `City${office.city}Phones${office.phone}${office.mobile}Tax number${office.taxNumber}Owner${admin.name}`,
    );
    await page.screenshot({ path: screenshot('duplicates.png'), fullPage: true });
  });

  await test.step('the merge keeps the shop, with the office’s legal name, tax number and notes', async () => {
    await pairCard(page).getByRole('button', { name: 'Merge…' }).click();
    await chooseValues(page);
    await page.screenshot({ path: screenshot('merge-dialog.png'), fullPage: true });
    await confirmMerge(page, ids);
  });

  await test.step('the shop now holds both records: chosen values, both phones, both tags, both people', async () => {
    await expect(page.getByRole('heading', { name: shop.name, level: 2 })).toBeVisible();
    await expect(detail(page, 'Legal name')).toHaveText(office.legalName);
    await expect(detail(page, 'Tax number')).toHaveText(office.taxNumber);
    await expect(detail(page, 'Notes')).toHaveText(office.notes);
    await expect(detail(page, 'City')).toHaveText(shop.city);
    // The landline both records had is kept once, as the shop wrote it; the office's mobile joins it.
    await expect(detail(page, 'Phones').getByRole('link')).toHaveText([shop.phone, office.mobile]);
    await expect(detail(page, 'Tags').locator('.ant-tag')).toHaveText([shop.tag, office.tag]);
    await expect(contactsCard(page).getByRole('link')).toHaveText([fullName(accountant), fullName(buyer)]);
    const banner = page.getByRole('alert').filter({ hasText: 'Merged from' });
    await expect(banner).toContainText(`Merged from ${office.name} on `);
    const merged = page.getByTestId('history-change').filter({ hasText: 'Merged from' });
    await expect(merged).toHaveText(`Merged from: empty → ${office.name}`);
    await page.screenshot({ path: screenshot('merged-company.png'), fullPage: true });

    await page.getByRole('navigation').getByRole('link', { name: 'Companies' }).click();
    await page.getByRole('textbox', { name: 'Name, phone, e-mail or tax number' }).fill(office.name);
    await expect(page.getByTestId('list-total')).toHaveText('Showing 0 of 0');
    await expect(page.getByRole('row').filter({ hasText: office.name })).toHaveCount(0);
  });

  await test.step('undone from the banner, both records are back as they were, each with its person', async () => {
    await openCompany(page, shop.name);
    await page
      .getByRole('alert')
      .filter({ hasText: `Merged from ${office.name}` })
      .getByRole('button', { name: 'Undo' })
      .click();
    await expect(page.getByText('The merge has been undone: the records are back.')).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: 'Merged from' })).toHaveCount(0);
    await expect(detail(page, 'Legal name')).toHaveText(shop.legalName);
    await expect(detail(page, 'Tax number')).toHaveCount(0);
    await expect(detail(page, 'Notes')).toHaveCount(0);
    await expect(detail(page, 'Phones').getByRole('link')).toHaveText([shop.phone]);
    await expect(detail(page, 'Tags').locator('.ant-tag')).toHaveText([shop.tag]);
    await expect(contactsCard(page).getByRole('link')).toHaveText([fullName(buyer)]);

    await openCompany(page, office.name);
    await expect(page).toHaveURL(new RegExp(`/companies/${ids.office}$`));
    await expect(detail(page, 'Legal name')).toHaveText(office.legalName);
    await expect(detail(page, 'Tax number')).toHaveText(office.taxNumber);
    await expect(detail(page, 'Notes')).toHaveText(office.notes);
    await expect(detail(page, 'Phones').getByRole('link')).toHaveText([office.phone, office.mobile]);
    await expect(detail(page, 'Tags').locator('.ant-tag')).toHaveText([office.tag]);
    await expect(contactsCard(page).getByRole('link')).toHaveText([fullName(accountant)]);
    await contactsCard(page)
      .getByRole('link', { name: fullName(accountant) })
      .click();
    await expect(page.getByRole('heading', { name: fullName(accountant), level: 2 })).toBeVisible();
    await expect(page.getByRole('link', { name: office.name })).toHaveAttribute('href', `/companies/${ids.office}`);
  });

  await test.step('merged again from the shop’s page, the pair leaves the duplicates page', async () => {
    await openCompany(page, shop.name);
    await page.getByRole('button', { name: 'Merge with…' }).click();
    const picker = page.getByRole('dialog', { name: `Merge “${shop.name}” with…` });
    await picker.getByRole('combobox', { name: 'Record to merge with' }).click();
    await expect(page.locator('.ant-select-dropdown:visible')).toContainText('Probable duplicates');
    await pickOption(page, `${office.name} · ${office.city}`);
    await picker.getByRole('button', { name: 'Continue' }).click();
    await chooseValues(page);
    await confirmMerge(page, ids);
    await expect(page.getByRole('alert').filter({ hasText: `Merged from ${office.name}` })).toBeVisible();
    await expect(contactsCard(page).getByRole('link')).toHaveText([fullName(accountant), fullName(buyer)]);

    await page.getByRole('navigation').getByRole('link', { name: 'Duplicates' }).click();
    await expect(page.getByTestId('duplicates-total').or(page.getByText('No probable duplicates among the companies.'))).toBeVisible();
    await expect(pairCard(page)).toHaveCount(0);
  });
});
