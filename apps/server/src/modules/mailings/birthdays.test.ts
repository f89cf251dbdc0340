import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import type { MailSettings } from '../../http/route-helpers.ts';
import { type Browser, get, makeBakery, makeWorkspace, post, signIn, useTestApp } from '../../test/harness.ts';
import { startSmtpCapture } from '../../test/smtp-capture.ts';
import { birthdayJob } from './birthdays.ts';

const t = useTestApp();
const PUBLIC_URL = 'https://crm.example.test';
const stops: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

/** A real SMTP server on loopback that keeps what it receives and refuses one address for good. */
async function startSmtp(refused = 'nobody') {
  const smtp = await startSmtpCapture({ refuse: (address) => (address === refused ? 550 : undefined) });
  stops.push(smtp.close);
  return { received: smtp.received, mail: smtp.mailSettings('Forno Rossi <shop@example.test>') };
}

/** Runs the hourly job as the scheduler would, with the clock at `iso`. */
async function runJobAt(iso: string, mail?: MailSettings) {
  await birthdayJob(t.db, mail, PUBLIC_URL, { now: () => new Date(iso) })({}, () => false);
}

const settings = (browser: Browser, payload: Record<string, unknown>) =>
  browser.request({ method: 'PUT', url: '/api/v1/marketing/birthdays', payload });

const contact = (browser: Browser, firstName: string, birthday: string, extra: Record<string, unknown> = {}) =>
  post(browser, '/api/v1/contacts', { firstName, lastName: 'Bianchi', birthday, ...extra });

/** The birthday tasks of a workspace: title, assignee, due time, the contact it is about. */
async function birthdayTasks(workspaceId: string) {
  const { rows } = await t.pool.query(
    `SELECT t.title, t.assignee_id, t.due_at, l.record_id AS contact_id
     FROM task t JOIN task_link l ON l.workspace_id = t.workspace_id AND l.task_id = t.id AND l.record_type = 'contact'
     WHERE t.workspace_id = $1 AND t.kind = 'birthday' ORDER BY t.title`,
    [workspaceId],
  );
  return rows as { title: string; assignee_id: string; due_at: Date; contact_id: string }[];
}

const greetings = async (workspaceId: string) =>
  (
    await t.pool.query(
      `SELECT c.first_name, g.year, g.on::text AS on, g.action, g.status, g.task_id IS NOT NULL AS has_task
       FROM birthday_greeting g JOIN contact c ON c.workspace_id = g.workspace_id AND c.id = g.contact_id
       WHERE g.workspace_id = $1 ORDER BY g.year, c.first_name`,
      [workspaceId],
    )
  ).rows;

