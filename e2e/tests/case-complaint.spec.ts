import { randomInt } from 'node:crypto';
import { type Browser, type BrowserContext, expect, type Page, test } from '@playwright/test';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { admin, pickOption, screenshot } from './support.ts';

// Runs after the first-start journey (see the config), in the workspace it created, against a
// server started with a loopback SMTP address and a clock an admin may move (see the config).
// Stories 10–12: a complaint that is forwarded must not be forgotten. The admin sets up a
// complaint type with its SLA, a routing rule to purchasing and a knowledge-base answer; a
// salesperson registers a customer's complaint about plasterboard, routed to purchasing; purchasing
// hands it to service, which accepts it; the SLA clock runs on the case's page; when time passes
// the breach, the head of service is told in the app and by e-mail; service answers with the
// knowledge-base article, resolves the complaint as unfounded and records the customer's
// satisfaction; the statistics page counts it in this month against the last.

const tag = Array.from({ length: 4 }, () => 'bcdfghjklmnpqrstvwxz'[randomInt(20)]).join('');
const Tag = tag.charAt(0).toUpperCase() + tag.slice(1);
const password = 'no-complaint-forgotten';
const units = { sales: `Sales ${Tag}`, purchasing: `Purchasing ${Tag}`, service: `Service ${Tag}` };
const people = {
  seller: { name: `Paola Vendite ${Tag}`, email: `paola.${tag}@rossi-bakery.example`, role: 'employee', unit: units.sales },
  buyer: { name: `Piero Acquisti ${Tag}`, email: `piero.${tag}@rossi-bakery.example`, role: 'employee', unit: units.purchasing },
  technician: { name: `Sofia Servizio ${Tag}`, email: `sofia.${tag}@rossi-bakery.example`, role: 'employee', unit: units.service },
  head: { name: `Bruno Capo ${Tag}`, email: `bruno.${tag}@rossi-bakery.example`, role: 'manager', unit: units.service },
};
const customer = `Edilizia Gessi ${Tag}`;
const contact = { firstName: 'Luca', lastName: `Gessi ${Tag}`, email: `luca.${tag}@gessi.example` };
const contactName = `${contact.firstName} ${contact.lastName}`;
const typeName = 'Product complaint';
const categoryName = 'Plasterboard';
const subject = `Plasterboard sheets cracked (${Tag})`;
const article = {
  title: `Cracks in plasterboard after storage (${Tag})`,
  answer:
    'Plasterboard must be stored flat, indoors and dry. Cracks along the edges come from sheets stored upright or in the rain, not from manufacturing.',
};
const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2526);
const DAY = 86_400_000;
/** A day as the date inputs take it (DD/MM/YYYY), `offset` days from now. */
const inputDay = (offset: number) => {
  const day = new Date(Date.now() + offset * DAY);
  return `${String(day.getDate()).padStart(2, '0')}/${String(day.getMonth() + 1).padStart(2, '0')}/${day.getFullYear()}`;
};

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
  // Several people sign in on a busy machine: the first page may take a while.
  await expect(page.getByRole('heading', { name: `Welcome, ${person.name}` })).toBeVisible({ timeout: 45_000 });
}

