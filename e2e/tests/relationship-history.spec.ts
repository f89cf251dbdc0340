import { randomInt } from 'node:crypto';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { admin, chooseInUserMenu, colleague, pickOption, screenshot } from './support.ts';

// Runs after the first-start journey (see the config), in the workspace it created.
// Story 3: the head of the ad department records a call and a verbal promise to renew an ad slot;
// a colleague who never heard of it finds the promise by searching for the slot.

/** Letters that make this run's records unique, so that other journeys (or an earlier run) do not meet them. */
const tag = Array.from({ length: 4 }, () => 'bcdfghjklmnpqrstvwxz'[randomInt(20)]).join('');
const Tag = tag.charAt(0).toUpperCase() + tag.slice(1);
const customer = { name: `Mobilificio Bruni ${Tag}`, city: 'Milano' };
const buyer = { firstName: 'Lucia', lastName: `Bruni-${Tag}` };
const call = { subject: 'Renewal of the Friday ad', notes: 'They want the same slot next year, ', bold: 'same price as 2026' };
const promise = {
  title: `Renew the Friday ad of ${customer.name} for 2027`,
  resource: 'ad slot page 3, Fridays',
  details: 'Agreed by phone; the contract is signed in January.',
  validUntil: '31/01/2027',
};

async function signIn(page: Page, person: { email: string; password: string; name: string }) {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: `Welcome, ${person.name}` })).toBeVisible();
}

/** The advertiser and its buyer, made through the API with the page's session, in the colleague's branch so that they may read it. */
async function createCustomer(page: Page): Promise<string> {
  const session = await (await page.request.get('/api/v1/auth/session')).json();
  const headers = { 'X-CSRF-Token': session.csrfToken as string };
  const units = (await (await page.request.get('/api/v1/units')).json()).data as { id: string; name: string }[];
  const unitId = units.find((unit) => unit.name === colleague.unit)?.id;
  expect(unitId).toBeTruthy();
  const company = await page.request.post('/api/v1/companies', { headers, data: { name: customer.name, city: customer.city, unitId } });
  expect(company.status()).toBe(201);
  const companyId = (await company.json()).id as string;
  const contact = await page.request.post('/api/v1/contacts', {
    headers,
    data: { firstName: buyer.firstName, lastName: buyer.lastName, unitId, companies: [{ companyId, role: 'Marketing' }] },
  });
  expect(contact.status()).toBe(201);
  return companyId;
}

/** A form's field by its label: the label, the control and any message under it. */
const field = (scope: Locator, label: string) =>
  scope.locator('.ant-form-item').filter({ has: scope.page().locator('label', { hasText: new RegExp(`^${label}$`) }) });
const timeline = (page: Page) => page.getByTestId('timeline');
const agreementsCard = (page: Page) => page.getByTestId('agreements');
/** The value the company's details show for a field. */
const detail = (page: Page, label: string) =>
  page
    .locator('.ant-descriptions-item')
    .filter({ has: page.locator('.ant-descriptions-item-label', { hasText: new RegExp(`^${label}$`) }) })
    .locator('.ant-descriptions-item-content');