describe('birthday tasks', () => {
  it('gives the owner one "give a present" task per birthday, on the day in the workspace’s time zone and due by its end, however many runs', async () => {
    const { owner, employeeA } = await makeBakery(t);
    const workspaceId = owner.session.user.workspace.id;
    const giulia = await contact(employeeA.browser, 'Giulia', '1985-03-14');
    await contact(employeeA.browser, 'Marco', '1990-03-15');
    const binned = await contact(employeeA.browser, 'Sara', '1970-03-14');
    await owner.request({ method: 'DELETE', url: `/api/v1/contacts/${binned.id}` });
    // Another workspace with the automation off: its birthdays are none of this job's business.
    const other = await signIn(t, (await makeWorkspace(t)).admin.email);
    await contact(other, 'Lina', '1985-03-14');
    expect((await settings(owner, { enabled: true, action: 'task' })).statusCode).toBe(200);

    // 23:30 on the 13th in Rome: not yet.
    await runJobAt('2027-03-13T22:30:00Z');
    expect(await birthdayTasks(workspaceId)).toEqual([]);
    // 00:30 on the 14th in Rome, while it is still the 13th in UTC; then twice more that day.
    await runJobAt('2027-03-13T23:30:00Z');
    await runJobAt('2027-03-14T09:00:00Z');
    await runJobAt('2027-03-14T09:00:00Z');
    const tasks = await birthdayTasks(workspaceId);
    expect(tasks).toEqual([
      { title: 'Give a present to Giulia Bianchi', assignee_id: employeeA.user.id, due_at: expect.any(Date), contact_id: giulia.id },
    ]);
    // Due by the end of that day where the assignee lives.
    const { rows } = await t.pool.query('SELECT time_zone FROM app_user WHERE id = $1', [employeeA.user.id]);
    const due = DateTime.fromJSDate(tasks[0]?.due_at as Date, { zone: rows[0].time_zone });
    expect([due.toISODate(), due.hour]).toEqual(['2027-03-14', 23]);
    expect(await greetings(workspaceId)).toEqual([
      { first_name: 'Giulia', year: 2027, on: '2027-03-14', action: 'task', status: 'done', has_task: true },
    ]);
    expect((await get(other, '/api/v1/marketing/birthdays')).enabled).toBe(false);
    expect(await birthdayTasks(other.session.user.workspace.id)).toEqual([]);

    // The employee sees it among their tasks, about Giulia.
    const mine = await get(employeeA.browser, '/api/v1/tasks');
    expect(mine.data.map((task: { title: string; links: { id: string }[] }) => [task.title, task.links.map((l) => l.id)])).toEqual([
      ['Give a present to Giulia Bianchi', [giulia.id]],
    ]);

    // A year later, once again.
    await runJobAt('2028-03-14T09:00:00Z');
    expect((await birthdayTasks(workspaceId)).length).toBe(2);
  });

  it('greets those born on 29 February on the 28th in a year without one, and on the 29th in a leap year', async () => {
    const { owner } = await makeBakery(t);
    const workspaceId = owner.session.user.workspace.id;
    await contact(owner, 'Leap', '2000-02-29');
    await contact(owner, 'Eve', '1999-02-28');
    await settings(owner, { enabled: true, action: 'task' });

    await runJobAt('2027-02-28T10:00:00Z');
    expect((await greetings(workspaceId)).map((g) => [g.first_name, g.on])).toEqual([
      ['Eve', '2027-02-28'],
      ['Leap', '2027-02-28'],
    ]);
    await runJobAt('2028-02-28T10:00:00Z');
    await runJobAt('2028-02-29T10:00:00Z');
    expect((await greetings(workspaceId)).filter((g) => g.year === 2028).map((g) => [g.first_name, g.on])).toEqual([
      ['Eve', '2028-02-28'],
      ['Leap', '2028-02-29'],
    ]);
  });

  it('greets only the contacts of the chosen list or view', async () => {
    const { owner } = await makeBakery(t);
    const workspaceId = owner.session.user.workspace.id;
    await contact(owner, 'Alba', '1980-05-02', { class: 'A' });
    const b = await contact(owner, 'Bruno', '1980-05-02', { class: 'B' });
    await contact(owner, 'Carla', '1980-05-02', { class: 'A' });
    const list = await post(owner, '/api/v1/lists', { entity: 'contact', name: 'Best friends' });
    await owner.request({ method: 'POST', url: `/api/v1/lists/${list.id}/members`, payload: { ids: [b.id] } });
    const view = await post(owner, '/api/v1/views', { entity: 'contact', name: 'Class A', query: { 'filter[class]': 'A' } });

    expect((await settings(owner, { enabled: true, action: 'task', listId: list.id })).statusCode).toBe(200);
    await runJobAt('2027-05-02T10:00:00Z');
    expect((await birthdayTasks(workspaceId)).map((task) => task.contact_id)).toEqual([b.id]);

    expect((await settings(owner, { enabled: true, action: 'task', viewId: view.id })).statusCode).toBe(200);
    await runJobAt('2028-05-02T10:00:00Z');
    const greeted2028 = (await greetings(workspaceId)).filter((g) => g.year === 2028).map((g) => g.first_name);
    expect(greeted2028).toEqual(['Alba', 'Carla']);
  });
});

