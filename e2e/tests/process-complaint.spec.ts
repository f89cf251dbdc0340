import { randomInt } from 'node:crypto';
import { type Browser, type BrowserContext, expect, type Page, test } from '@playwright/test';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { admin, pickOption, screenshot } from './support.ts';

// Runs after the first-start journey (see the config), in the workspace it created, against a
// server started with a loopback SMTP address and a clock an admin may move (see the config).
// Story 5: the complaint-handling poster becomes a process each person meets on screen. The admin
// takes the shipped template, gives its steps to the quality and service units and publishes it;
// a salesperson registers a customer's complaint, which starts it; the quality employee finds the
// first step in My day and fills its form; the gateway sends a founded complaint to the service
// unit's queue; when the service step is two days late, the timer escalates it to the owner's
// manager by e-mail; the monitor draws the instance where it stands.

const tag = Array.from({ length: 4 }, () => 'bcdfghjklmnpqrstvwxz'[randomInt(20)]).join('');
const Tag = tag.charAt(0).toUpperCase() + tag.slice(1);
const password = 'every-step-on-screen';
const units = { sales: `Sales ${Tag}`, quality: `Quality ${Tag}`, service: `Service ${Tag}` };
const people = {
  seller: { name: `Paola Vendite ${Tag}`, email: `paola.${tag}@rossi-bakery.example`, role: 'employee', unit: units.sales },
  head: { name: `Bruno Capo ${Tag}`, email: `bruno.${tag}@rossi-bakery.example`, role: 'manager', unit: units.sales },
  inspector: { name: `Chiara Qualità ${Tag}`, email: `chiara.${tag}@rossi-bakery.example`, role: 'employee', unit: units.quality },
  technician: { name: `Dario Tecnico ${Tag}`, email: `dario.${tag}@rossi-bakery.example`, role: 'employee', unit: units.service },
};
const customer = `Pasticceria Dolce ${Tag}`;
const processName = `Complaint handling ${Tag}`;
const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2526);

