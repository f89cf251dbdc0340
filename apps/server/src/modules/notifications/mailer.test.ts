import { NOTIFICATION_KINDS } from '@clientela/contract';
import type { ParsedMail } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase } from '../../db/client.ts';
import { type Browser, get, makeBakery, post, useTestApp } from '../../test/harness.ts';
import { startSmtpCapture } from '../../test/smtp-capture.ts';
import { type MailerOptions, startMailer } from './mailer.ts';

const t = useTestApp();
const PUBLIC_URL = 'https://crm.example.test';
const quiet = { info: () => {}, warn: () => {} };
const stops: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

/** A real SMTP server on loopback that keeps what it receives; `reject` turns recipients away while it says so. */
async function startSmtp(reject: () => boolean = () => false) {
  const smtp = await startSmtpCapture({ auth: { user: 'clientela', pass: 'secret' }, refuse: () => (reject() ? 451 : undefined) });
  stops.push(smtp.close);
  const received: ParsedMail[] = smtp.received;
  return { received, url: smtp.url };
}

function mailer(url: string, options: Partial<MailerOptions> = {}) {
  const started = startMailer({
    pool: t.pool,
    transport: url,
    from: 'Clientela <crm@example.test>',
    publicUrl: PUBLIC_URL,
    log: quiet,
    intervalMs: 60_000,
    ...options,
  });
  stops.push(started.stop);
  return started;
}

const addressOf = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address;

const emailState = async (id: string) =>
  (await t.pool.query('SELECT email_state, email_attempts, read_at FROM notification WHERE task_id = $1', [id])).rows;

const setPreferences = (browser: Browser, data: { kind: string; inApp: boolean; email: boolean }[]) =>
  browser.request({ method: 'PUT', url: '/api/v1/notifications/preferences', payload: { data } });

