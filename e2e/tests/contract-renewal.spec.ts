import { randomInt } from 'node:crypto';
import { expect, type Page, test } from '@playwright/test';
import { admin, chooseInUserMenu, colleague, screenshot } from './support.ts';

// Runs after the first-start journey (see the config), in the workspace it created.
// Story 3, the way it went wrong before Clientela: the head of the department agrees by word to
// renew an advertiser's contract, then travels; the contract's end date passes; a colleague opens
// the expired contract to end it and free the slot — and is shown the promise first.

const tag = Array.from({ length: 4 }, () => 'bcdfghjklmnpqrstvwxz'[randomInt(20)]).join('');
const Tag = tag.charAt(0).toUpperCase() + tag.slice(1);
const customer = { name: `Gazzetta ${Tag}` };
const contract = { number: `ADV-${Tag}-7`, subject: 'Ad slot page 3, Fridays' };
const call = { subject: 'They want to renew the Friday slot' };
const promise = { title: `Renew the Friday slot of ${customer.name} for next year`, resource: 'Ad slot page 3, Fridays' };
const isoDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function signIn(page: Page, person: { email: string; password: string; name: string }) {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: `Welcome, ${person.name}` })).toBeVisible();
}

/** The advertiser in the colleague's branch, its contract (past its end date, the colleague responsible) and a call with a follow-up. */
async function createData(page: Page): Promise<{ companyId: string; contractId: string }> {
  const session = await (await page.request.get('/api/v1/auth/session')).json();
  const headers = { 'X-CSRF-Token': session.csrfToken as string };
  const post = async (url: string, data: Record<string, unknown>) => {
    const response = await page.request.post(url, { headers, data });
    expect(response.status(), url).toBe(201);
    return (await response.json()) as { id: string };
  };
  const units = (await (await page.request.get('/api/v1/units')).json()).data as { id: string; name: string }[];
  const people = (await (await page.request.get('/api/v1/users?limit=200')).json()).data as { id: string; email: string }[];
  const unitId = units.find((unit) => unit.name === colleague.unit)?.id;
  const colleagueId = people.find((person) => person.email === colleague.email)?.id;
  const company = await post('/api/v1/companies', { name: customer.name, unitId, ownerId: colleagueId });
  const made = await post('/api/v1/contracts', {
    ...contract,
    companyId: company.id,
    startDate: isoDay(-365),
    endDate: isoDay(-2),
    value: '5200.00',
    currency: 'EUR',
    responsibleId: colleagueId,
  });
  await post('/api/v1/activities', {
    type: 'call',
    subject: call.subject,
    direction: 'inbound',
    outcome: 'reached',
    occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
    followUpAt: `${isoDay(7)}T09:00:00Z`,
    companyIds: [company.id],
  });
  return { companyId: company.id, contractId: made.id };
}

test('contract renewal: a verbal promise to renew is shown to the colleague who tries to end the expired contract', async ({ page }) => {
  let ids = { companyId: '', contractId: '' };

  await test.step('the head of the department records, on the contract, the promise to renew it', async () => {
    await signIn(page, admin);
    ids = await createData(page);
    await page.goto(`/contracts/${ids.contractId}`);
    const agreements = page.getByTestId('contract-agreements');
    await expect(agreements).toContainText('No agreement is about this contract.');
    await agreements.getByRole('button', { name: 'New agreement' }).click();
    const dialog = page.getByRole('dialog', { name: 'New agreement' });
    await dialog.getByLabel('What was agreed').fill(promise.title);
    await dialog.getByLabel('What it concerns').fill(promise.resource);
    await expect(dialog).toContainText(contract.number);
    await expect(dialog).toContainText(customer.name);
    await dialog.getByRole('button', { name: 'Record it' }).click();
    await expect(dialog).toBeHidden();
    await expect(agreements).toContainText(promise.title);
    await expect(page.getByText('An agreement about this contract still binds us.')).toBeVisible();
  });

  await test.step('while she travels, her colleague looks for expired contracts', async () => {
    await chooseInUserMenu(page, 'Log out');
    await signIn(page, colleague);
    await page.getByRole('navigation').getByRole('link', { name: 'Contracts' }).click();
    await page.getByText('Expired, not ended', { exact: true }).click();
    const row = page.getByRole('row').filter({ hasText: contract.number });
    await expect(row).toContainText('1 binding agreement');
    await row.getByRole('link', { name: contract.number }).click();
    await expect(page.getByRole('heading', { name: `Contract ${contract.number}` })).toBeVisible();
  });

  await test.step('he tries to end it, and is shown the promise before anything happens', async () => {
    await page.getByRole('button', { name: 'End contract' }).click();
    const dialog = page.getByRole('dialog', { name: `End contract ${contract.number}?` });
    await expect(dialog).toContainText('An agreement about this contract still binds us');
    await expect(dialog).toContainText(promise.title);
    await expect(dialog).toContainText(admin.name);
    await expect(dialog).toContainText(promise.resource);
    await page.screenshot({ path: screenshot('end-contract-agreement.png') });
    // He does not end it: he calls her first.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    const stillOpen = await (await page.request.get(`/api/v1/contracts/${ids.contractId}`)).json();
    expect(stillOpen.renewal).toBe('to_renegotiate');
  });

  await test.step("the customer's timeline tells him both: the call and the agreement", async () => {
    await page.getByRole('link', { name: customer.name }).first().click();
    await expect(page.getByRole('heading', { name: customer.name, level: 2 })).toBeVisible();
    const timeline = page.getByTestId('timeline');
    await expect(timeline.getByTestId('timeline-activity').filter({ hasText: call.subject })).toContainText(/Follow up/);
    await expect(timeline.getByTestId('timeline-agreement').filter({ hasText: promise.title })).toContainText('Binding');
    await expect(page.getByTestId('agreements').locator('.ant-alert')).toContainText(promise.title);
    await page.screenshot({ path: screenshot('customer-timeline-call-agreement.png'), fullPage: true });
  });
});
