import type { TCaseStatistics } from '@clientela/contract';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../http/app.ts';
import { movableClock } from '../../lib/clock.ts';
import { type Browser, makeBakery, post, type TestApp, useTestApp } from '../../test/harness.ts';
import { caseTypes, supportCases } from './cases.table.ts';
import { addMonths, monthEnd, previousPeriod, yearBefore } from './statistics.ts';

const t = useTestApp();

type CaseRow = typeof supportCases.$inferInsert;
let numbers = 0;

/** Registers a case straight in the table, with what a test needs; the rest as a fresh case. */
async function insertCase(t: TestApp, fields: Partial<CaseRow> & Pick<CaseRow, 'workspaceId' | 'typeId' | 'createdById'>) {
  numbers += 1;
  const [row] = await t.db
    .insert(supportCases)
    .values({ number: `C-T-${numbers}`, subject: `Case ${numbers}`, kind: 'complaint', channel: 'phone', ...fields })
    .returning({ id: supportCases.id });
  return row?.id as string;
}

async function insertType(t: TestApp, workspaceId: string, name: string) {
  const [row] = await t.db.insert(caseTypes).values({ workspaceId, name }).returning({ id: caseTypes.id });
  return row?.id as string;
}

async function setZone(t: TestApp, userId: string, zone: string) {
  await t.db.execute(sql`UPDATE app_user SET time_zone = ${zone} WHERE id = ${userId}`);
}

async function statistics(b: Browser, query: string): Promise<TCaseStatistics> {
  const response = await b.request({ method: 'GET', url: `/api/v1/case-statistics?${query}` });
  if (response.statusCode !== 200) throw new Error(`statistics: ${response.statusCode} ${response.body}`);
  return response.json();
}

const at = (iso: string) => new Date(iso);

/**
 * March 2025 in Rome (UTC+1), February before it and March 2024 a year before, with cases on
 * both sides of each boundary; the answers below are worked out by hand.
 */
async function march(t: TestApp) {
  const bakery = await makeBakery(t);
  const workspaceId = bakery.owner.session.user.workspace.id;
  const me = bakery.owner.session.user.id;
  const quality = await insertType(t, workspaceId, 'Quality');
  const delivery = await insertType(t, workspaceId, 'Delivery');
  const base = { workspaceId, createdById: me, ownerId: me };
  const policy = await t.db.execute<{ id: string }>(
    sql`INSERT INTO sla_policy (workspace_id, name, first_response_minutes, resolution_minutes) VALUES (${workspaceId}, 'Standard', 60, 480) RETURNING id`,
  );
  const slaPolicyId = policy.rows[0]?.id as string;
  // A: 00:30 on 1 March in Rome, still the 28th in UTC and in New York.
  await insertCase(t, { ...base, typeId: quality, createdAt: at('2025-02-28T23:30:00Z') });
  // B: 23:30 on 28 February in Rome.
  await insertCase(t, { ...base, typeId: quality, createdAt: at('2025-02-28T22:30:00Z') });
  // C: resolved in a day, on time; unfounded; rated 4; first reply late.
  await insertCase(t, {
    ...base,
    typeId: delivery,
    channel: 'email',
    status: 'resolved',
    verdict: 'unfounded',
    createdAt: at('2025-03-10T09:00:00Z'),
    resolvedAt: at('2025-03-11T09:00:00Z'),
    slaPolicyId,
    firstResponseDueAt: at('2025-03-10T12:00:00Z'),
    firstRespondedAt: at('2025-03-10T13:00:00Z'),
    firstResponseBreachedAt: at('2025-03-10T12:00:00Z'),
    resolutionDueAt: at('2025-03-12T09:00:00Z'),
    satisfaction: 4,
    satisfactionAt: at('2025-03-12T10:00:00Z'),
  });
  // D: resolved in 12 hours but after its due time; first reply on time.
  await insertCase(t, {
    ...base,
    typeId: quality,
    status: 'closed',
    verdict: 'founded',
    createdAt: at('2025-03-20T10:00:00Z'),
    resolvedAt: at('2025-03-20T22:00:00Z'),
    slaPolicyId,
    firstResponseDueAt: at('2025-03-20T12:00:00Z'),
    firstRespondedAt: at('2025-03-20T11:00:00Z'),
    resolutionDueAt: at('2025-03-20T18:00:00Z'),
  });
  // E: a year before.
  await insertCase(t, { ...base, typeId: delivery, createdAt: at('2024-03-15T10:00:00Z') });
  // F: registered in February, resolved in March after 20 days, without a policy.
  await insertCase(t, {
    ...base,
    typeId: quality,
    status: 'resolved',
    createdAt: at('2025-02-10T10:00:00Z'),
    resolvedAt: at('2025-03-02T10:00:00Z'),
  });
  // G: still being handled, its resolution due time passed in March (missed); first reply on time.
  await insertCase(t, {
    ...base,
    typeId: quality,
    status: 'in_progress',
    createdAt: at('2025-03-24T10:00:00Z'),
    slaPolicyId,
    firstResponseDueAt: at('2025-03-24T12:00:00Z'),
    firstRespondedAt: at('2025-03-24T11:00:00Z'),
    resolutionDueAt: at('2025-03-25T10:00:00Z'),
  });
  // In the bin: not counted.
  await insertCase(t, { ...base, typeId: quality, createdAt: at('2025-03-15T10:00:00Z'), deletedAt: at('2025-03-16T10:00:00Z') });
  // J: 00:30 on 1 April in Rome (UTC+2 from 30 March), the 31st in New York.
  await insertCase(t, { ...base, typeId: delivery, createdAt: at('2025-03-31T22:30:00Z') });
  await setZone(t, me, 'Europe/Rome');
  return { ...bakery, workspaceId, quality, delivery, base };
}