describe('notification e-mails', () => {
  it('e-mails a task to its assignee once, in their language and time zone, with a link to it', async () => {
    const smtp = await startSmtp();
    const sender = mailer(smtp.url);
    const { employeeA, employeeB } = await makeBakery(t);
    await employeeA.browser.request({ method: 'PATCH', url: '/api/v1/me', payload: { locale: 'ru', timeZone: 'Asia/Vladivostok' } });
    const task = await post(employeeB.browser, '/api/v1/tasks', {
      title: 'Prices <b>& terms</b>',
      assigneeId: employeeA.user.id,
      dueAt: '2026-12-20T09:00:00.000Z',
    });
    expect(await emailState(task.id)).toEqual([{ email_state: 'pending', email_attempts: 0, read_at: null }]);

    expect(await sender.sendNow()).toBe(1);
    expect(await sender.sendNow()).toBe(0);
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received as [ParsedMail];
    expect(addressOf(mail)).toBe(employeeA.user.email);
    expect(mail.from?.value[0]?.address).toBe('crm@example.test');
    expect(mail.subject).toBe('Bea поручил(а) вам задачу: Prices <b>& terms</b>');
    expect(mail.text).toContain('Здравствуйте, Elio!');
    expect(mail.text).toContain(`${PUBLIC_URL}/tasks/${task.id}`);
    // 09:00 UTC is 19:00 in Vladivostok.
    expect(mail.text).toMatch(/Срок: 20 дек\. 2026 г\., 19:00/);
    expect(mail.html).toContain(`href="${PUBLIC_URL}/tasks/${task.id}"`);
    expect(mail.html).toContain('Prices &lt;b&gt;&amp; terms&lt;/b&gt;');
    expect(mail.html).not.toContain('<b>&');
    expect(await emailState(task.id)).toEqual([{ email_state: 'sent', email_attempts: 1, read_at: null }]);
  });

  it('sends each mail exactly once while two processes send at the same time', async () => {
    const smtp = await startSmtp();
    const { shopA, managerA, employeeA, employeeA2, employeeB } = await makeBakery(t);
    const second = createDatabase(t.url, 4);
    stops.push(() => second.pool.end());
    const one = mailer(smtp.url, { batchSize: 3, intervalMs: 5 });
    const two = mailer(smtp.url, { batchSize: 3, intervalMs: 5, pool: second.pool });
    for (let i = 1; i <= 12; i++) await post(employeeB.browser, '/api/v1/tasks', { title: `Order ${i}`, assigneeId: employeeA.user.id });
    // A queue's task: its three members are each e-mailed.
    await post(employeeB.browser, '/api/v1/tasks', { title: 'Deliver 40 loaves', queueUnitId: shopA.id });
    const sent = (await Promise.all([one.sendNow(), two.sendNow(), one.sendNow(), two.sendNow()])).reduce((a, b) => a + b, 0);
    await expect.poll(() => smtp.received.length).toBe(15);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(smtp.received).toHaveLength(15);
    expect(sent).toBeLessThanOrEqual(15);
    const keys = smtp.received.map((mail) => `${addressOf(mail)} ${mail.subject}`);
    expect(new Set(keys).size).toBe(15);
    const { rows } = await t.pool.query('SELECT email_state, email_attempts FROM notification WHERE user_id = ANY($1::uuid[])', [
      [managerA.user.id, employeeA.user.id, employeeA2.user.id],
    ]);
    expect(rows).toHaveLength(15);
    expect(rows.every((row) => row.email_state === 'sent' && row.email_attempts === 1)).toBe(true);
  });

  it('tries again when the SMTP server turns a mail away, gives up after the last try, and takes over a mail whose sender died', async () => {
    let refusals = 2;
    const smtp = await startSmtp(() => refusals-- > 0);
    // Waits long enough that a busy machine still checks "not before its wait is over" in time.
    const sender = mailer(smtp.url, { retryDelaysMs: [2_000, 2_000] });
    const waitOut = () => new Promise((resolve) => setTimeout(resolve, 2_100));
    const { employeeA, employeeB } = await makeBakery(t);
    const task = await post(employeeB.browser, '/api/v1/tasks', { title: 'Call the mill', assigneeId: employeeA.user.id });
    expect(await sender.sendNow()).toBe(0);
    expect(await emailState(task.id)).toEqual([{ email_state: 'pending', email_attempts: 1, read_at: null }]);
    // Not before its wait is over.
    expect(await sender.sendNow()).toBe(0);
    expect((await emailState(task.id))[0].email_attempts).toBe(1);
    await waitOut();
    expect(await sender.sendNow()).toBe(0);
    await waitOut();
    expect(await sender.sendNow()).toBe(1);
    expect(await emailState(task.id)).toEqual([{ email_state: 'sent', email_attempts: 3, read_at: null }]);
    expect(smtp.received.map((mail) => mail.subject)).toEqual(['Bea gave you a task: Call the mill']);

    refusals = 100;
    const hopeless = await post(employeeB.browser, '/api/v1/tasks', { title: 'Hopeless', assigneeId: employeeA.user.id });
    for (let attempt = 0; attempt < 3; attempt++) {
      if (attempt > 0) await waitOut();
      await sender.sendNow();
    }
    expect(await emailState(hopeless.id)).toEqual([{ email_state: 'failed', email_attempts: 3, read_at: null }]);

    // A process took this mail an hour ago and died: it is sent again; one taken a moment ago is left alone.
    refusals = 0;
    const orphan = await post(employeeB.browser, '/api/v1/tasks', { title: 'Orphan', assigneeId: employeeA.user.id });
    const busy = await post(employeeB.browser, '/api/v1/tasks', { title: 'Busy', assigneeId: employeeA.user.id });
    await t.pool.query(
      `UPDATE notification SET email_state = 'sending', email_attempts = 1,
         emailed_at = now() - CASE WHEN task_id = $1 THEN interval '1 hour' ELSE interval '1 second' END
       WHERE task_id IN ($1, $2)`,
      [orphan.id, busy.id],
    );
    expect(await sender.sendNow()).toBe(1);
    expect(await emailState(orphan.id)).toEqual([{ email_state: 'sent', email_attempts: 2, read_at: null }]);
    expect((await emailState(busy.id))[0].email_state).toBe('sending');
  });

  it('follows each person’s preferences: no e-mail, no bell, or nothing at all', async () => {
    const smtp = await startSmtp();
    const sender = mailer(smtp.url);
    const { employeeA, employeeA2, employeeB, managerA, shopA } = await makeBakery(t);
    expect((await setPreferences(employeeA.browser, [{ kind: 'task_assigned', inApp: true, email: false }])).statusCode).toBe(200);
    expect((await setPreferences(employeeA2.browser, [{ kind: 'task_queued', inApp: false, email: true }])).statusCode).toBe(200);
    expect((await setPreferences(managerA.browser, [{ kind: 'task_queued', inApp: false, email: false }])).statusCode).toBe(200);

    // Elio wants no e-mail for a task given to him: the bell only.
    const direct = await post(employeeB.browser, '/api/v1/tasks', { title: 'Bell only', assigneeId: employeeA.user.id });
    expect(await emailState(direct.id)).toEqual([{ email_state: null, email_attempts: 0, read_at: null }]);
    expect((await get(employeeA.browser, '/api/v1/notifications')).unread).toBe(1);

    // To the queue: Ezio wants e-mail only, Marta nothing at all, Elio the defaults (both).
    const queued = await post(employeeB.browser, '/api/v1/tasks', { title: 'Mail only', queueUnitId: shopA.id });
    const rows = (
      await t.pool.query('SELECT user_id, email_state, read_at IS NOT NULL AS read FROM notification WHERE task_id = $1', [queued.id])
    ).rows;
    expect(rows).toHaveLength(2);
    expect(rows).toContainEqual({ user_id: employeeA2.user.id, email_state: 'pending', read: true });
    expect(rows).toContainEqual({ user_id: employeeA.user.id, email_state: 'pending', read: false });
    const ezio = await get(employeeA2.browser, '/api/v1/notifications?filter[unread]=true');
    expect(ezio).toMatchObject({ data: [], unread: 0 });
    expect((await get(managerA.browser, '/api/v1/notifications')).data).toEqual([]);

    expect(await sender.sendNow()).toBe(2);
    expect(smtp.received.map(addressOf).sort()).toEqual([employeeA.user.email, employeeA2.user.email].sort());
    expect(smtp.received.every((mail) => mail.subject === 'Bea sent your unit a task: Mail only')).toBe(true);
  });

  it('queues no e-mail while no mail sender runs', async () => {
    const { employeeA, employeeB } = await makeBakery(t);
    const task = await post(employeeB.browser, '/api/v1/tasks', { title: 'No SMTP here', assigneeId: employeeA.user.id });
    expect(await emailState(task.id)).toEqual([{ email_state: null, email_attempts: 0, read_at: null }]);
  });
});

