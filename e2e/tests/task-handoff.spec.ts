import { randomInt } from 'node:crypto';
import { type Browser, type BrowserContext, expect, type Page, test } from '@playwright/test';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { admin, pickOption, screenshot } from './support.ts';

// Runs after the first-start journey (see the config), in the workspace it created, against a
// server started with a loopback SMTP address and a clock an admin may move (see the config).
// Story 4: a request passed from sales to the service unit must not vanish. The salesperson
// sees the unit's standard lead time before promising anything; the service employee is told at
// once and accepts with a date; the salesperson sees it accepted; when the date passes, the head
// of the service unit is told, in the app and by e-mail.

const tag = Array.from({ length: 4 }, () => 'bcdfghjklmnpqrstvwxz'[randomInt(20)]).join('');
const Tag = tag.charAt(0).toUpperCase() + tag.slice(1);
const service = `Service ${Tag}`;
const password = 'cold-air-in-summer';
const people = {
  seller: { name: `Sara Sales ${Tag}`, email: `sara.${tag}@rossi-bakery.example`, role: 'employee' },
  technician: { name: `Sergio Tech ${Tag}`, email: `sergio.${tag}@rossi-bakery.example`, role: 'employee' },
  head: { name: `Hana Head ${Tag}`, email: `hana.${tag}@rossi-bakery.example`, role: 'manager' },
};
const title = `Test two air conditioners (${Tag})`;
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
  await expect(page.getByRole('heading', { name: `Welcome, ${person.name}` })).toBeVisible();
}

/** Calls the API as the signed-in person of `page`, with the CSRF token. */
async function apiAs(page: Page) {
  const session = await (await page.request.get('/api/v1/auth/session')).json();
  const headers = { 'X-CSRF-Token': session.csrfToken as string };
  return async (method: 'POST' | 'PUT', url: string, data: Record<string, unknown>) => {
    const response = await page.request.fetch(url, { method, headers, data });
    expect(response.ok(), `${method} ${url}: ${await response.text()}`).toBe(true);
    return response.json();
  };
}

/** The admin makes the service unit with its standard lead time, and the three people. */
async function createTeam(page: Page) {
  const call = await apiAs(page);
  const unit = await call('POST', '/api/v1/units', { name: service, parentId: null });
  await call('PUT', `/api/v1/units/${unit.id}/lead-times`, { data: [{ kind: 'Equipment testing', days: 14 }] });
  for (const person of Object.values(people)) {
    const unitId = person === people.seller ? null : unit.id;
    await call('POST', '/api/v1/users', { ...person, password, unitId, locale: 'en', timeZone: 'Europe/Rome' });
  }
}

async function newPage(browser: Browser, contexts: BrowserContext[]): Promise<Page> {
  const { baseURL, locale, timezoneId, viewport, reducedMotion } = test.info().project.use;
  const context = await browser.newContext({ baseURL, locale, timezoneId, viewport, reducedMotion });
  contexts.push(context);
  return context.newPage();
}