describe('birthday e-mails', () => {
  const VERSIONS = {
    en: {
      subject: 'Happy birthday, {{first_name}}!',
      mjml: '<mjml><mj-body><mj-section><mj-column><mj-text>Dear {{first_name}}, all the best for your {{age}} years. {{manager}}</mj-text></mj-column></mj-section></mj-body></mjml>',
    },
    it: {
      subject: 'Buon compleanno, {{first_name}}!',
      mjml: '<mjml><mj-body><mj-section><mj-column><mj-text>Cara {{first_name}}, tanti auguri per i tuoi {{age}} anni.</mj-text></mj-column></mj-section></mj-body></mjml>',
    },
  };

  it('mails the birthday template only to contacts who consented and whose address works, once, and marks an address refused for good', async () => {
    const smtp = await startSmtp('rita@example.test');
    const { owner } = await makeBakery(t);
    const workspaceId = owner.session.user.workspace.id;
    const template = await post(owner, '/api/v1/templates', { name: 'Birthday', purpose: 'birthday', versions: VERSIONS });
    const email = (name: string) => ({ emails: [{ label: 'work', value: `${name.toLowerCase()}@example.test` }] });
    const people = {
      giulia: await contact(owner, 'Giulia', '1990-06-10', { ...email('Giulia'), language: 'it' }),
      marco: await contact(owner, 'Marco', '1980-06-10', email('Marco')),
      sara: await contact(owner, 'Sara', '1980-06-10', email('Sara')),
      luca: await contact(owner, 'Luca', '1980-06-10', email('Luca')),
      anna: await contact(owner, 'Anna', '1980-06-10'),
      bruno: await contact(owner, 'Bruno', '1980-06-10', email('Bruno')),
      rita: await contact(owner, 'Rita', '1980-06-10', email('Rita')),
    };
    for (const [name, state] of [
      ['giulia', 'granted'],
      ['marco', 'granted'],
      ['luca', 'withdrawn'],
      ['anna', 'granted'],
      ['bruno', 'granted'],
      ['rita', 'granted'],
    ] as const) {
      const response = await owner.request({ method: 'PUT', url: `/api/v1/contacts/${people[name].id}/consent`, payload: { state } });
      expect(response.statusCode).toBe(200);
    }
    await t.pool.query('UPDATE contact SET email_bounced_at = now() WHERE workspace_id = $1 AND id = $2', [workspaceId, people.bruno.id]);
    const saved = await settings(owner, { enabled: true, action: 'email', templateId: template.id });
    expect(saved.json()).toMatchObject({ enabled: true, action: 'email', templateId: template.id, viewId: null, listId: null });

    await runJobAt('2027-06-10T07:00:00Z', smtp.mail);
    await runJobAt('2027-06-10T08:00:00Z', smtp.mail);
    const sent = smtp.received.map((mail) => [(Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address, mail.subject]);
    expect(sent.sort()).toEqual([
      ['giulia@example.test', 'Buon compleanno, Giulia!'],
      ['marco@example.test', 'Happy birthday, Marco!'],
    ]);
    const marco = smtp.received.find((mail) => mail.subject === 'Happy birthday, Marco!');
    expect(marco?.text).toContain('all the best for your 47 years. Anna Rossi');
    expect(marco?.from?.text).toContain('shop@example.test');
    expect((await greetings(workspaceId)).map((g) => [g.first_name, g.action, g.status])).toEqual([
      ['Anna', 'email', 'skipped_no_email'],
      ['Bruno', 'email', 'skipped_no_email'],
      ['Giulia', 'email', 'done'],
      ['Luca', 'email', 'skipped_no_consent'],
      ['Marco', 'email', 'done'],
      ['Rita', 'email', 'failed'],
      ['Sara', 'email', 'skipped_no_consent'],
    ]);
    // Rita's address was refused for good: marketing mail skips it from now on.
    expect((await get(owner, `/api/v1/contacts/${people.rita.id}/consent`)).emailBouncedAt).toEqual(expect.any(String));
  });

  it('carry a one-click unsubscribe header and link of their own, and the one-click POST withdraws the contact’s consent', async () => {
    const smtp = await startSmtp();
    const { owner } = await makeBakery(t);
    const workspaceId = owner.session.user.workspace.id;
    const mjml =
      '<mjml><mj-body><mj-section><mj-column><mj-text>Dear {{first_name}}</mj-text>' +
      '<mj-text><a href="{{unsubscribe_url}}">No more e-mails</a></mj-text></mj-column></mj-section></mj-body></mjml>';
    const template = await post(owner, '/api/v1/templates', {
      name: 'Birthday',
      purpose: 'birthday',
      versions: { en: { subject: 'Happy birthday, {{first_name}}!', mjml } },
    });
    const elena = await contact(owner, 'Elena', '1985-06-10', { emails: [{ label: 'work', value: 'elena@example.test' }] });
    await owner.request({ method: 'PUT', url: `/api/v1/contacts/${elena.id}/consent`, payload: { state: 'granted' } });
    await settings(owner, { enabled: true, action: 'email', templateId: template.id });

    await runJobAt('2027-06-10T07:00:00Z', smtp.mail);
    expect(smtp.received).toHaveLength(1);
    const [greeting] = smtp.received;
    const { rows } = await t.pool.query<{ token: string }>(
      'SELECT token FROM birthday_greeting WHERE workspace_id = $1 AND contact_id = $2',
      [workspaceId, elena.id],
    );
    const token = rows[0]?.token;
    expect(token).toEqual(expect.any(String));
    const unsubscribe = `${PUBLIC_URL}/u/${token}`;
    const header = (name: string) => greeting?.headerLines.find((h) => h.key === name)?.line.replace(/\r\n\s+/g, ' ');
    expect(header('list-unsubscribe')).toBe(`List-Unsubscribe: <${unsubscribe}>`);
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    // Mustache writes the link's characters as entities in the attribute.
    const html = String(greeting?.html).replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
    expect(html).toContain(`href="${unsubscribe}"`);

    const page = await t.app.inject({ method: 'GET', url: `/u/${token}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('elena@example.test');
    const oneClick = await t.app.inject({
      method: 'POST',
      url: `/u/${token}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.statusCode).toBe(200);
    const consent = await get(owner, `/api/v1/contacts/${elena.id}/consent`);
    expect(consent.state).toBe('withdrawn');
    expect(consent.history[0]).toMatchObject({ state: 'withdrawn', source: 'unsubscribe_link', detail: 'Birthday greeting 2027' });
    expect((await t.app.inject({ method: 'GET', url: `/u/${token}` })).body).toContain('already unsubscribed');
  });
});

describe('birthday settings', () => {
  it('are read by all, set and run by admins, and refuse a template that is not for birthdays', async () => {
    const { owner, employeeA } = await makeBakery(t);
    expect(await get(employeeA.browser, '/api/v1/marketing/birthdays')).toEqual({
      enabled: false,
      action: 'task',
      templateId: null,
      viewId: null,
      listId: null,
      updatedAt: null,
    });
    expect((await settings(employeeA.browser, { enabled: true, action: 'task' })).statusCode).toBe(403);
    expect((await employeeA.browser.request({ method: 'POST', url: '/api/v1/marketing/birthdays/run' })).statusCode).toBe(403);
    // Off: nothing to run.
    expect((await owner.request({ method: 'POST', url: '/api/v1/marketing/birthdays/run' })).statusCode).toBe(409);

    const noTemplate = await settings(owner, { enabled: true, action: 'email' });
    expect(noTemplate.statusCode).toBe(400);
    expect(noTemplate.json().errors).toEqual([{ path: 'templateId', message: 'A birthday template is needed to send greetings' }]);
    const news = await post(owner, '/api/v1/templates', {
      name: 'News',
      versions: {
        en: {
          subject: 'News',
          mjml: '<mjml><mj-body><mj-section><mj-column><mj-text>Hi</mj-text></mj-column></mj-section></mj-body></mjml>',
        },
      },
    });
    const wrong = await settings(owner, { enabled: true, action: 'email', templateId: news.id });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([{ path: 'templateId', message: 'Not a birthday template' }]);
    const strangerView = await post(await signIn(t, (await makeWorkspace(t)).admin.email), '/api/v1/views', {
      entity: 'contact',
      name: 'Theirs',
    });
    const foreign = await settings(owner, { enabled: true, action: 'task', viewId: strangerView.id });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors).toEqual([{ path: 'viewId', message: 'No such view of contacts' }]);
    expect((await get(owner, '/api/v1/marketing/birthdays')).enabled).toBe(false);
    // Greetings by e-mail need a mail server, which this server has none of.
    const card = await post(owner, '/api/v1/templates', { name: 'Card', purpose: 'birthday', versions: { en: news.versions.en } });
    expect((await settings(owner, { enabled: true, action: 'email', templateId: card.id })).statusCode).toBe(200);
    const noMail = await owner.request({ method: 'POST', url: '/api/v1/marketing/birthdays/run' });
    expect([noMail.statusCode, noMail.json().code]).toEqual([503, 'mail_not_configured']);

    // Run now greets today's birthdays (today in Rome) and says how many.
    const today = DateTime.now().setZone('Europe/Rome');
    await contact(employeeA.browser, 'Oggi', today.set({ year: 1990 }).toISODate() as string);
    expect((await settings(owner, { enabled: true, action: 'task' })).statusCode).toBe(200);
    const run = await owner.request({ method: 'POST', url: '/api/v1/marketing/birthdays/run' });
    expect(run.statusCode).toBe(200);
    expect(run.json()).toEqual({ greeted: 1, skipped: 0 });
    expect((await owner.request({ method: 'POST', url: '/api/v1/marketing/birthdays/run' })).json()).toEqual({ greeted: 0, skipped: 0 });
  });

  it('lists the coming birthdays the reader may see, nearest first, with the age they turn', async () => {
    const { owner, employeeA, employeeB } = await makeBakery(t);
    const today = DateTime.now().setZone('Europe/Rome').startOf('day');
    const born = (days: number, year: number) => today.plus({ days }).set({ year }).toISODate() as string;
    const soon = await contact(employeeA.browser, 'Soon', born(3, 1990));
    const first = await contact(employeeA.browser, 'Today', born(0, 2000));
    await contact(employeeA.browser, 'Later', born(20, 1990));
    await contact(employeeB.browser, 'Hidden', born(1, 1990));

    const upcoming = await get(employeeA.browser, '/api/v1/marketing/birthdays/upcoming?days=14');
    expect(upcoming.data).toEqual([
      {
        contactId: first.id,
        name: 'Today Bianchi',
        birthday: born(0, 2000),
        date: today.toISODate(),
        age: today.year - 2000,
        owner: { id: employeeA.user.id, name: 'Elio' },
        greeted: false,
      },
      expect.objectContaining({ contactId: soon.id, date: today.plus({ days: 3 }).toISODate() }),
    ]);
    expect((await get(owner, '/api/v1/marketing/birthdays/upcoming?days=14')).data).toHaveLength(3);
    expect((await get(owner, '/api/v1/marketing/birthdays/upcoming?days=30')).data).toHaveLength(4);
    const bad = await owner.request({ method: 'GET', url: '/api/v1/marketing/birthdays/upcoming?days=0' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('days');
  });
});