describe('notification preferences', () => {
  it('lists every kind with its default, and each person reads and sets only their own, in their workspace', async () => {
    const rossi = await makeBakery(t);
    const other = await makeBakery(t);
    const initial = await get(rossi.employeeA.browser, '/api/v1/notifications/preferences');
    expect(initial.data).toHaveLength(NOTIFICATION_KINDS.length);
    expect(initial.data[0]).toEqual({ kind: 'task_assigned', inApp: true, email: true });
    expect(initial.data.find((p: { kind: string }) => p.kind === 'task_done')).toEqual({ kind: 'task_done', inApp: true, email: false });

    const put = await setPreferences(rossi.employeeA.browser, [
      { kind: 'task_done', inApp: false, email: true },
      { kind: 'task_assigned', inApp: true, email: false },
    ]);
    expect(put.statusCode).toBe(200);
    const mine = put.json().data;
    expect(mine.find((p: { kind: string }) => p.kind === 'task_done')).toEqual({ kind: 'task_done', inApp: false, email: true });
    expect(mine.find((p: { kind: string }) => p.kind === 'task_assigned')).toEqual({ kind: 'task_assigned', inApp: true, email: false });
    // Kinds not sent keep theirs; a second change overwrites the first.
    await setPreferences(rossi.employeeA.browser, [{ kind: 'task_done', inApp: true, email: true }]);
    const again = (await get(rossi.employeeA.browser, '/api/v1/notifications/preferences')).data;
    expect(again.find((p: { kind: string }) => p.kind === 'task_done')).toEqual({ kind: 'task_done', inApp: true, email: true });
    expect(again.find((p: { kind: string }) => p.kind === 'task_assigned')).toEqual({ kind: 'task_assigned', inApp: true, email: false });

    // Nobody else is touched: a colleague, the admin, a person of another workspace.
    for (const someone of [rossi.employeeA2.browser, rossi.owner, other.employeeA.browser]) {
      expect(await get(someone, '/api/v1/notifications/preferences')).toEqual(initial);
    }
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/notifications/preferences' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('refuses bad input with the path of each mistake', async () => {
    const { employeeA } = await makeBakery(t);
    for (const [payload, path] of [
      [{}, 'data'],
      [{ data: [{ kind: 'task_exploded', inApp: true, email: true }] }, 'data.0.kind'],
      [{ data: [{ kind: 'task_done', inApp: 'yes', email: true }] }, 'data.0.inApp'],
      [{ data: [{ kind: 'task_done', inApp: true }] }, 'data.0.email'],
      [{ data: [{ kind: 'task_done', inApp: true, email: true, userId: employeeA.user.id }] }, 'data.0.userId'],
      [
        {
          data: [
            { kind: 'task_done', inApp: true, email: true },
            { kind: 'task_done', inApp: false, email: false },
          ],
        },
        'data.1.kind',
      ],
    ] as const) {
      const response = await employeeA.browser.request({ method: 'PUT', url: '/api/v1/notifications/preferences', payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().code).toBe('validation_failed');
      expect(response.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const unchanged = (await get(employeeA.browser, '/api/v1/notifications/preferences')).data;
    expect(unchanged.find((p: { kind: string }) => p.kind === 'task_done')).toEqual({ kind: 'task_done', inApp: true, email: false });
  });
});