test('task hand-off: lead time before sending, live receipt and acceptance, escalation to the unit head by notice and e-mail', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const smtp = await startSmtp();
  const contexts: BrowserContext[] = [];
  try {
    await test.step('the admin sets up the service unit: 14 days for equipment testing', async () => {
      await signIn(page, admin, admin.password);
      await createTeam(page);
    });

    const seller = await newPage(browser, contexts);
    const technician = await newPage(browser, contexts);
    await test.step('the service technician has Clientela open; nothing is new', async () => {
      await signIn(technician, people.technician);
      await expect(technician.getByRole('button', { name: 'Notifications, unread: 0' })).toBeVisible();
    });

    await test.step('the salesperson sends the task to the Service queue and is shown the lead time first', async () => {
      await signIn(seller, people.seller);
      await seller.goto('/tasks');
      await seller.getByRole('button', { name: 'Send a task' }).click();
      const drawer = seller.getByRole('dialog', { name: 'Send a task' });
      await drawer.getByLabel('Title').fill(title);
      await drawer.getByText("A unit's queue").click();
      await drawer.getByRole('combobox', { name: 'Unit' }).click();
      await pickOption(seller, service);
      await drawer.getByLabel('Kind of work').fill('Equipment testing');
      const leadTime = drawer.getByTestId('lead-time');
      await expect(leadTime).toContainText(`${service} needs 14 days for Equipment testing: earliest due`);
      // She first thinks of a week: the form warns that it is earlier than the unit can do.
      const due = drawer.getByLabel('Due');
      await due.fill(`${inputDay(7)} 10:00`);
      await due.press('Enter');
      await expect(drawer.getByText("The due date is earlier than the unit's standard lead time allows")).toBeVisible();
      await due.fill(`${inputDay(15)} 10:00`);
      await due.press('Enter');
      await expect(drawer.getByText("The due date is earlier than the unit's standard lead time allows")).toBeHidden();
      await seller.screenshot({ path: screenshot('task-send-lead-time.png') });
      await drawer.getByRole('button', { name: 'Send', exact: true }).click();
      await expect(drawer).toBeHidden();
    });

    await test.step('the technician is told at once, without reloading, and accepts with a date', async () => {
      // The bell asks by itself only every five minutes: this is the live stream.
      await expect(technician.getByRole('button', { name: 'Notifications, unread: 1' })).toBeVisible({ timeout: 10_000 });
      await technician.getByRole('button', { name: 'Notifications, unread: 1' }).click();
      const notice = technician.getByTestId('notification').filter({ hasText: title });
      await expect(notice).toContainText(`${people.seller.name} sent your unit a task: ${title}`);
      await technician.screenshot({ path: screenshot('task-received-live.png') });
      await notice.click();
      await expect(technician.getByRole('heading', { name: title })).toBeVisible();
      await technician.getByRole('button', { name: 'Accept', exact: true }).click();
      const dialog = technician.getByRole('dialog', { name: 'Accept the task' });
      const committed = dialog.getByLabel('Committed date');
      await committed.fill(inputDay(14));
      // Leaving the field keeps the typed date (Enter would also send the form, sometimes before the click).
      await committed.press('Tab');
      await dialog.getByRole('button', { name: 'Accept', exact: true }).click();
      await expect(dialog).toBeHidden();
      await expect(technician.getByText(`Accepted by ${people.technician.name}`)).toBeVisible();
    });

    await test.step('the salesperson sees it accepted, by whom and for when', async () => {
      await expect(seller.getByRole('button', { name: 'Notifications, unread: 1' })).toBeVisible({ timeout: 10_000 });
      await seller.getByRole('button', { name: 'Notifications, unread: 1' }).click();
      await seller.getByTestId('notification').filter({ hasText: title }).click();
      await expect(seller.getByText(`Accepted by ${people.technician.name}, committed to`)).toBeVisible();
      await expect(seller.getByTestId('task-event').last()).toContainText(`${people.technician.name} Received → Accepted`);
      await seller.screenshot({ path: screenshot('task-accepted-seen-by-sender.png') });
    });

    await test.step('sixteen days later the task is overdue: the head of Service is told in the app and by e-mail', async () => {
      const call = await apiAs(page);
      const moved = await call('POST', '/api/v1/system/clock', { minutes: 16 * 24 * 60 });
      expect(moved.sent).toBeGreaterThan(0);
      const head = await newPage(browser, contexts);
      await signIn(head, people.head);
      const bell = head.getByRole('button', { name: /Notifications, unread: [1-9]/ });
      await bell.click();
      // She had heard of the task when it reached her unit's queue; now of its delay.
      const escalation = head
        .getByTestId('notification')
        .filter({ hasText: `Escalation: ${title} (${people.technician.name}) is overdue` });
      await expect(escalation).toBeVisible();
      await head.screenshot({ path: screenshot('task-escalated-to-head.png') });

      await expect
        .poll(() => smtp.received.filter((mail) => mail.to && JSON.stringify(mail.to).includes(people.head.email)).length, {
          timeout: 30_000,
        })
        .toBeGreaterThan(0);
      const mail = smtp.received.find((m) => JSON.stringify(m.to).includes(people.head.email) && m.text?.includes(title));
      expect(mail, 'an e-mail to the head about the task').toBeTruthy();
      expect(mail?.text).toContain('/tasks/');
    });
  } finally {
    for (const context of contexts) await context.close();
    await smtp.stop();
  }
});
