import { randomInt } from 'node:crypto';
import fs from 'node:fs';
import { type Browser, type BrowserContext, expect, type Page, test } from '@playwright/test';
import { extractText } from 'unpdf';
import { admin, screenshot } from './support.ts';

// Runs after the first-start journey (see the config), in the workspace it created.
// Stories 1, 6 and 7: a salesperson drags a deal to "Won" (the stage asks what it needs), builds a
// proposal from the catalogue with a discount, downloads it as a PDF, turns it into an order, and
// cannot ship it when the customer's group of companies would go over its credit limit; the
// branch manager can, with a reason that the order keeps.

const tag = Array.from({ length: 4 }, () => 'bcdfghjklmnpqrstvwxz'[randomInt(20)]).join('');
const Tag = tag.charAt(0).toUpperCase() + tag.slice(1);
const password = 'fresh-loaves-at-dawn';
const seller = { name: `Paolo Vendite ${Tag}`, email: `paolo.${tag}@rossi-bakery.example`, role: 'employee' };
const head = { name: `Marta Capo ${Tag}`, email: `marta.${tag}@rossi-bakery.example`, role: 'manager' };
const rye = `Rye loaf ${Tag}`;
const croissants = `Croissants, box of 12 ${Tag}`;
const north = `Volga North ${Tag}`;
const south = `Volga South ${Tag}`;
const dealTitle = `Hotel breakfast bread ${Tag}`;
const callSubject = `Breakfast volumes for the winter ${Tag}`;
const letterhead = { legalName: 'Panificio Rossi S.r.l.', taxNumber: 'IT01234567890', address: 'Via del Forno 7, 00184 Roma' };
const DAY = 86_400_000;

async function signIn(page: Page, person: { email: string; name: string }, secret = password) {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(person.email);
  await page.getByLabel('Password').fill(secret);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: `Welcome, ${person.name}` })).toBeVisible();
}

/** Calls the API as the signed-in person of `page`, with the CSRF token. */
async function apiAs(page: Page) {
  const session = await (await page.request.get('/api/v1/auth/session')).json();
  const headers = { 'X-CSRF-Token': session.csrfToken as string };
  return async (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, data?: Record<string, unknown>) => {
    const response = await page.request.fetch(url, { method, headers, ...(data ? { data } : {}) });
    expect(response.ok(), `${method} ${url}: ${await response.text()}`).toBe(true);
    return response.json();
  };
}

async function newPage(browser: Browser, contexts: BrowserContext[]): Promise<Page> {
  const { baseURL, locale, timezoneId, reducedMotion } = test.info().project.use;
  // Wide enough for the whole pipeline, so the card is dragged to "Won" with the mouse.
  const context = await browser.newContext({ baseURL, locale, timezoneId, reducedMotion, viewport: { width: 1920, height: 1000 } });
  contexts.push(context);
  return context.newPage();
}

