import { expect, type Page, test } from '@playwright/test';
import { admin, chooseInUserMenu, pickOption, screenshot } from './support.ts';

// Runs after the first-start journey (see the config), in the workspace it created.
// Stories 1, 2 and 7: one shared customer base, people with their phones, linked legal entities.

const cafe = { name: 'Caffè Centrale', city: 'Roma', phone: '+39 06 1234 5678' };
const bakery = { name: 'Forno Rossi Srl', city: 'Roma' };
const giulia = { first: 'Giulia', last: 'Verdi', phone: '+39 333 123 4567', role: 'Owner' };
const paolo = { first: 'Paolo', last: 'Neri', role: 'Buyer' };
const groupName = 'Centrale holding';
const breadField = { label: 'Preferred bread', key: 'preferred_bread', options: ['Rye bread', 'Ciabatta', 'Focaccia'] };

async function createCompany(page: Page, company: { name: string; city: string; phone?: string; status?: string }) {
  await page.getByRole('navigation').getByRole('link', { name: 'Companies' }).click();
  await page.getByRole('button', { name: 'New company' }).click();
  const form = page.getByRole('form', { name: 'New company' });
  await form.getByLabel('Name', { exact: true }).fill(company.name);
  if (company.status) {
    await form.getByLabel('Status').click();
    await pickOption(page, company.status);
  }
  await form.getByLabel('City').fill(company.city);
  if (company.phone) await form.getByLabel('Phone number 1').fill(company.phone);
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page.getByRole('heading', { name: company.name, level: 2 })).toBeVisible();
}

async function addContact(page: Page, person: { first: string; last: string; role: string; phone?: string }) {
  await page.getByRole('button', { name: 'Add contact' }).click();
  const form = page.getByRole('form', { name: 'New contact' });
  await form.getByLabel('First name').fill(person.first);
  await form.getByLabel('Last name').fill(person.last);
  // The company whose page this is comes already linked.
  await expect(form.getByLabel('Company 1')).toBeAttached();
  await form.getByLabel('Role 1').fill(person.role);
  if (person.phone) await form.getByLabel('Phone number 1').fill(person.phone);
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId('company-contacts').getByRole('link', { name: `${person.first} ${person.last}` })).toBeVisible();
}

async function chooseGroup(page: Page, choice: { create?: string; existing?: string; parent?: string }) {
  const dialog = page.getByRole('dialog', { name: 'Group of companies' });
  if (choice.create) {
    await dialog.getByLabel('Name of the new group').fill(choice.create);
  } else if (choice.existing) {
    await dialog.getByLabel('Group', { exact: true }).click();
    await pickOption(page, choice.existing);
    if (choice.parent) {
      await dialog.getByLabel('Parent company').click();
      await pickOption(page, choice.parent);
    }
  }
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
}