test('relationship history: a call with a follow-up and a verbal agreement, found by a colleague through the ad slot', async ({ page }) => {
  let companyId = '';

  await test.step('the head of the department opens the advertiser: nothing recorded yet', async () => {
    await signIn(page, admin);
    companyId = await createCustomer(page);
    await page.goto(`/companies/${companyId}`);
    await expect(page.getByRole('heading', { name: customer.name, level: 2 })).toBeVisible();
    await expect(detail(page, 'Last contact')).toHaveText('never');
    await expect(agreementsCard(page)).toContainText('No agreement binds us with this customer right now.');
    // Only the company's creation is on its timeline.
    await expect(timeline(page).getByTestId('timeline-system')).toContainText(`${admin.name} created the company`);
  });

  await test.step('she logs the call: outgoing, reached, a quarter of an hour, notes with emphasis, a follow-up in a week', async () => {
    await timeline(page).getByRole('button', { name: 'Log activity' }).click();
    const form = page.getByRole('form', { name: 'Log activity' });
    await expect(form.getByRole('radio', { name: 'Call', exact: true })).toBeChecked();
    await form.getByLabel('Subject').fill(call.subject);
    await expect(form.getByRole('radio', { name: 'Outgoing' })).toBeChecked();
    await form.getByLabel('Outcome').click();
    await pickOption(page, 'Reached');
    await form.getByLabel('Duration').fill('15');
    const notes = form.getByRole('textbox', { name: 'Notes' });
    await notes.click();
    await page.keyboard.type(call.notes);
    await form.getByRole('button', { name: 'Bold' }).click();
    await page.keyboard.type(call.bold);
    await form.getByLabel('Follow up').click();
    await page.getByText('In a week', { exact: true }).click();
    await expect(form.getByLabel('Follow up')).not.toHaveValue('');
    // The company comes chosen; the buyer she spoke to is added.
    await expect(field(form, 'Companies')).toContainText(customer.name);
    await form.getByRole('combobox', { name: 'Contacts' }).fill(buyer.lastName);
    await page.locator('.ant-select-dropdown:visible').getByText(`${buyer.firstName} ${buyer.lastName}`).click();
    await page.keyboard.press('Escape');
    await page.screenshot({ path: screenshot('log-call.png') });
    await page.getByRole('button', { name: 'Log it' }).click();
    await expect(page.getByText('Call logged.')).toBeVisible();
    await expect(form).toBeHidden();

    const entry = timeline(page).getByTestId('timeline-activity').filter({ hasText: call.subject });
    await expect(entry).toContainText('Outgoing call · Reached · 15 min');
    await expect(entry.locator('strong', { hasText: call.bold })).toBeVisible();
    await expect(entry).toContainText(/Follow up \d+ \w+ \d{4}, 09:00/);
    await expect(entry.getByRole('link', { name: `${buyer.firstName} ${buyer.lastName}` })).toBeVisible();
    await expect(detail(page, 'Last contact')).not.toHaveText('never');
  });

  await test.step('she records the verbal promise to renew the ad slot', async () => {
    await agreementsCard(page).getByRole('button', { name: 'New agreement' }).click();
    const dialog = page.getByRole('dialog', { name: 'New agreement' });
    await dialog.getByLabel('What was agreed').fill(promise.title);
    await dialog.getByLabel('What it concerns').fill(promise.resource);
    // The customer whose page this is, agreed by her, today.
    await expect(field(dialog, 'Company')).toContainText(customer.name);
    await expect(field(dialog, 'Agreed by')).toContainText(admin.name);
    const validUntil = dialog.getByLabel('Valid until');
    await validUntil.click();
    await validUntil.fill(promise.validUntil);
    await validUntil.press('Enter');
    await dialog.getByLabel('Details').fill(promise.details);
    await page.screenshot({ path: screenshot('record-agreement.png') });
    await dialog.getByRole('button', { name: 'Record it' }).click();
    await expect(page.getByText('The agreement has been recorded.')).toBeVisible();
    await expect(dialog).toBeHidden();
  });

  await test.step('the company page shows the binding promise on top, and both on its timeline', async () => {
    const warning = agreementsCard(page).locator('.ant-alert');
    await expect(warning).toContainText('1 agreement binds us with this company');
    await expect(warning).toContainText(promise.title);
    await expect(warning).toContainText(`Concerns: ${promise.resource}`);
    await expect(warning).toContainText('valid until 31 Jan 2027');
    const agreementEntry = timeline(page).getByTestId('timeline-agreement');
    await expect(agreementEntry).toContainText(promise.title);
    await expect(agreementEntry).toContainText('Binding');
    await expect(timeline(page).getByTestId('timeline-activity').filter({ hasText: call.subject })).toBeVisible();
    await page.getByText('Call logged.').waitFor({ state: 'hidden' });
    await page.getByText('The agreement has been recorded.').waitFor({ state: 'hidden' });
    await page.screenshot({ path: screenshot('company-agreements-timeline.png'), fullPage: true });

    // Filtered to agreements only, the call steps aside.
    await timeline(page).getByRole('combobox', { name: 'Show only' }).click();
    await pickOption(page, 'Agreement');
    await page.keyboard.press('Escape');
    await expect(timeline(page).getByTestId('timeline-activity')).toHaveCount(0);
    await expect(timeline(page).getByTestId('timeline-agreement')).toHaveCount(1);
  });

  await test.step('a colleague from the branch signs in and searches for the ad slot', async () => {
    await chooseInUserMenu(page, 'Log out');
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await signIn(page, colleague);
    await page.keyboard.press('Control+K');
    const search = page.getByRole('combobox', { name: 'Search' });
    await search.fill('slot page 3');
    const hit = page.getByRole('group', { name: 'Agreements' }).getByRole('option').filter({ hasText: promise.title });
    await expect(hit).toContainText(promise.resource);
    await page.screenshot({ path: screenshot('search-agreement.png') });
    await hit.click();
  });

  await test.step('the agreement opens: what was promised, to whom, by whom, until when', async () => {
    await expect(page).toHaveURL(/\/agreements\?open=/);
    const details = page.getByTestId('agreement-details');
    await expect(details).toContainText(promise.resource);
    await expect(details.getByRole('link', { name: customer.name })).toBeVisible();
    await expect(details).toContainText(admin.name);
    await expect(details).toContainText('31 Jan 2027');
    await expect(details).toContainText(promise.details);
    await expect(page.locator('.ant-drawer-title')).toHaveText(promise.title);
    await page.screenshot({ path: screenshot('agreement-opened.png') });
  });

  await test.step('closed, it is one line of the company-wide list, binding and searchable', async () => {
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('agreement-details')).toBeHidden();
    await expect(page).toHaveURL(/\/agreements$/);
    // The filters live in the page's address: the box shows ticked once the address has changed.
    const bindingOnly = page.getByRole('checkbox', { name: 'Only those that bind us' });
    await bindingOnly.click();
    await expect(bindingOnly).toBeChecked();
    await expect(page).toHaveURL(/binding=1/);
    await page.getByRole('textbox', { name: 'Search agreements' }).fill(Tag);
    const row = page.getByRole('row').filter({ hasText: promise.title });
    await expect(row).toContainText('Binding');
    await expect(row).toContainText(customer.name);
    await expect(page.getByTestId('list-total')).toHaveText('Showing 1 of 1');
    await page.screenshot({ path: screenshot('agreements-list.png') });
    await row.getByRole('link', { name: promise.title }).click();
    await expect(page.getByTestId('agreement-details')).toBeVisible();
  });

  await test.step('from there, the customer’s page tells the colleague the whole story', async () => {
    await page.getByTestId('agreement-details').getByRole('link', { name: customer.name }).click();
    await expect(page.getByRole('heading', { name: customer.name, level: 2 })).toBeVisible();
    await expect(agreementsCard(page).locator('.ant-alert')).toContainText(promise.title);
    const entry = timeline(page).getByTestId('timeline-activity').filter({ hasText: call.subject });
    await expect(entry).toContainText(`${admin.name} ·`);
  });
});