describe('periods', () => {
  it('compares whole months with whole months, other spans with as many days, and a year before', () => {
    expect(previousPeriod({ from: '2025-03-01', to: '2025-03-31' })).toEqual({ from: '2025-02-01', to: '2025-02-28' });
    expect(previousPeriod({ from: '2025-01-01', to: '2025-12-31' })).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(previousPeriod({ from: '2025-01-01', to: '2025-03-31' })).toEqual({ from: '2024-10-01', to: '2024-12-31' });
    expect(previousPeriod({ from: '2025-03-10', to: '2025-03-16' })).toEqual({ from: '2025-03-03', to: '2025-03-09' });
    expect(previousPeriod({ from: '2025-03-01', to: '2025-03-15' })).toEqual({ from: '2025-02-14', to: '2025-02-28' });
    expect(yearBefore({ from: '2025-02-01', to: '2025-02-28' })).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(yearBefore({ from: '2024-02-29', to: '2024-03-05' })).toEqual({ from: '2023-02-28', to: '2023-03-05' });
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
    expect(monthEnd('2024-02-10')).toBe('2024-02-29');
  });
});

describe('case statistics', () => {
  it('counts a month against the month before and the same month a year before, by type, in the reader’s zone', async () => {
    const { owner, quality, delivery } = await march(t);
    const stats = await statistics(owner, 'from=2025-03-01&to=2025-03-31&by=type');
    expect(stats.current).toEqual({
      from: '2025-03-01',
      to: '2025-03-31',
      received: 4, // A, C, D, G
      resolved: 3, // C, D, F
      open: 2, // A, G
      slaCompliance: 0.3333, // C met; D late, G overdue
      firstResponseCompliance: 0.6667, // D, G met; C late
      avgHandlingHours: 172, // (24 + 12 + 480) / 3
      avgSatisfaction: 4,
      unfounded: 1,
    });
    expect(stats.previous).toMatchObject({ from: '2025-02-01', to: '2025-02-28', received: 2, resolved: 0, open: 1, slaCompliance: null });
    expect(stats.lastYear).toMatchObject({ from: '2024-03-01', to: '2024-03-31', received: 1, resolved: 0 });
    expect(stats.rows).toEqual([
      { key: quality, label: 'Quality', current: 3, previous: 2, lastYear: 0, resolved: 2, slaCompliance: 0, avgHandlingHours: 246 },
      { key: delivery, label: 'Delivery', current: 1, previous: 0, lastYear: 1, resolved: 1, slaCompliance: 1, avgHandlingHours: 24 },
    ]);
  });

  it('follows the reader’s time zone: in New York the case of 00:30 in Rome on 1 March is February’s', async () => {
    const { owner } = await march(t);
    await setZone(t, owner.session.user.id, 'America/New_York');
    const stats = await statistics(owner, 'from=2025-03-01&to=2025-03-31');
    // J (18:30 on 31 March in New York) joins March; A (18:30 on 28 February) leaves it.
    expect(stats.current.received).toBe(4);
    expect(stats.previous.received).toBe(3);
  });

  it('groups by channel, verdict and owner, and narrows by kind', async () => {
    const { owner, managerA, base, quality } = await march(t);
    await insertCase(t, { ...base, typeId: quality, kind: 'question', ownerId: managerA.user.id, createdAt: at('2025-03-05T10:00:00Z') });
    const byChannel = await statistics(owner, 'from=2025-03-01&to=2025-03-31&by=channel');
    expect(byChannel.rows.map((r) => [r.key, r.label, r.current])).toEqual([
      ['phone', 'phone', 4],
      ['email', 'email', 1],
    ]);
    const byVerdict = await statistics(owner, 'from=2025-03-01&to=2025-03-31&by=verdict');
    expect(byVerdict.rows.map((r) => [r.key, r.current, r.resolved])).toEqual([
      [null, 3, 1], // A, G and the question
      ['founded', 1, 1],
      ['unfounded', 1, 1],
    ]);
    const byOwner = await statistics(owner, 'from=2025-03-01&to=2025-03-31&by=owner');
    expect(byOwner.rows.map((r) => [r.label, r.current])).toEqual([
      ['Anna Rossi', 4],
      ['Marta', 1],
    ]);
    const complaints = await statistics(owner, 'from=2025-03-01&to=2025-03-31&kind=complaint');
    expect(complaints.current.received).toBe(4);
  });

  it('reads this month in the reader’s zone by default', async () => {
    const { owner, workspaceId, quality } = await makeBakery(t).then(async (b) => {
      const workspaceId = b.owner.session.user.workspace.id;
      return { ...b, workspaceId, quality: await insertType(t, workspaceId, 'Quality') };
    });
    const zone = 'Asia/Tokyo';
    await setZone(t, owner.session.user.id, zone);
    await insertCase(t, { workspaceId, typeId: quality, createdById: owner.session.user.id });
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
      new Date(),
    );
    const stats = await statistics(owner, '');
    expect(stats.by).toBe('type');
    expect(stats.current).toMatchObject({ from: `${today.slice(0, 8)}01`, to: monthEnd(today), received: 1, open: 1 });
  });

  it('is read by all staff, narrowed to a unit and the units below it; another workspace’s cases and units stay out', async () => {
    const { owner, employeeB, shopA, shopB, workspaceId, quality, base } = await march(t);
    const branch = await post(owner, '/api/v1/units', { name: 'Via Roma kiosk', parentId: shopA.id });
    await insertCase(t, { ...base, typeId: quality, unitId: shopA.id, createdAt: at('2025-03-03T10:00:00Z') });
    await insertCase(t, { ...base, typeId: quality, unitId: branch.id, createdAt: at('2025-03-04T10:00:00Z') });
    await insertCase(t, { ...base, typeId: quality, unitId: shopB.id, createdAt: at('2025-03-05T10:00:00Z') });
    const other = await march(t);
    expect(other.workspaceId).not.toBe(workspaceId);

    await setZone(t, employeeB.user.id, 'Europe/Rome');
    const everything = await statistics(employeeB.browser, 'from=2025-03-01&to=2025-03-31');
    expect(everything.current.received).toBe(7);
    const roma = await statistics(employeeB.browser, `from=2025-03-01&to=2025-03-31&unitId=${shopA.id}`);
    expect(roma.current.received).toBe(2);
    expect(roma.rows).toEqual([expect.objectContaining({ label: 'Quality', current: 2 })]);

    const foreign = await employeeB.browser.request({ method: 'GET', url: `/api/v1/case-statistics?unitId=${other.shopA.id}` });
    expect(foreign.statusCode).toBe(404);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/case-statistics' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('refuses bad input naming the field', async () => {
    const { owner } = await makeBakery(t);
    const ask = (query: string) => owner.request({ method: 'GET', url: `/api/v1/case-statistics?${query}` });
    const backwards = await ask('from=2025-03-10&to=2025-03-01');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.headers['content-type']).toContain('application/problem+json');
    expect(backwards.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'to' }] });
    const tooLong = await ask('from=2020-01-01&to=2025-03-01');
    expect(tooLong.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'to' }] });
    for (const [query, path] of [
      ['by=colour', 'by'],
      ['from=2025-02-30', 'from'],
      ['unitId=nope', 'unitId'],
      ['kind=praise', 'kind'],
      ['extra=1', ''],
    ] as const) {
      const response = await ask(query);
      expect(response.statusCode, query).toBe(400);
      if (path) expect(JSON.stringify(response.json().errors), query).toContain(path);
    }
    // Days the database cannot count a year back from, or nobody means, are refused, never a 500.
    for (const [query, path] of [
      ['from=0001-01-01&to=0001-01-31', 'from'],
      ['to=0001-01-31', 'to'],
      ['from=1999-12-01&to=2000-01-31', 'from'],
      ['from=2999-12-01&to=3000-01-31', 'to'],
    ] as const) {
      const response = await ask(query);
      expect(response.statusCode, query).toBe(400);
      expect(response.json(), query).toMatchObject({ code: 'validation_failed', errors: [{ path }] });
    }
  });

  it('reads today and what has fallen due by the server’s clock, also when it is moved forward', async () => {
    const { owner } = await makeBakery(t);
    const workspaceId = owner.session.user.workspace.id;
    const me = owner.session.user.id;
    await setZone(t, me, 'UTC');
    const quality = await insertType(t, workspaceId, 'Quality');
    const policy = await t.db.execute<{ id: string }>(
      sql`INSERT INTO sla_policy (workspace_id, name, first_response_minutes, resolution_minutes) VALUES (${workspaceId}, 'Standard', 60, 480) RETURNING id`,
    );
    const now = Date.now();
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    // Still being handled, its resolution due in ten days; its first reply given.
    await insertCase(t, {
      workspaceId,
      typeId: quality,
      createdById: me,
      ownerId: me,
      status: 'in_progress',
      createdAt: new Date(now),
      slaPolicyId: policy.rows[0]?.id as string,
      firstRespondedAt: new Date(now),
      resolutionDueAt: new Date(now + 10 * 86_400_000),
    });
    const clock = movableClock();
    const controlled = await buildApp({
      db: t.db,
      ping: async () => {},
      logLevel: 'silent',
      clockControl: { clock, afterMove: async () => ({ reminders: 0 }) },
    });
    const ask = async (query: string): Promise<TCaseStatistics> => {
      const response = await controlled.inject({
        method: 'GET',
        url: `/api/v1/case-statistics?${query}`,
        headers: { cookie: owner.cookie, 'x-csrf-token': owner.csrfToken },
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    };
    try {
      const span = `from=${day(now)}&to=${day(now + 40 * 86_400_000)}`;
      expect((await ask(span)).current.slaCompliance).toBeNull();
      clock.advance(60 * 24 * 60);
      const later = await ask(span);
      // Fallen due by the moved clock, not met.
      expect(later.current.slaCompliance).toBe(0);
      const moved = day(now + 60 * 86_400_000);
      expect((await ask('')).current).toMatchObject({ from: `${moved.slice(0, 8)}01`, to: monthEnd(moved) });
    } finally {
      await controlled.close();
    }
  });

  it('lists customers with two or more unfounded complaints in the last 12 months, named only for those who may read them', async () => {
    const { owner, employeeA, employeeB, workspaceId, quality } = await makeBakery(t).then(async (b) => {
      const workspaceId = b.owner.session.user.workspace.id;
      return { ...b, workspaceId, quality: await insertType(t, workspaceId, 'Quality') };
    });
    const hotel = await post(employeeA.browser, '/api/v1/companies', { name: 'Hotel Bellavista' });
    const bar = await post(employeeB.browser, '/api/v1/companies', { name: 'Bar Sport' });
    const cafe = await post(employeeA.browser, '/api/v1/companies', { name: 'Cafe Nero' });
    const lia = await post(employeeA.browser, '/api/v1/contacts', { firstName: 'Lia', lastName: 'Neri' });
    const base = {
      workspaceId,
      typeId: quality,
      createdById: owner.session.user.id,
      verdict: 'unfounded' as const,
      status: 'closed' as const,
    };
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);
    await insertCase(t, { ...base, companyId: hotel.id, contactId: lia.id, createdAt: daysAgo(10) });
    await insertCase(t, { ...base, companyId: hotel.id, createdAt: daysAgo(200) });
    await insertCase(t, { ...base, companyId: hotel.id, createdAt: daysAgo(300) });
    await insertCase(t, { ...base, companyId: bar.id, createdAt: daysAgo(5) });
    await insertCase(t, { ...base, companyId: bar.id, createdAt: daysAgo(6) });
    // Cafe: one too old, one founded, one a question: not repeated.
    await insertCase(t, { ...base, companyId: cafe.id, createdAt: daysAgo(400) });
    await insertCase(t, { ...base, companyId: cafe.id, createdAt: daysAgo(4) });
    await insertCase(t, { ...base, companyId: cafe.id, verdict: 'founded', createdAt: daysAgo(3) });
    await insertCase(t, { ...base, companyId: cafe.id, kind: 'question', createdAt: daysAgo(2) });
    // Lia on her own, without a company.
    await insertCase(t, { ...base, contactId: lia.id, createdAt: daysAgo(20) });
    await insertCase(t, { ...base, contactId: lia.id, createdAt: daysAgo(30) });

    const all = await statistics(owner, '');
    expect(all.repeatedUnfounded.map((r) => [r.company?.name ?? null, r.contact?.name ?? null, r.unfounded])).toEqual([
      ['Hotel Bellavista', null, 3],
      ['Bar Sport', null, 2],
      [null, 'Lia Neri', 2],
    ]);
    expect(Date.parse(all.repeatedUnfounded[0]?.lastAt ?? '')).toBeCloseTo(daysAgo(10).getTime(), -4);
    // Elio may not read Bea's Bar Sport: it is left out for him.
    const elio = await statistics(employeeA.browser, '');
    expect(elio.repeatedUnfounded.map((r) => r.company?.name ?? r.contact?.name)).toEqual(['Hotel Bellavista', 'Lia Neri']);
  });
});