/** Calls the API as the signed-in person of `page`, with the CSRF token. */
async function apiAs(page: Page) {
  const session = await (await page.request.get('/api/v1/auth/session')).json();
  const headers = { 'X-CSRF-Token': session.csrfToken as string };
  return async (method: 'GET' | 'POST' | 'PATCH', url: string, data?: Record<string, unknown>) => {
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

const mailTo = (mails: ParsedMail[], address: string) => mails.filter((mail) => JSON.stringify(mail.to ?? '').includes(address));

test('complaint case: routed to purchasing, handed to service, SLA breached and escalated, answered from the knowledge base, resolved unfounded, counted in statistics', async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  const smtp = await startSmtp();
  const contexts: BrowserContext[] = [];
  let companyId = '';
  let caseUrl = '';
  try {
    await test.step('the admin sets up units, people, the customer, the complaint type with its SLA, routing and a knowledge-base answer', async () => {
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
      // The salesperson looks after the customer (employees see their own customers).
      companyId = (await call('POST', '/api/v1/companies', { name: customer, ownerId: ids.seller })).id;
      await call('POST', '/api/v1/contacts', {
        ownerId: ids.seller,
        firstName: contact.firstName,
        lastName: contact.lastName,
        emails: [{ label: 'work', value: contact.email }],
        companies: [{ companyId, role: 'buyer' }],
      });
      // The complaint type, its SLA and its routing rule are the workspace's own: made once, the rule pointed at this run's unit.
      type Type = { id: string; name: string; categories: { id: string; name: string }[] };
      const types = (await call('GET', '/api/v1/case-types')).data as Type[];
      const type: Type =
        types.find((one) => one.name === typeName) ??
        (await call('POST', '/api/v1/case-types', { name: typeName, kind: 'complaint', categories: [{ name: categoryName }] }));
      const category = type.categories.find((one) => one.name === categoryName);
      if (!category) throw new Error('the plasterboard category is missing');
      const policies = (await call('GET', '/api/v1/sla-policies')).data as { type: { id: string } | null; priority: string | null }[];
      if (!policies.some((one) => one.type?.id === type.id && one.priority === null)) {
        await call('POST', '/api/v1/sla-policies', {
          name: 'Product complaints',
          typeId: type.id,
          firstResponseMinutes: 60,
          resolutionMinutes: 240,
          warnBeforeMinutes: 30,
        });
      }
      const rules = (await call('GET', '/api/v1/case-routing-rules')).data as { id: string; name: string }[];
      const rule = rules.find((one) => one.name === 'Plasterboard to purchasing');
      const target = { typeId: type.id, categoryId: category.id, unitId: unitIds[units.purchasing] };
      if (rule) await call('PATCH', `/api/v1/case-routing-rules/${rule.id}`, target);
      else await call('POST', '/api/v1/case-routing-rules', { name: 'Plasterboard to purchasing', position: 0, ...target });
      await call('POST', '/api/v1/kb-articles', {
        title: article.title,
        body: `<p>${article.answer}</p><p>Show the customer the storage instructions printed on the pallet.</p>`,
        answer: article.answer,
        language: 'en',
        audience: 'internal',
        status: 'published',
        tags: ['plasterboard'],
      });
    });

    const seller = await newPage(browser, contexts);
    await test.step('the salesperson registers the complaint in the web app: it is routed to purchasing', async () => {
      await signIn(seller, people.seller);
      await seller.goto('/cases');
      await seller.getByRole('button', { name: 'Register a case' }).click();
      const dialog = seller.getByRole('dialog', { name: 'Register a case' });
      await dialog.getByRole('combobox', { name: 'Company' }).fill(customer);
      await pickOption(seller, customer);
      await dialog.getByRole('combobox', { name: 'Contact' }).fill(contact.lastName);
      await pickOption(seller, `${contactName} · ${customer}`);
      await dialog.getByRole('combobox', { name: 'Type' }).click();
      await pickOption(seller, typeName);
      await dialog.getByRole('combobox', { name: 'Category' }).click();
      await pickOption(seller, categoryName);
      await dialog.getByLabel('Subject').fill(subject);
      await dialog.getByLabel('Description').fill('Twelve sheets of 12.5 mm plasterboard delivered on Monday have cracks along the edges.');
      await seller.screenshot({ path: screenshot('case-complaint-register.png') });
      await dialog.getByRole('button', { name: 'Register', exact: true }).click();
      await expect(seller.getByRole('heading', { name: subject })).toBeVisible();
      await expect(seller.getByText(`routed to the ${units.purchasing} queue`)).toBeVisible();
      await expect(seller.getByText("In the unit's queue")).toBeVisible();
      caseUrl = new URL(seller.url()).pathname;
      await seller.screenshot({ path: screenshot('case-complaint-routed.png'), fullPage: true });
    });

    const buyer = await newPage(browser, contexts);
    await test.step('purchasing takes the case and hands it over to service, which must accept it', async () => {
      await signIn(buyer, people.buyer);
      await buyer.goto(caseUrl);
      await buyer.getByRole('button', { name: 'Take it' }).click();
      await expect(buyer.getByText('The case is yours now.')).toBeVisible();
      await buyer.getByRole('button', { name: 'Hand over' }).click();
      const dialog = buyer.getByRole('dialog', { name: 'Hand over to another unit' });
      // Other journeys' units fill the list: the name is typed first.
      await dialog.getByRole('combobox', { name: 'Unit' }).fill(units.service);
      await pickOption(buyer, units.service);
      await dialog.getByLabel('Note').fill('The sheets come from our supplier; please check how they were stored on site.');
      await dialog.getByRole('button', { name: 'Hand over', exact: true }).click();
      await expect(dialog).toBeHidden();
      await expect(buyer.getByTestId('handover')).toContainText(`Waiting for ${units.service} to accept the case.`);
      await buyer.screenshot({ path: screenshot('case-complaint-handed-over.png'), fullPage: true });
    });

    const technician = await newPage(browser, contexts);
    await test.step('a service employee accepts the assignment: the case moves to them, its SLA clock running', async () => {
      await signIn(technician, people.technician);
      await technician.goto(caseUrl);
      await technician.getByRole('link', { name: 'Open the assignment' }).click();
      await technician.getByRole('button', { name: 'Accept', exact: true }).click();
      const dialog = technician.getByRole('dialog', { name: 'Accept the task' });
      const committed = dialog.getByLabel('Committed date');
      if (await committed.count()) {
        await committed.fill(inputDay(1));
        await committed.press('Tab');
      }
      await dialog.getByRole('button', { name: 'Accept', exact: true }).click();
      await expect(dialog).toBeHidden();
      await technician.goto(caseUrl);
      const details = technician.getByTestId('case-details');
      await expect(details).toContainText(people.technician.name);
      await expect(details).toContainText(units.service);
      await expect(technician.getByTestId('handover')).toHaveCount(0);
      const sla = technician.getByTestId('sla-panel');
      await expect(sla).toContainText('First response');
      await expect(sla).toContainText(/left/);
      await technician.screenshot({ path: screenshot('case-complaint-accepted-sla.png'), fullPage: true });
    });

    await test.step('five hours later the SLA is breached: the head of service is told in the app and by e-mail', async () => {
      const call = await apiAs(page);
      await call('POST', '/api/v1/system/clock', { minutes: 5 * 60 });
      const head = await newPage(browser, contexts);
      await signIn(head, people.head);
      const bell = head.getByRole('button', { name: /Notifications, unread: [1-9]/ });
      await expect(bell).toBeVisible({ timeout: 30_000 });
      await bell.click();
      const notice = head.getByTestId('notification').filter({ hasText: subject }).first();
      await expect(notice).toBeVisible();
      await head.screenshot({ path: screenshot('case-complaint-escalated.png') });
      // The head heard of the assignment to their unit before; now of the missed deadline, linking the case.
      const breachMail = () =>
        mailTo(smtp.received, people.head.email).find((one) => (one.text ?? '').includes(subject) && (one.text ?? '').includes('/cases/'));
      await expect.poll(() => Boolean(breachMail()), { timeout: 30_000 }).toBe(true);
      expect(breachMail()?.subject).toBeTruthy();

      await technician.reload();
      await expect(technician.getByTestId('sla-panel')).toContainText('Overdue by');
      await technician.screenshot({ path: screenshot('case-complaint-breached.png'), fullPage: true });
    });

    await test.step('service answers by e-mail with the knowledge-base article and resolves the complaint as unfounded', async () => {
      const editor = technician.getByTestId('reply-editor');
      await editor.getByRole('combobox', { name: 'Channel' }).click();
      await pickOption(technician, 'E-mail');
      await editor.getByRole('textbox', { name: 'Message' }).fill(`Dear ${contactName},`);
      await editor.getByRole('button', { name: 'Insert from knowledge base' }).click();
      const drawer = technician.getByRole('dialog', { name: 'Insert from knowledge base' });
      await drawer.getByRole('textbox', { name: 'Search the knowledge base' }).fill('plasterboard cracks');
      await expect(drawer.getByTestId('kb-result').filter({ hasText: article.title })).toBeVisible();
      await technician.screenshot({ path: screenshot('case-complaint-kb-search.png') });
      await drawer.getByRole('button', { name: `Insert “${article.title}”` }).click();
      await expect(editor.getByRole('textbox', { name: 'Message' })).toHaveValue(`Dear ${contactName},\n\n${article.answer}`);
      await editor.getByRole('button', { name: 'Send reply' }).click();
      await expect(technician.getByTestId('case-message').filter({ hasText: article.answer })).toBeVisible();
      await expect.poll(() => mailTo(smtp.received, contact.email).length, { timeout: 30_000 }).toBeGreaterThan(0);
      expect(mailTo(smtp.received, contact.email)[0]?.text).toContain('stored flat');

      await technician.getByTestId('case-actions').getByRole('button', { name: 'Resolve' }).click();
      const dialog = technician.getByRole('dialog', { name: 'Resolve the case' });
      await dialog.getByText('Unfounded', { exact: true }).click();
      await dialog.getByLabel('Reason for the verdict').fill('Photos from the site show the pallet stored upright in the rain.');
      await dialog.getByLabel('Resolution').fill('Explained the storage instructions; no replacement due.');
      await technician.screenshot({ path: screenshot('case-complaint-resolve.png') });
      await dialog.getByRole('button', { name: 'Resolve', exact: true }).click();
      await expect(dialog).toBeHidden();
      await expect(technician.getByText('Unfounded').first()).toBeVisible();
    });

    await test.step('the customer’s satisfaction is recorded', async () => {
      const card = technician.getByTestId('satisfaction');
      await card.locator('.ant-rate-star').nth(3).click();
      await card.getByRole('textbox', { name: 'Comment' }).fill('Not happy with the verdict, but the answer was quick and clear.');
      await card.getByRole('button', { name: 'Record satisfaction' }).click();
      await expect(card).toContainText('Recorded');
      await technician.screenshot({ path: screenshot('case-complaint-resolved.png'), fullPage: true });
    });

    await test.step('the customer’s page shows the case; the statistics count it in this month against the last', async () => {
      await seller.goto(`/companies/${companyId}`);
      await expect(seller.getByTestId('customer-cases')).toContainText(subject);
      await seller.getByTestId('customer-cases').scrollIntoViewIfNeeded();
      await seller.screenshot({ path: screenshot('case-complaint-customer-page.png') });

      await page.goto('/cases/statistics');
      await expect(page.getByText(typeName).first()).toBeVisible();
      await page.screenshot({ path: screenshot('case-complaint-statistics.png'), fullPage: true });
    });
  } finally {
    for (const context of contexts) await context.close();
    await smtp.stop();
  }
});
