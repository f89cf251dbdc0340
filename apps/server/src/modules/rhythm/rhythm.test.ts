import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { type Browser, get, makeBakery, makeWorkspace, post, signIn, type TestApp, useTestApp } from '../../test/harness.ts';
import type { Actor } from '../authz/index.ts';
import { ensureDefaultPipeline } from '../deals/index.ts';
import { unitSubtree } from '../units/index.ts';
import { users } from '../users/users.table.ts';
import { birthdays } from './birthdays.ts';
import { rhythmCompliance } from './compliance.ts';
import { dormant } from './dormant.ts';
import { notContacted } from './not-contacted.ts';
import { sweepRhythmTasks } from './sweep.ts';

const t = useTestApp();

const ZONE = 'Europe/Rome';
/** The fixed "now" of the reports: Monday 15 June 2026, late morning in Rome. */
const NOW = new Date('2026-06-15T10:00:00Z');

/** The service context of a signed-in person, as a request would make it. */
async function ctxFor(test: TestApp, browser: Browser): Promise<Ctx> {
  const [user] = await test.db.select().from(users).where(eq(users.id, browser.session.user.id));
  if (!user) throw new Error('no such user');
  const actor: Actor = {
    workspaceId: user.workspaceId,
    userId: user.id,
    name: user.name,
    role: user.role,
    unitId: user.unitId,
    unitTree: async () => (user.unitId ? unitSubtree(test.db, user.workspaceId, user.unitId) : new Set()),
  };
  return { db: test.db as Database, actor };
}

/** A customer added on `createdOn`. */
async function company(browser: Browser, name: string, fields: Record<string, unknown> = {}, createdOn = '2026-01-01') {
  const created = await post(browser, '/api/v1/companies', { name, ...fields });
  await t.db.execute(sql`UPDATE company SET created_at = ${`${createdOn}T10:00:00Z`}::timestamptz WHERE id = ${created.id}`);
  return created as { id: string; name: string };
}

const log = (browser: Browser, type: string, on: string, link: Record<string, string[]>) =>
  post(browser, '/api/v1/activities', { type, occurredAt: `${on}T10:00:00Z`, ...(type === 'call' ? { outcome: 'reached' } : {}), ...link });

/**
 * The known answers on 15 June 2026 with the default rules (A 30 days, B 60, C 90; a note does not count):
 * Elio: a1 on time, a2 10 days late, a3 20 days late (a newer note does not help), a4 never contacted 46 days late,
 * a5 on time; a6 has no class, a7 is lost, a8 is in the bin. Ezio: b1 on time, and a private customer k1 on time.
 * Bea: c1 never contacted 75 days late, c2 on time through a call with its buyer.
 */
async function rhythmBakery() {
  const bakery = await makeBakery(t);
  const elio = bakery.employeeA.browser;
  const ezio = bakery.employeeA2.browser;
  const bea = bakery.employeeB.browser;
  const a1 = await company(elio, 'Alba', { class: 'A' });
  const a2 = await company(elio, 'Bruno', { class: 'A' });
  const a3 = await company(elio, 'Carla', { class: 'A' });
  const a4 = await company(elio, 'Dino', { class: 'B' }, '2026-03-01');
  const a5 = await company(elio, 'Elsa', { class: 'C' });
  const a6 = await company(elio, 'Franco');
  const a7 = await company(elio, 'Gino', { class: 'A', status: 'lost' });
  const a8 = await company(elio, 'Ivo', { class: 'A' });
  const b1 = await company(ezio, 'Luca', { class: 'B' });
  const k1 = await post(ezio, '/api/v1/contacts', { firstName: 'Maria', lastName: 'Privata', class: 'A' });
  await t.db.execute(sql`UPDATE contact SET created_at = '2026-01-01T10:00:00Z' WHERE id = ${k1.id}`);
  const c1 = await company(bea, 'Nadia', { class: 'C' });
  const c2 = await company(bea, 'Oscar', { class: 'A' });
  const buyer = await post(bea, '/api/v1/contacts', { firstName: 'Olga', lastName: 'Buyer', companies: [{ companyId: c2.id }] });
  await log(elio, 'call', '2026-06-05', { companyIds: [a1.id] });
  await log(elio, 'call', '2026-05-06', { companyIds: [a2.id] });
  await log(elio, 'meeting', '2026-04-26', { companyIds: [a3.id] });
  await log(elio, 'note', '2026-06-10', { companyIds: [a3.id] });
  await log(elio, 'visit', '2026-04-01', { companyIds: [a5.id] });
  await log(ezio, 'email', '2026-05-01', { companyIds: [b1.id] });
  await log(ezio, 'call', '2026-06-01', { contactIds: [k1.id] });
  await log(bea, 'call', '2026-06-10', { contactIds: [buyer.id] });
  expect((await bakery.owner.request({ method: 'DELETE', url: `/api/v1/companies/${a8.id}` })).statusCode).toBe(204);
  return { ...bakery, a1, a2, a3, a4, a5, a6, a7, a8, b1, k1, c1, c2 };
}