test('sales: a deal dragged to won, a quote with a discount as PDF, an order, and a credit limit only a manager may pass', async ({
  browser,
}) => {
  const contexts: BrowserContext[] = [];
  try {
    // The admin sets the scene: a branch with its seller and head, a wholesale list with two
    // breads, two companies of one owner with a group credit limit of 1,000.00, and a deal.
    const setup = await newPage(browser, contexts);
    await signIn(setup, admin, admin.password);
    const call = await apiAs(setup);
    // The bakery's letterhead, printed at the top of every proposal.
    await call('PATCH', '/api/v1/workspace', letterhead);
    const branch = await call('POST', '/api/v1/units', { name: `Branch ${Tag}`, parentId: null });
    const users: Record<string, { id: string }> = {};
    for (const person of [seller, head])
      users[person.email] = await call('POST', '/api/v1/users', {
        ...person,
        password,
        unitId: branch.id,
        locale: 'en',
        timeZone: 'Europe/Rome',
      });
    const sellerId = users[seller.email]?.id;
    const list = await call('POST', '/api/v1/price-lists', { name: `Wholesale ${Tag}`, currency: 'EUR', isDefault: true });
    for (const [name, price] of [
      [rye, '3.35'],
      [croissants, '14.90'],
    ] as const)
      await call('POST', '/api/v1/products', { name, vatRate: '10', prices: [{ priceListId: list.id, price }] });
    const group = await call('POST', '/api/v1/company-groups', { name: `Volga hotels ${Tag}` });
    const companies: Record<string, { id: string }> = {};
    for (const name of [north, south])
      companies[name] = await call('POST', '/api/v1/companies', { name, groupId: group.id, ownerId: sellerId, unitId: branch.id });
    await call('PUT', `/api/v1/credit/groups/${group.id}`, { limit: '1000.00' });
    const pipeline = (
      (await call('GET', '/api/v1/pipelines')).data as { isDefault: boolean; stages: { id: string; name: string }[] }[]
    ).find((p) => p.isDefault);
    const negotiation = pipeline?.stages.find((s) => s.name === 'Negotiation');
    const deal = await call('POST', '/api/v1/deals', {
      title: dealTitle,
      companyId: companies[north]?.id,
      ownerId: sellerId,
      stageId: negotiation?.id,
      amount: '650',
    });

    // 1. The seller drags the deal from "Negotiation" to "Won": the stage asks for the close date first.
    const page = await newPage(browser, contexts);
    await signIn(page, seller);
    await page.goto('/deals');
    const card = page.getByRole('button', { name: `Deal “${dealTitle}”` });
    const won = page.getByRole('region', { name: 'Won' });
    await expect(card).toBeVisible();
    await won.scrollIntoViewIfNeeded();
    const from = await card.boundingBox();
    const to = await won.boundingBox();
    if (!from || !to) throw new Error('the board is not laid out');
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    for (let step = 1; step <= 12; step++)
      await page.mouse.move(from.x + ((to.x + to.width / 2 - from.x) * step) / 12, from.y + 40 + ((to.y + 120 - from.y) * step) / 12);
    await page.mouse.up();
    const dialog = page.getByRole('dialog', { name: 'Before moving to “Won”' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByText(`This stage needs 1 more field for “${dealTitle}”:`)).toBeVisible();
    await expect(dialog.getByLabel('Amount')).toHaveCount(0);
    const close = new Date(Date.now() + 3 * DAY);
    await dialog
      .getByLabel('Expected close date')
      .fill(`${String(close.getDate()).padStart(2, '0')}/${String(close.getMonth() + 1).padStart(2, '0')}/${close.getFullYear()}`);
    // Leaving the field keeps the typed day; the picker's own Enter would also submit the dialog.
    await dialog.getByText(`This stage needs 1 more field for “${dealTitle}”:`).click();
    await page.screenshot({ path: screenshot('deal-won-asks-fields.png') });
    await dialog.getByRole('button', { name: 'Move the deal' }).click();
    await expect(dialog).toBeHidden();
    await expect(won.getByRole('button', { name: `Deal “${dealTitle}”` })).toBeVisible();
    await expect(won.getByText('1 deal · €650.00')).toBeVisible();
    await page.screenshot({ path: screenshot('deal-won-on-board.png') });

    // 2. On the deal's page the seller logs the call that won it; the timeline shows it above the stage move.
    await page.goto(`/deals/${deal.id}`);
    const timeline = page.getByTestId('timeline');
    await expect(timeline.getByTestId('timeline-stage').first()).toContainText(`${seller.name} moved the deal from Negotiation to Won`);
    await timeline.getByRole('button', { name: 'Log activity' }).click();
    const form = page.getByRole('form', { name: 'Log activity' });
    await form.getByLabel('Subject').fill(callSubject);
    await page.getByRole('button', { name: 'Log it' }).click();
    await expect(page.getByText('Call logged.')).toBeVisible();
    const logged = timeline.getByTestId('timeline-activity').filter({ hasText: callSubject });
    await expect(logged).toBeVisible();
    await expect(logged.getByRole('link', { name: north })).toBeVisible();
    await page.screenshot({ path: screenshot('deal-timeline.png'), fullPage: true });

    // 3. A proposal from the deal: two breads from the catalogue, 7.5 % off the croissants.
    await page.getByRole('button', { name: 'New quote' }).click();
    const editor = page.getByRole('dialog', { name: 'New quote' });
    await expect(editor.getByLabel('Company')).toBeVisible();
    for (const product of [rye, croissants]) {
      await editor.getByLabel('Add a product from the catalogue').click();
      await editor.getByLabel('Add a product from the catalogue').fill(product);
      await page.locator('.ant-select-dropdown:visible').getByText(product).first().click();
    }
    await editor.getByRole('group', { name: 'Line 1' }).getByLabel('Quantity').fill('120');
    await editor.getByRole('group', { name: 'Line 2' }).getByLabel('Quantity').fill('15');
    await editor.getByRole('group', { name: 'Line 2' }).getByLabel('Discount %').fill('7.5');
    // While typing, in whole cents: 402.00 + 40.20 VAT and 206.74 + 20.67 VAT.
    await expect(editor.getByText('€669.61').first()).toBeVisible();
    await page.screenshot({ path: screenshot('quote-editor-two-products.png') });
    await editor.getByRole('button', { name: 'Create' }).click();
    await expect(page).toHaveURL(/\/quotes\/[0-9a-f-]{36}$/);
    await expect(page.getByText('€669.61').first()).toBeVisible();

    // Its PDF: the customer, both lines, the discount, the total.
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download PDF' }).click();
    const download = await downloading;
    const file = await download.path();
    const { text } = await extractText(new Uint8Array(fs.readFileSync(file)), { mergePages: true });
    expect(text).toContain('Commercial proposal');
    expect(text).toContain(letterhead.legalName);
    expect(text).toContain(`Tax no. ${letterhead.taxNumber}`);
    expect(text).toContain(letterhead.address);
    expect(text).toContain(north);
    expect(text).toContain(rye);
    expect(text).toContain(croissants);
    expect(text).toContain('7.5 %');
    expect(text).toContain('€669.61');
    await page.screenshot({ path: screenshot('quote-page.png') });

    // 4. Sent, accepted, converted to an order, confirmed: the group owes 669.61 of its 1,000.00.
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('button', { name: 'Mark accepted' }).click();
    await page.getByRole('button', { name: 'Convert to order' }).click();
    await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
    await page.getByRole('button', { name: 'Confirm' }).click();
    await expect(page.getByText('The order is now: Confirmed')).toBeVisible();
    const orderUrl = page.url();

    // Meanwhile the head takes the sister hotel's order by hand, 368.50, and lets it over the
    // limit: the group now owes 1,038.11.
    const headPage = await newPage(browser, contexts);
    await signIn(headPage, head);
    const asHead = await apiAs(headPage);
    await headPage.goto('/orders');
    await headPage.getByRole('button', { name: 'New order' }).click();
    const orderEditor = headPage.getByRole('dialog', { name: 'New order' });
    await orderEditor.getByLabel('Company').fill(south);
    await headPage.locator('.ant-select-dropdown:visible').getByText(south).click();
    await orderEditor.getByLabel('Add a product from the catalogue').click();
    await orderEditor.getByLabel('Add a product from the catalogue').fill(rye);
    await headPage.locator('.ant-select-dropdown:visible').getByText(rye).first().click();
    await orderEditor.getByRole('group', { name: 'Line 1' }).getByLabel('Quantity').fill('100');
    await expect(orderEditor.getByText('€368.50').first()).toBeVisible();
    await headPage.screenshot({ path: screenshot('order-editor-by-hand.png') });
    await orderEditor.getByRole('button', { name: 'Create' }).click();
    await expect(headPage).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
    const sisterId = new URL(headPage.url()).pathname.split('/').pop();
    await asHead('POST', `/api/v1/orders/${sisterId}/status`, { status: 'confirmed', overrideReason: 'Sister hotel, pays on the 5th' });

    // 5. The seller cannot ship: the group would go over its limit, and the screen says why.
    await page.reload();
    await page.getByRole('button', { name: 'Ship' }).click();
    await expect(page.getByText('This order would exceed the credit limit')).toBeVisible();
    await expect(page.getByText(`The limit of the group Volga hotels ${Tag} would be exceeded`)).toBeVisible();
    await expect(page.getByText('A manager or an administrator must approve this order over the limit.')).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Override with a reason' })).toHaveCount(0);
    await page.screenshot({ path: screenshot('order-ship-blocked-for-seller.png'), fullPage: true });

    // 6. The head ships it with a reason; the order keeps who, when and why.
    await headPage.goto(orderUrl);
    await headPage.getByRole('button', { name: 'Ship' }).click();
    await expect(headPage.getByText('This order would exceed the credit limit')).toBeVisible();
    await headPage.getByRole('textbox', { name: 'Override with a reason' }).fill('Paid every invoice on time for two years');
    await headPage.getByRole('button', { name: 'Approve and continue' }).click();
    await expect(headPage.getByText('The order is now: Shipped')).toBeVisible();
    await expect(headPage.getByText(`Approved over the credit limit by ${head.name}`)).toBeVisible();
    await expect(headPage.getByText('Paid every invoice on time for two years')).toBeVisible();
    await headPage.screenshot({ path: screenshot('order-shipped-with-override.png'), fullPage: true });
  } finally {
    for (const context of contexts) await context.close();
  }
});
