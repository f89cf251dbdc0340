import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../http/app.ts';
import { movableClock } from '../../lib/clock.ts';
import { type Browser, get, makeBakery, PASSWORD, post, signIn, type TestApp, uniqueEmail, useTestApp } from '../../test/harness.ts';
import { sweepReminders } from './reminders.ts';

const t = useTestApp();
const HOUR = 3_600_000;
const at = (base: Date, hours: number) => new Date(base.getTime() + hours * HOUR);

/** The person's notices, newest first, as `kind:title` (and the escalation's reason). */
async function notices(browser: Browser): Promise<string[]> {
  const list = await get(browser, '/api/v1/notifications?limit=100');
  return list.data.map(
    (n: { kind: string; title: string; detail: Record<string, string> | null }) =>
      `${n.kind}:${n.title}${n.detail?.reason ? `:${n.detail.reason}:${n.detail.assignee}` : ''}`,
  );
}

async function unitWithPerson(t: TestApp, owner: Browser, unitName: string, name: string, parentId: string | null) {
  const unit = await post(owner, '/api/v1/units', { name: unitName, parentId });
  const email = uniqueEmail(name);
  const user = await post(owner, '/api/v1/users', { email, name, password: PASSWORD, role: 'employee', unitId: unit.id });
  return { unit, user, browser: await signIn(t, email) };
}