describe('contact rhythm rules', () => {
  it('follows the defaults until an admin sets them; others read them; bad input names the field and writes nothing', async () => {
    const { owner, managerA } = await makeBakery(t);
    const defaults = await get(managerA.browser, '/api/v1/rhythm/rules');
    expect(defaults.rules).toEqual([
      { class: 'A', everyDays: 30, activityTypes: ['call', 'meeting', 'visit', 'email'], createTasks: false },
      { class: 'B', everyDays: 60, activityTypes: ['call', 'meeting', 'visit', 'email'], createTasks: false },
      { class: 'C', everyDays: 90, activityTypes: ['call', 'meeting', 'visit', 'email'], createTasks: false },
    ]);
    const wanted = {
      rules: [
        { class: 'A', everyDays: 14, activityTypes: ['visit'], createTasks: true },
        { class: 'B', everyDays: 60, activityTypes: ['call', 'note'], createTasks: false },
        { class: 'C', everyDays: 365, activityTypes: ['email'], createTasks: false },
      ],
    };
    const refused = await managerA.browser.request({ method: 'PUT', url: '/api/v1/rhythm/rules', payload: wanted });
    expect(refused.statusCode).toBe(403);
    for (const [path, bad] of [
      ['rules.0.everyDays', { ...wanted.rules[0], everyDays: 0 }],
      ['rules.0.everyDays', { ...wanted.rules[0], everyDays: 366 }],
      ['rules.0.activityTypes', { ...wanted.rules[0], activityTypes: [] }],
    ] as const) {
      const response = await owner.request({
        method: 'PUT',
        url: '/api/v1/rhythm/rules',
        payload: { rules: [bad, ...wanted.rules.slice(1)] },
      });
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect(await get(owner, '/api/v1/rhythm/rules')).toEqual(defaults);
    const saved = await owner.request({ method: 'PUT', url: '/api/v1/rhythm/rules', payload: wanted });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual(wanted);
    expect(await get(managerA.browser, '/api/v1/rhythm/rules')).toEqual(wanted);
  });
});

describe('contact rhythm compliance', () => {
  it('counts each manager’s customers on time and overdue, and lists the overdue most late first', async () => {
    const data = await rhythmBakery();
    const report = await rhythmCompliance(await ctxFor(t, data.owner), {}, NOW, ZONE);
    expect(report.today).toBe('2026-06-15');
    expect(report.managers.map((m) => [m.ownerName, m.total, m.onTime, m.overdue, m.compliancePercent])).toEqual([
      ['Bea', 2, 1, 1, 50],
      ['Elio', 5, 2, 3, 40],
      ['Ezio', 2, 2, 0, 100],
    ]);
    expect(report.totals).toEqual({ total: 9, onTime: 5, overdue: 4, compliancePercent: 55.6 });
    expect(report.overdue.map((o) => [o.name, o.class, o.dueOn, o.daysOverdue, o.lastContactAt])).toEqual([
      ['Nadia', 'C', '2026-04-01', 75, null],
      ['Dino', 'B', '2026-04-30', 46, null],
      ['Carla', 'A', '2026-05-26', 20, '2026-04-26T10:00:00.000Z'],
      ['Bruno', 'A', '2026-06-05', 10, '2026-05-06T10:00:00.000Z'],
    ]);
    expect(report.overdueTotal).toBe(4);

    // A note counts once the rule says so.
    await data.owner.request({
      method: 'PUT',
      url: '/api/v1/rhythm/rules',
      payload: {
        rules: [
          { class: 'A', everyDays: 30, activityTypes: ['call', 'note'], createTasks: false },
          { class: 'B', everyDays: 60, activityTypes: ['call', 'email'], createTasks: false },
          { class: 'C', everyDays: 90, activityTypes: ['call'], createTasks: false },
        ],
      },
    });
    const again = await rhythmCompliance(await ctxFor(t, data.owner), {}, NOW, ZONE);
    // Carla's note now counts; Elsa's visit no longer does (C counts calls only), so she is late since 1 April, as Nadia (by name on the same day).
    expect(again.overdue.map((o) => [o.name, o.daysOverdue])).toEqual([
      ['Elsa', 75],
      ['Nadia', 75],
      ['Dino', 46],
      ['Bruno', 10],
    ]);
  });

  it('shows employees their own customers, managers their unit, admins all, narrowed by manager or unit; never another workspace', async () => {
    const data = await rhythmBakery();
    const other = await makeWorkspace(t);
    const stranger = await signIn(t, other.admin.email);
    await company(stranger, 'Elsewhere', { class: 'A' });
    const names = async (browser: Browser, query: { ownerId?: string; unitId?: string } = {}) =>
      (await rhythmCompliance(await ctxFor(t, browser), query, NOW, ZONE)).managers.map((m) => m.ownerName);
    expect(await names(data.employeeA.browser)).toEqual(['Elio']);
    expect(await names(data.managerA.browser)).toEqual(['Elio', 'Ezio']);
    expect(await names(data.owner)).toEqual(['Bea', 'Elio', 'Ezio']);
    expect(await names(data.owner, { ownerId: data.employeeA2.user.id })).toEqual(['Ezio']);
    expect(await names(data.owner, { unitId: data.shopB.id })).toEqual(['Bea']);
    expect(await names(data.managerA.browser, { unitId: data.shopB.id })).toEqual([]);
    expect((await rhythmCompliance(await ctxFor(t, stranger), {}, NOW, ZONE)).totals.total).toBe(1);

    // Through the API with the real clock: the same scope, and bad parameters name the field.
    const response = await get(data.employeeA.browser, '/api/v1/reports/contact-rhythm');
    expect(response.managers.map((m: { ownerName: string }) => m.ownerName)).toEqual(['Elio']);
    const bad = await data.owner.request({ method: 'GET', url: '/api/v1/reports/contact-rhythm?ownerId=nobody' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(['ownerId']);
  });
});

describe('lists for action', () => {
  it('lists birthdays of this week and month in day order, across a month’s end, with 29 February on the 28th in other years', async () => {
    const { owner, employeeB } = await makeBakery(t);
    const person = (firstName: string, birthday: string, browser = owner) => post(browser, '/api/v1/contacts', { firstName, birthday });
    await person('Leap', '1992-02-29');
    await person('March', '1985-03-01');
    await person('Monday', '1980-02-22');
    await person('Unknown', '1604-02-05');
    await person('January', '2000-01-31');
    await person('December', '1990-12-29');
    await person('Newyear', '1995-01-02');
    await person('Hidden', '1990-02-23', employeeB.browser);
    const ctx = await ctxFor(t, owner);
    const list = async (range: 'week' | 'month', now: string) => {
      const result = await birthdays(ctx, { range }, new Date(now), ZONE);
      return { from: result.from, to: result.to, rows: result.data.map((b) => [b.name, b.celebratedOn, b.age]) };
    };
    // Friday 26 February 2027.
    expect(await list('month', '2027-02-26T12:00:00Z')).toEqual({
      from: '2027-02-01',
      to: '2027-02-28',
      rows: [
        ['Unknown', '2027-02-05', null],
        ['Monday', '2027-02-22', 47],
        ['Hidden', '2027-02-23', 37],
        ['Leap', '2027-02-28', 35],
      ],
    });
    expect((await list('week', '2027-02-26T12:00:00Z')).rows).toEqual([
      ['Monday', '2027-02-22', 47],
      ['Hidden', '2027-02-23', 37],
      ['Leap', '2027-02-28', 35],
    ]);
    // Thursday 31 December 2026: the week runs into January 2027.
    expect(await list('week', '2026-12-31T12:00:00Z')).toEqual({
      from: '2026-12-28',
      to: '2027-01-03',
      rows: [
        ['December', '2026-12-29', 36],
        ['Newyear', '2027-01-02', 32],
      ],
    });
    // In a leap year, 29 February is itself.
    expect((await list('month', '2028-02-10T12:00:00Z')).rows.at(-1)).toEqual(['Leap', '2028-02-29', 36]);
    // At 23:30 on 31 January in UTC it is already February in Rome.
    expect((await list('month', '2027-01-31T23:30:00Z')).from).toBe('2027-02-01');
    // An employee sees only their own contacts.
    const theirs = await birthdays(await ctxFor(t, employeeB.browser), { range: 'month' }, new Date('2027-02-26T12:00:00Z'), ZONE);
    expect(theirs.data.map((b) => b.name)).toEqual(['Hidden']);
    const bad = await owner.request({ method: 'GET', url: '/api/v1/reports/birthdays?range=year' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(['range']);
  });

  it('lists customers with no activity of any kind for N days, never-contacted first', async () => {
    const data = await rhythmBakery();
    const result = await notContacted(await ctxFor(t, data.employeeA.browser), { days: 30 }, NOW, ZONE);
    expect(result.since).toBe('2026-05-16');
    expect(result.data.map((c) => [c.name, c.lastActivityAt])).toEqual([
      ['Dino', null],
      ['Franco', null],
      ['Elsa', '2026-04-01T10:00:00.000Z'],
      ['Bruno', '2026-05-06T10:00:00.000Z'],
    ]);
    expect(result.total).toBe(4);
    const all = await notContacted(await ctxFor(t, data.owner), { days: 30 }, NOW, ZONE);
    // Luca's e-mail is older than 30 days; Maria was called, Oscar through his buyer.
    expect(all.data.map((c) => c.name)).toEqual(['Dino', 'Franco', 'Nadia', 'Elsa', 'Luca', 'Bruno']);
    const bad = await data.owner.request({ method: 'GET', url: '/api/v1/reports/not-contacted?days=0' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(['days']);
    expect((await get(data.owner, '/api/v1/reports/not-contacted?days=90')).total).toBeGreaterThan(0);
  });

  it('lists companies that bought before but not in N months, with their last purchase and lifetime revenue', async () => {
    const data = await rhythmBakery();
    const workspaceId = data.owner.session.user.workspace.id;
    const by = data.owner.session.user.id;
    const order = (companyId: string, on: string, total: number, status = 'delivered', dealId: string | null = null) =>
      t.db.execute(sql`INSERT INTO sales_order (workspace_id, number, status, company_id, deal_id, ordered_on, currency, total, total_base, created_by_id)
        VALUES (${workspaceId}, ${`O-${Math.random()}`}, ${status}, ${companyId}, ${dealId}, ${on}, 'EUR', ${total}, ${total}, ${by})`);
    await ensureDefaultPipeline(t.db, workspaceId);
    const won = async (companyId: string, on: string, amount: number) => {
      const result = await t.db.execute<{ id: string }>(sql`
        INSERT INTO deal (workspace_id, title, pipeline_id, stage_id, company_id, amount, currency, amount_base, rate_on, closed_on, created_by_id)
        SELECT ${workspaceId}, 'Won', s.pipeline_id, s.id, ${companyId}, ${amount}, 'EUR', ${amount}, ${on}, ${on}, ${by}
        FROM pipeline_stage s WHERE s.workspace_id = ${workspaceId} AND s.kind = 'won' LIMIT 1 RETURNING id`);
      return result.rows[0]?.id as string;
    };
    await order(data.a1.id, '2025-10-01', 1000);
    await order(data.a1.id, '2025-11-20', 500, 'cancelled');
    await won(data.a1.id, '2025-06-01', 300);
    await order(data.a2.id, '2026-03-01', 200);
    const deal = await won(data.a5.id, '2025-01-10', 5000);
    await order(data.a5.id, '2025-01-12', 5000, 'delivered', deal);
    await order(data.c1.id, '2024-05-05', 70);
    const result = await dormant(await ctxFor(t, data.owner), { months: 6 }, NOW, ZONE);
    expect(result.since).toBe('2025-12-15');
    expect(result.data.map((c) => [c.name, c.lastPurchaseOn, c.lifetimeRevenueBase])).toEqual([
      ['Elsa', '2025-01-12', '5000.00'],
      ['Alba', '2025-10-01', '1300.00'],
      ['Nadia', '2024-05-05', '70.00'],
    ]);
    const mine = await dormant(await ctxFor(t, data.employeeB.browser), { months: 6 }, NOW, ZONE);
    expect(mine.data.map((c) => c.name)).toEqual(['Nadia']);
    const bad = await data.owner.request({ method: 'GET', url: '/api/v1/reports/dormant?months=abc' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(['months']);
  });
});

describe('automatic contact tasks', () => {
  it('sends one task per overdue customer of a class that asks for it, to its owner, and not a second while it is open', async () => {
    const data = await rhythmBakery();
    expect(await sweepRhythmTasks(t.db, NOW)).toEqual({ tasks: 0 });
    await data.owner.request({
      method: 'PUT',
      url: '/api/v1/rhythm/rules',
      payload: {
        rules: [
          { class: 'A', everyDays: 30, activityTypes: ['call', 'meeting', 'visit', 'email'], createTasks: true },
          { class: 'B', everyDays: 60, activityTypes: ['call', 'meeting', 'visit', 'email'], createTasks: false },
          { class: 'C', everyDays: 90, activityTypes: ['call', 'meeting', 'visit', 'email'], createTasks: false },
        ],
      },
    });
    // Two servers sweeping at once send each task once.
    const [first, second] = await Promise.all([sweepRhythmTasks(t.db, NOW), sweepRhythmTasks(t.db, NOW)]);
    expect((first?.tasks ?? 0) + (second?.tasks ?? 0)).toBe(2);
    expect(await sweepRhythmTasks(t.db, NOW)).toEqual({ tasks: 0 });
    const titles = (
      await t.db.execute<{ title: string; assignee_id: string; record_id: string }>(sql`
      SELECT t.title, t.assignee_id, tl.record_id FROM task t JOIN task_link tl ON tl.workspace_id = t.workspace_id AND tl.task_id = t.id
      WHERE t.kind = 'contact-rhythm' AND t.workspace_id = ${data.owner.session.user.workspace.id} ORDER BY t.title`)
    ).rows;
    expect(titles).toEqual([
      { title: 'Contact Bruno', assignee_id: data.employeeA.user.id, record_id: data.a2.id },
      { title: 'Contact Carla', assignee_id: data.employeeA.user.id, record_id: data.a3.id },
    ]);
    const notices = await t.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM notification WHERE user_id = ${data.employeeA.user.id} AND kind = 'task_assigned'`,
    );
    expect(notices.rows[0]?.n).toBe(2);
    // Once Bruno's task is done, and he is still not called, a new one goes out.
    await t.db.execute(sql`UPDATE task SET status = 'done' WHERE title = 'Contact Bruno'`);
    expect(await sweepRhythmTasks(t.db, NOW)).toEqual({ tasks: 1 });
  });
});