test('the customer base: companies, their people, a client group, filters, search by phone and a custom field', async ({ page }) => {
  await test.step('the admin signs in', async () => {
    await page.goto('/login');
    await page.getByLabel('E-mail').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: `Welcome, ${admin.name}` })).toBeVisible();
  });

  await test.step('two companies are added', async () => {
    await createCompany(page, { ...cafe, status: 'Active' });
    await expect(page.getByRole('link', { name: cafe.phone })).toHaveAttribute('href', 'tel:+390612345678');
    await createCompany(page, bakery);
  });

  await test.step('two people of the café are added from its page', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Companies' }).click();
    await page.getByRole('link', { name: cafe.name }).click();
    await expect(page.getByRole('heading', { name: cafe.name, level: 2 })).toBeVisible();
    await addContact(page, giulia);
    await addContact(page, paolo);
    await expect(page.getByTestId('company-contacts')).toContainText(giulia.role);
  });

  await test.step('the café heads a new client group, and the bakery joins it as its subsidiary', async () => {
    await page.getByTestId('company-group').getByRole('button', { name: 'Add to a group' }).click();
    await chooseGroup(page, { create: groupName });
    await expect(page.getByTestId('company-group').getByRole('link', { name: groupName })).toBeVisible();

    await page.getByRole('navigation').getByRole('link', { name: 'Companies' }).click();
    await page.getByRole('link', { name: bakery.name }).click();
    await page.getByTestId('company-group').getByRole('button', { name: 'Add to a group' }).click();
    await chooseGroup(page, { existing: groupName, parent: cafe.name });
    const card = page.getByTestId('company-group');
    await expect(card.getByRole('link', { name: cafe.name })).toBeVisible();

    await card.getByRole('link', { name: groupName }).click();
    await expect(page.getByRole('heading', { name: `Group: ${groupName}` })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: cafe.name }).first()).toContainText('Parent');
    await expect(page.getByRole('row').filter({ hasText: bakery.name })).toContainText(cafe.name);
  });

  await test.step('the list filtered by status and city shows only the active café in Rome', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Companies' }).click();
    await expect(page.getByRole('row').filter({ hasText: bakery.name })).toBeVisible();
    await page.getByRole('combobox', { name: 'Status' }).click();
    await pickOption(page, 'Active');
    await page.getByRole('textbox', { name: 'City' }).fill('Roma');
    await expect(page.getByRole('row').filter({ hasText: bakery.name })).toHaveCount(0);
    const row = page.getByRole('row').filter({ hasText: cafe.name });
    await expect(row).toContainText('Active');
    await expect(row).toContainText(cafe.phone);
    // Whoever adds a company looks after it unless someone else is chosen.
    await expect(row).toContainText(admin.name);
    await expect(page.getByText('Showing 1 of 1')).toBeVisible();
    await page.screenshot({ path: screenshot('companies.png'), fullPage: true });
  });

  await test.step('the filtered list is saved as a private view, and brings the filters back', async () => {
    await page.getByRole('button', { name: 'Save view' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save the view' });
    await dialog.getByLabel('Name').fill('Active in Rome');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('View “Active in Rome” saved.')).toBeVisible();
    await page.goto('/companies');
    await expect(page.getByRole('row').filter({ hasText: bakery.name })).toBeVisible();
    await page.getByRole('combobox', { name: 'Saved view' }).click();
    await pickOption(page, 'Active in Rome');
    await expect(page.getByRole('row').filter({ hasText: bakery.name })).toHaveCount(0);
    await expect(page.getByRole('row').filter({ hasText: cafe.name })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'City' })).toHaveValue('Roma');
  });

  await test.step('the same list reads well in Russian', async () => {
    await expect(page.locator('.ant-message-notice')).toHaveCount(0);
    await chooseInUserMenu(page, 'Русский');
    await expect(page.getByRole('heading', { name: 'Компании' })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: cafe.name })).toContainText('Активный');
    await page.screenshot({ path: screenshot('companies-ru.png'), fullPage: true });
    await chooseInUserMenu(page, 'English');
    await expect(page.getByRole('heading', { name: 'Companies' })).toBeVisible();
  });

  await test.step('the admin adds a custom field "Preferred bread" to contacts', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Custom fields' }).click();
    await expect(page.getByRole('heading', { name: 'Custom fields', level: 2 })).toBeVisible();
    await page.getByRole('tab', { name: 'Contacts' }).click();
    await page.getByRole('button', { name: 'New field' }).click();
    const form = page.getByRole('form', { name: 'New field for contacts' });
    await form.getByLabel('Name of the field').fill(breadField.label);
    // The key is made from the name.
    await expect(form.getByLabel('Key', { exact: true })).toHaveValue(breadField.key);
    await form.getByLabel('Type').click();
    await pickOption(page, 'One choice from a list');
    for (const [index, option] of breadField.options.entries()) {
      if (index > 0) await form.getByRole('button', { name: 'Add an option' }).click();
      await form.getByLabel(`Option ${index + 1}`, { exact: true }).fill(option);
    }
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(form).toBeHidden();
    const row = page.getByRole('row').filter({ hasText: breadField.label });
    await expect(row).toContainText(breadField.key);
    await expect(row).toContainText(breadField.options.join(', '));
    await expect(page.locator('.ant-message-notice')).toHaveCount(0);
    await page.screenshot({ path: screenshot('custom-fields.png'), fullPage: true });
  });

  await test.step('Ctrl-K finds the contact by a phone typed another way, and opens her', async () => {
    await page.keyboard.press('Control+K');
    const dialog = page.getByRole('dialog', { name: 'Search' });
    await dialog.getByRole('combobox', { name: 'Search' }).fill('333-1234567');
    const hit = dialog.getByRole('option').filter({ hasText: `${giulia.first} ${giulia.last}` });
    await expect(hit).toBeVisible();
    await page.screenshot({ path: screenshot('search.png') });
    while ((await hit.getAttribute('aria-selected')) !== 'true') await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('heading', { name: `${giulia.first} ${giulia.last}`, level: 2 })).toBeVisible();
    await expect(page.getByRole('link', { name: giulia.phone })).toBeVisible();
    await expect(page.getByRole('link', { name: cafe.name })).toBeVisible();
  });

  await test.step('her preferred bread is filled in, and her page shows it', async () => {
    await page.getByRole('button', { name: 'Edit' }).click();
    const form = page.getByRole('form', { name: `Edit ${giulia.first} ${giulia.last}` });
    await form.getByLabel(breadField.label).click();
    await pickOption(page, 'Rye bread');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(form).toBeHidden();
    await expect(page.locator('.ant-descriptions-item').filter({ hasText: breadField.label })).toContainText('Rye bread');
    await expect(page.getByTestId('history')).toContainText(`${breadField.label}: empty → Rye bread`);
    await expect(page.locator('.ant-message-notice')).toHaveCount(0);
    await page.screenshot({ path: screenshot('contact.png'), fullPage: true });
  });

  await test.step('a change to the café shows in its history', async () => {
    await page.getByRole('link', { name: cafe.name }).click();
    await page.getByRole('button', { name: 'Edit' }).click();
    const form = page.getByRole('form', { name: `Edit ${cafe.name}` });
    await form.getByLabel('Legal name').fill('Caffè Centrale S.r.l.');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(form).toBeHidden();
    const history = page.getByTestId('history');
    await expect(history).toContainText(`${admin.name} made changes`);
    await expect(history).toContainText('Legal name: empty → Caffè Centrale S.r.l.');
    await expect(page.getByTestId('company-contacts')).toContainText(`${paolo.first} ${paolo.last}`);
    await page.screenshot({ path: screenshot('company.png'), fullPage: true });
  });
});