describe('task reminders and escalation', () => {
  it('reminds the assignee before the due time, then tells them and their unit head when it is overdue, not opened or not accepted, once per repetition', async () => {
    const { managerA, employeeA, employeeB } = await makeBakery(t);
    const sentAt = new Date();
    const due = at(sentAt, 2);
    const task = await post(employeeB.browser, '/api/v1/tasks', {
      title: 'Send the price list to Hotel Aurora',
      assigneeId: employeeA.user.id,
      dueAt: due.toISOString(),
    });
    const title = task.title;
    // Elio has only the notice of the new task.
    expect(await notices(employeeA.browser)).toEqual([`task_assigned:${title}`]);

    // Within the day before the due time: a reminder to Elio, once, however often the sweep runs.
    await sweepReminders(t.db, at(sentAt, 0.1));
    await sweepReminders(t.db, at(sentAt, 0.2));
    expect(await notices(employeeA.browser)).toEqual([`task_due_soon:${title}`, `task_assigned:${title}`]);

    // Past the due time: Elio is told, and so is the head of his unit (Marta), with the reason.
    await sweepReminders(t.db, at(due, 0.1));
    await sweepReminders(t.db, at(due, 0.5));
    expect((await notices(employeeA.browser))[0]).toBe(`task_overdue:${title}`);
    expect(await notices(managerA.browser)).toEqual([`task_escalated:${title}:overdue:Elio`]);

    // Not opened four hours after it was sent: Marta hears of that too.
    await sweepReminders(t.db, at(sentAt, 4.1));
    expect(await notices(managerA.browser)).toEqual([`task_escalated:${title}:not_received:Elio`, `task_escalated:${title}:overdue:Elio`]);

    // A day later it is still overdue: told again, once.
    await sweepReminders(t.db, at(due, 24.2));
    await sweepReminders(t.db, at(due, 24.3));
    expect((await notices(managerA.browser)).filter((n) => n.endsWith(':overdue:Elio'))).toHaveLength(2);
    expect((await notices(employeeA.browser)).filter((n) => n.startsWith('task_overdue'))).toHaveLength(2);

    // Opened and not accepted within a day: the head is told that it waits for acceptance.
    await get(employeeA.browser, `/api/v1/tasks/${task.id}`);
    const { rows } = await t.db.execute<{ received_at: Date }>(sql`SELECT received_at FROM task WHERE id = ${task.id}`);
    const receivedAt = new Date(rows[0]?.received_at as Date);
    await sweepReminders(t.db, at(receivedAt, 24.1));
    expect((await notices(managerA.browser))[0]).toBe(`task_escalated:${title}:not_accepted:Elio`);

    // Finished work is never reminded of; the sender and strangers never hear of any of this.
    const move = (payload: Record<string, unknown>) =>
      employeeA.browser.request({ method: 'POST', url: `/api/v1/tasks/${task.id}/transitions`, payload });
    expect((await move({ to: 'accepted', committedDate: '2030-01-01' })).statusCode).toBe(200);
    expect((await move({ to: 'done', result: 'Sent' })).statusCode).toBe(200);
    const before = (await notices(managerA.browser)).length;
    await sweepReminders(t.db, at(due, 24 * 5));
    expect(await notices(managerA.browser)).toHaveLength(before);
    expect((await notices(employeeB.browser)).filter((n) => n.startsWith('task_escalated') || n.startsWith('task_overdue'))).toEqual([]);
  });

  it('escalates up the unit tree to the nearest manager, to the admins when there is none, and never across workspaces', async () => {
    const { owner, shopA, shopB, managerA, employeeA } = await makeBakery(t);
    const other = await makeBakery(t);
    // Deliveries sits under shop A and has no manager of its own: Marta of shop A is its head.
    const deliveries = await unitWithPerson(t, owner, 'Deliveries', 'Dino', shopA.id);
    const sentAt = new Date();
    const due = at(sentAt, 1).toISOString();
    await post(employeeA.browser, '/api/v1/tasks', { title: 'Deliver 40 loaves', assigneeId: deliveries.user.id, dueAt: due });
    // Shop B has no manager at all: the queue task escalates to the admin, worded with the queue's name.
    await post(employeeA.browser, '/api/v1/tasks', { title: 'Count the flour', queueUnitId: shopB.id, dueAt: due });
    await post(other.employeeA.browser, '/api/v1/tasks', { title: 'Elsewhere', assigneeId: other.employeeA2.user.id, dueAt: due });

    await sweepReminders(t.db, at(sentAt, 1.5));
    expect(await notices(managerA.browser)).toEqual(expect.arrayContaining([`task_escalated:Deliver 40 loaves:overdue:Dino`]));
    expect(await notices(managerA.browser)).not.toContainEqual(expect.stringContaining('Elsewhere'));
    expect(await notices(owner)).toEqual([`task_escalated:Count the flour:overdue:Via Milano`]);
    expect(await notices(deliveries.browser)).toContain('task_overdue:Deliver 40 loaves');
    expect(await notices(other.managerA.browser)).toEqual([`task_escalated:Elsewhere:overdue:Ezio`]);
  });

  it('follows the rules an admin sets, and refuses rules from others or out of range without changing them', async () => {
    const { owner, managerA, employeeA, employeeB } = await makeBakery(t);
    const url = '/api/v1/tasks/reminder-rules';
    const defaults = await get(employeeA.browser, url);
    expect(defaults).toEqual({ remindBeforeMinutes: 1440, notReceivedMinutes: 240, notAcceptedMinutes: 1440, repeatMinutes: 1440 });
    const rules = { remindBeforeMinutes: 0, notReceivedMinutes: 30, notAcceptedMinutes: 60, repeatMinutes: 0 };
    expect((await managerA.browser.request({ method: 'PUT', url, payload: rules })).statusCode).toBe(403);
    const bad = await owner.request({ method: 'PUT', url, payload: { ...rules, repeatMinutes: 5, notReceivedMinutes: -1 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['notReceivedMinutes', 'repeatMinutes']);
    expect(await get(owner, url)).toEqual(defaults);
    expect((await owner.request({ method: 'PUT', url, payload: rules })).json()).toEqual(rules);

    const sentAt = new Date();
    await post(employeeB.browser, '/api/v1/tasks', {
      title: 'Call back',
      assigneeId: employeeA.user.id,
      dueAt: at(sentAt, 2).toISOString(),
    });
    // No reminder before the due time; not opened after half an hour; overdue only once, never repeated.
    await sweepReminders(t.db, at(sentAt, 0.1));
    expect(await notices(employeeA.browser)).toEqual(['task_assigned:Call back']);
    await sweepReminders(t.db, at(sentAt, 0.6));
    expect(await notices(managerA.browser)).toEqual(['task_escalated:Call back:not_received:Elio']);
    await sweepReminders(t.db, at(sentAt, 3));
    await sweepReminders(t.db, at(sentAt, 60));
    expect(await notices(managerA.browser)).toEqual([
      'task_escalated:Call back:overdue:Elio',
      'task_escalated:Call back:not_received:Elio',
    ]);

    // The admin turns repetition on: the last ones went out more than a day ago, so they go again, once.
    expect((await owner.request({ method: 'PUT', url, payload: { ...rules, repeatMinutes: 24 * 60 } })).statusCode).toBe(200);
    await sweepReminders(t.db, at(sentAt, 60.2));
    await sweepReminders(t.db, at(sentAt, 60.3));
    expect(await notices(managerA.browser)).toHaveLength(4);
    // Then changes when "not opened" counts, which shifts its occurrences: nobody is told again at once…
    const later = { ...rules, notReceivedMinutes: 90, repeatMinutes: 24 * 60 };
    expect((await owner.request({ method: 'PUT', url, payload: later })).statusCode).toBe(200);
    await sweepReminders(t.db, at(sentAt, 60.4));
    expect(await notices(managerA.browser)).toHaveLength(4);
    // …but a day later, as the rule says.
    await sweepReminders(t.db, at(sentAt, 60.2 + 24.1));
    expect((await notices(managerA.browser)).slice(0, 2).sort()).toEqual([
      'task_escalated:Call back:not_received:Elio',
      'task_escalated:Call back:overdue:Elio',
    ]);
    expect(await notices(managerA.browser)).toHaveLength(6);
  });

  it('sends each reminder exactly once when two server processes sweep the same database at the same time', async () => {
    const { employeeA, employeeA2, managerA } = await makeBakery(t);
    const sentAt = new Date();
    for (let i = 0; i < 30; i += 1) {
      const assigneeId = i % 2 ? employeeA.user.id : employeeA2.user.id;
      await post(managerA.browser, '/api/v1/tasks', { title: `Order ${i}`, assigneeId, dueAt: at(sentAt, 1).toISOString() });
    }
    const script = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test/sweep-process.ts');
    const when = at(sentAt, 1.5).toISOString();
    const run = promisify(execFile);
    const processes = await Promise.all(
      [1, 2].map(() => run(process.execPath, ['--import', 'tsx', script, t.url, when, '3'], { cwd: path.dirname(script) })),
    );
    // The two claimed, between them, as many reminders as were written at that time: none twice.
    const [first, second] = processes.map((p) => JSON.parse(p.stdout).reminders as number);
    const { rows } = await t.db.execute<{ n: number; mine: number }>(
      sql`SELECT count(*)::int AS n, count(*) FILTER (WHERE workspace_id = ${managerA.browser.session.user.workspace.id})::int AS mine
          FROM task_reminder WHERE sent_at = ${when}::timestamptz`,
    );
    expect((first ?? 0) + (second ?? 0)).toBe(rows[0]?.n);
    expect(rows[0]?.mine).toBe(30);
    // Each task: one "overdue" to its assignee; the head is the sender here, and she is told too.
    const overdue = [...(await notices(employeeA.browser)), ...(await notices(employeeA2.browser))].filter((n) =>
      n.startsWith('task_overdue'),
    );
    expect(overdue).toHaveLength(30);
    expect(new Set(overdue).size).toBe(30);
    expect((await notices(managerA.browser)).filter((n) => n.startsWith('task_escalated'))).toHaveLength(30);
  });

  it('lets an admin move the clock forward where the operator allowed it, and sweeps at once', async () => {
    const { owner, managerA, employeeA, employeeB } = await makeBakery(t);
    const clock = movableClock();
    const controlled = await buildApp({
      db: t.db,
      ping: async () => {},
      logLevel: 'silent',
      clockControl: { clock, afterMove: () => sweepReminders(t.db, clock.now()) },
    });
    const as = (browser: Browser, minutes: unknown) =>
      controlled.inject({
        method: 'POST',
        url: '/api/v1/system/clock',
        headers: { cookie: browser.cookie, 'x-csrf-token': browser.csrfToken },
        payload: { minutes },
      });
    try {
      await post(employeeB.browser, '/api/v1/tasks', {
        title: 'Test two air conditioners',
        assigneeId: employeeA.user.id,
        dueAt: at(new Date(), 48).toISOString(),
      });
      expect((await as(employeeA.browser, 60)).statusCode).toBe(403);
      expect((await as(owner, 0)).statusCode).toBe(400);
      expect(clock.offsetMinutes()).toBe(0);
      const moved = await as(owner, 49 * 60);
      expect(moved.statusCode).toBe(200);
      expect(moved.json()).toMatchObject({ offsetMinutes: 49 * 60 });
      expect(moved.json().sent).toBeGreaterThan(0);
      expect(await notices(managerA.browser)).toContain('task_escalated:Test two air conditioners:overdue:Elio');
      // Where the operator did not allow it, there is no such route.
      const plain = await owner.request({ method: 'POST', url: '/api/v1/system/clock', payload: { minutes: 60 } });
      expect(plain.statusCode).toBe(404);
    } finally {
      await controlled.close();
    }
  });
});