/** The SMTP server the Clientela server sends its mail to, keeping what it receives. */
async function startSmtp() {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData: (stream, _session, callback) => {
      simpleParser(stream).then(
        (mail) => {
          received.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(SMTP_PORT, '127.0.0.1', resolve));
  return { received, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

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
  return async (method: 'GET' | 'POST', url: string, data?: Record<string, unknown>) => {
    const response = await page.request.fetch(url, { method, headers, ...(data ? { data } : {}) });
    expect(response.ok(), `${method} ${url}: ${await response.text()}`).toBe(true);
    return response.json();
  };
}

async function newPage(browser: Browser, contexts: BrowserContext[]): Promise<Page> {
  const { baseURL, locale, timezoneId, viewport, reducedMotion } = test.info().project.use;
  const context = await browser.newContext({ baseURL, locale, timezoneId, viewport, reducedMotion });
  contexts.push(context);
  return context.newPage();
}

test('complaint process: published from the template, started by a complaint, steps in My day, routed, escalated when late, watched on the diagram', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const smtp = await startSmtp();
  const contexts: BrowserContext[] = [];
  try {
    await test.step('the admin sets up the units, the people and the customer', async () => {
      await signIn(page, admin, admin.password);
      const call = await apiAs(page);
      const unitIds: Record<string, string> = {};
      for (const name of Object.values(units)) unitIds[name] = (await call('POST', '/api/v1/units', { name, parentId: null })).id;
      const ids: Record<string, string> = {};
      for (const [key, person] of Object.entries(people)) {
        const { unit, ...rest } = person;
        ids[key] = (
          await call('POST', '/api/v1/users', { ...rest, password, unitId: unitIds[unit], locale: 'en', timeZone: 'Europe/Rome' })
        ).id;
      }
      await call('POST', '/api/v1/companies', { name: customer, ownerId: ids.seller });
    });

    await test.step('the admin takes the complaint-handling template, gives its steps to the units and publishes it', async () => {
      await page.goto('/processes');
      await page.getByRole('button', { name: 'From a template' }).click();
      const templates = page.getByRole('dialog', { name: 'Start from a template' });
      await templates.getByRole('listitem').filter({ hasText: 'Complaint handling' }).getByRole('button', { name: 'Use' }).click();
      await expect(page.locator('.djs-element[data-element-id="assessComplaint"]')).toBeVisible();

      const panel = page.locator('.clientela-designer-panel');
      const group = (label: string) =>
        panel
          .locator('.bio-properties-panel-group')
          .filter({ has: page.locator('.bio-properties-panel-group-header', { hasText: label }) });
      const openGroup = async (label: string) => {
        const header = group(label).locator('.bio-properties-panel-group-header');
        if (!(await header.evaluate((node) => node.classList.contains('open')))) await header.click();
      };
      for (const [step, unit] of [
        ['assessComplaint', units.quality],
        ['repairOrReplace', units.service],
      ] as const) {
        await page.locator(`.djs-element[data-element-id="${step}"]`).click();
        await openGroup('Clientela');
        await group('Clientela').getByLabel('Performed by').selectOption({ label: "A unit's queue" });
        await group('Clientela').getByLabel('Unit').selectOption({ label: unit });
      }
      await page.locator(`.djs-element[data-element-id="assessComplaint"]`).click();
      await page.screenshot({ path: screenshot('process-complaint-designer.png') });
      await page.getByRole('button', { name: 'Save draft' }).click();
      await expect(page.getByText('Draft saved')).toBeVisible();
      await page.getByRole('button', { name: 'Publish' }).click();
      await expect(page.locator('.ant-message').getByText('Version 1 published', { exact: true })).toBeVisible();
      // The admin gives it a name of its own in the list.
      const call = await apiAs(page);
      const list = await call('GET', '/api/v1/process-definitions?limit=200');
      const created = (list.data as { id: string; name: string; publishedVersion: number | null }[]).find(
        (one) => one.name === 'Complaint handling' && one.publishedVersion === 1,
      );
      expect(created, 'the published complaint process').toBeTruthy();
      await page.request.fetch(`/api/v1/process-definitions/${created?.id}`, {
        method: 'PATCH',
        headers: { 'X-CSRF-Token': (await (await page.request.get('/api/v1/auth/session')).json()).csrfToken },
        data: { name: processName },
      });
    });

    const seller = await newPage(browser, contexts);
    await test.step('the salesperson registers the customer’s complaint, which starts the process', async () => {
      await signIn(seller, people.seller);
      await seller.goto('/processes');
      const row = seller.getByRole('row').filter({ hasText: processName });
      await expect(row.getByText('v1')).toBeVisible();
      await row.getByRole('button', { name: 'Start' }).click();
      const dialog = seller.getByRole('dialog', { name: `Start “${processName}”` });
      await dialog.getByRole('combobox', { name: 'Company' }).fill(customer);
      await pickOption(seller, customer);
      await dialog.getByLabel('Product').fill('Chocolate cake, 2 kg');
      await dialog.getByLabel('What is wrong').fill('The cake arrived broken; the party is on Saturday.');
      await dialog.getByRole('combobox', { name: 'Severity' }).click();
      await pickOption(seller, 'high');
      await seller.screenshot({ path: screenshot('process-complaint-start.png') });
      await dialog.getByRole('button', { name: 'Start' }).click();
      await expect(seller.getByText('The process has started')).toBeVisible();
    });

    const inspector = await newPage(browser, contexts);
    await test.step('the quality employee finds the first step in My day and fills its form: founded', async () => {
      await signIn(inspector, people.inspector);
      const item = inspector.getByRole('link', { name: 'Assess the complaint' });
      await expect(item).toBeVisible();
      await inspector.screenshot({ path: screenshot('process-complaint-my-day.png') });
      await item.click();
      const stepPanel = inspector.locator('.ant-card').filter({ has: inspector.getByText('Process step', { exact: true }) });
      await expect(stepPanel).toContainText(processName);
      await stepPanel.getByRole('combobox', { name: 'Verdict' }).click();
      await pickOption(inspector, 'founded');
      await stepPanel.getByLabel('Reason').fill('Packed without the cardboard insert.');
      await inspector.screenshot({ path: screenshot('process-complaint-step-form.png') });
      await stepPanel.getByRole('button', { name: 'Complete step' }).click();
      await expect(stepPanel.getByText(`by ${people.inspector.name} on`)).toBeVisible();
    });

    const technician = await newPage(browser, contexts);
    await test.step('the gateway sends the founded complaint to the service unit’s queue', async () => {
      await signIn(technician, people.technician);
      await expect(technician.getByRole('link', { name: 'Repair or replace' })).toBeVisible();
    });

    await test.step('two days later the service step is late: the owner’s manager gets an e-mail', async () => {
      const call = await apiAs(page);
      await call('POST', '/api/v1/system/clock', { minutes: 2 * 24 * 60 + 60 });
      await expect
        .poll(() => smtp.received.filter((mail) => JSON.stringify(mail.to ?? '').includes(people.head.email)).length, { timeout: 30_000 })
        .toBeGreaterThan(0);
      const mail = smtp.received.find((one) => JSON.stringify(one.to ?? '').includes(people.head.email));
      expect(mail?.subject).toContain(customer);
    });

    await test.step('the monitor draws the instance where it stands, with its history', async () => {
      await page.goto('/processes');
      await page.getByRole('row').filter({ hasText: processName }).getByRole('link', { name: processName }).click();
      const instance = page.getByRole('row').filter({ hasText: customer });
      await expect(instance).toContainText('Repair or replace');
      await page.screenshot({ path: screenshot('process-complaint-monitor.png') });
      await instance.getByText('Repair or replace').click();
      await expect(page.locator('.djs-element[data-element-id="repairOrReplace"]')).toBeVisible();
      await expect(
        page.getByText('Escalate to the owner’s manager').or(page.getByText("Escalate to the owner's manager")).first(),
      ).toBeVisible();
      await page.screenshot({ path: screenshot('process-complaint-instance.png'), fullPage: true });
    });
  } finally {
    for (const context of contexts) await context.close();
    await smtp.stop();
  }
});
