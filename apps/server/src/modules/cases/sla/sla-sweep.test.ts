import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Browser, get, makeBakery, PASSWORD, post, signIn, uniqueEmail, useTestApp } from '../../../test/harness.ts';
import type { supportCases } from '../cases.table.ts';
import { slaForNewCase } from './sla-clock.ts';
import { caseRow, makeCase, makeCaseType } from './sla-fixtures.ts';
import { sweepCaseSla } from './sla-sweep.ts';

const t = useTestApp();
const at = (iso: string) => new Date(iso);

type Notice = { kind: string; title: string; caseId: string | null; detail: Record<string, string> | null };
/** The person's SLA notices, newest first, as `kind:title:target(:assignee)`. */
async function notices(browser: Browser): Promise<string[]> {
  const list = await get(browser, '/api/v1/notifications?limit=100');
  return list.data
    .filter((n: Notice) => n.kind.startsWith('case_sla'))
    .map((n: Notice) => [n.kind, n.title, n.detail?.target, ...(n.kind === 'case_sla_breached' ? [n.detail?.assignee] : [])].join(':'));
}

async function setUp() {
  const bakery = await makeBakery(t);
  const ws = bakery.owner.session.user.workspace.id;
  const type = await makeCaseType(t.db, ws);
  const policy = await post(bakery.owner, '/api/v1/sla-policies', {
    name: 'Any',
    firstResponseMinutes: 60,
    resolutionMinutes: 240,
    warnBeforeMinutes: 30,
  });
  /** A case created at `createdAt`, timed by the clock (no calendar: every minute counts). */
  const newCase = async (createdAt: string, values: Partial<typeof supportCases.$inferInsert>) => {
    const inputs = { typeId: type.id, priority: 'normal' as const, unitId: values.unitId ?? null, status: 'assigned' as const };
    const sla = await slaForNewCase(t.db, ws, { ...inputs, firstRespondedAt: null, createdAt: at(createdAt) }, at(createdAt));
    return makeCase(t.db, { workspaceId: ws, createdById: bakery.owner.session.user.id, ...inputs, ...sla, ...values });
  };
  return { ...bakery, ws, type, policy, newCase };
}

describe('SLA reminders and escalation', () => {
  it('warns the responsible person once before a due time, then tells them and their unit head once after it', async () => {
    const { ws, shopA, managerA, employeeA, employeeA2, newCase } = await setUp();
    const c = await newCase('2026-03-02T08:00:00Z', { ownerId: employeeA.user.id, unitId: shopA.id, subject: 'Cracked plasterboard' });
    const title = `${c.number} Cracked plasterboard`;

    expect(await sweepCaseSla(t.db, at('2026-03-02T08:20:00Z'))).toEqual({ warnings: 0, breaches: 0, notices: 0 });
    // 30 minutes before the first response is due: Elio is warned, once however often the sweep runs.
    expect((await sweepCaseSla(t.db, at('2026-03-02T08:31:00Z'))).warnings).toBe(1);
    await sweepCaseSla(t.db, at('2026-03-02T08:40:00Z'));
    expect(await notices(employeeA.browser)).toEqual([`case_sla_warning:${title}:first_response`]);
    expect(await notices(managerA.browser)).toEqual([]);

    // Past it: Elio and Marta, the head of shop A, are told who had it; once.
    expect((await sweepCaseSla(t.db, at('2026-03-02T09:01:00Z'))).breaches).toBe(1);
    await sweepCaseSla(t.db, at('2026-03-02T09:10:00Z'));
    expect(await notices(managerA.browser)).toEqual([`case_sla_breached:${title}:first_response:Elio`]);
    expect((await notices(employeeA.browser))[0]).toBe(`case_sla_breached:${title}:first_response:Elio`);
    expect(await notices(employeeA2.browser)).toEqual([]);
    const row = await caseRow(t.db, ws, c.id);
    expect(row.firstResponseWarnedAt?.toISOString()).toBe('2026-03-02T08:31:00.000Z');
    expect(row.firstResponseBreachedAt?.toISOString()).toBe('2026-03-02T09:01:00.000Z');
    // The notices name the case.
    const list = await get(managerA.browser, '/api/v1/notifications?limit=10');
    expect(list.data[0]).toMatchObject({ kind: 'case_sla_breached', caseId: c.id, title });

    // Then the resolution: warned at 11:30, breached at 12:00.
    await sweepCaseSla(t.db, at('2026-03-02T11:31:00Z'));
    await sweepCaseSla(t.db, at('2026-03-02T12:00:00Z'));
    expect((await notices(managerA.browser))[0]).toBe(`case_sla_breached:${title}:resolution:Elio`);
    expect((await notices(employeeA.browser)).slice(0, 2)).toEqual([
      `case_sla_breached:${title}:resolution:Elio`,
      `case_sla_warning:${title}:resolution`,
    ]);
    expect(await sweepCaseSla(t.db, at('2026-03-03T12:00:00Z'))).toEqual({ warnings: 0, breaches: 0, notices: 0 });
  });

  it('tells a queue its members, climbs the unit tree to the nearest manager, and falls back to the admins', async () => {
    const { owner, shopA, shopB, managerA, employeeB, newCase } = await setUp();
    // The corner counter sits under shop A and has no manager: Marta is its head.
    const corner = await post(owner, '/api/v1/units', { name: 'Corner counter', parentId: shopA.id });
    const email = uniqueEmail('dino');
    const dino = await post(owner, '/api/v1/users', { email, name: 'Dino', password: PASSWORD, role: 'employee', unitId: corner.id });
    const dinoBrowser = await signIn(t, email);
    const counter = await newCase('2026-03-02T08:00:00Z', { ownerId: dino.id, unitId: corner.id });
    // Shop B has no manager at all, and its case waits in the queue.
    const queued = await newCase('2026-03-02T08:00:00Z', { ownerId: null, unitId: shopB.id });

    await sweepCaseSla(t.db, at('2026-03-02T08:35:00Z'));
    expect(await notices(employeeB.browser)).toEqual([`case_sla_warning:${queued.number} Cracked plasterboard:first_response`]);
    expect(await notices(dinoBrowser)).toEqual([`case_sla_warning:${counter.number} Cracked plasterboard:first_response`]);

    await sweepCaseSla(t.db, at('2026-03-02T09:05:00Z'));
    expect(await notices(managerA.browser)).toEqual([`case_sla_breached:${counter.number} Cracked plasterboard:first_response:Dino`]);
    expect(await notices(owner)).toEqual([`case_sla_breached:${queued.number} Cracked plasterboard:first_response:Via Milano`]);
    expect((await notices(employeeB.browser))[0]).toBe(`case_sla_breached:${queued.number} Cracked plasterboard:first_response:Via Milano`);
  });

  it('skips cases answered, paused, closed or deleted, and other workspaces never hear of them', async () => {
    const { shopA, managerA, employeeA, newCase } = await setUp();
    const other = await setUp();
    const mine = { ownerId: employeeA.user.id, unitId: shopA.id };
    await newCase('2026-03-02T08:00:00Z', { ...mine, firstRespondedAt: at('2026-03-02T08:05:00Z'), subject: 'Answered' });
    await newCase('2026-03-02T08:00:00Z', {
      ...mine,
      subject: 'Waiting',
      status: 'waiting_customer',
      slaPausedAt: at('2026-03-02T08:10:00Z'),
      firstResponseDueAt: null,
      resolutionDueAt: null,
      firstResponseLeftMinutes: 50,
      resolutionLeftMinutes: 230,
    });
    await newCase('2026-03-02T08:00:00Z', { ...mine, subject: 'Closed', status: 'closed', closedAt: at('2026-03-02T08:20:00Z') });
    await newCase('2026-03-02T08:00:00Z', { ...mine, subject: 'Deleted', deletedAt: at('2026-03-02T08:20:00Z') });
    const theirs = await other.newCase('2026-03-02T08:00:00Z', { ownerId: other.employeeA.user.id, unitId: other.shopA.id });

    await sweepCaseSla(t.db, at('2026-03-03T08:00:00Z'));
    // Only the answered case's resolution is late here.
    expect(await notices(managerA.browser)).toEqual([expect.stringMatching(/^case_sla_breached:C-\d+-\d+ Answered:resolution:Elio$/)]);
    expect(await notices(employeeA.browser)).toHaveLength(1);
    expect((await notices(other.managerA.browser)).sort()).toEqual([
      `case_sla_breached:${theirs.number} Cracked plasterboard:first_response:Elio`,
      `case_sla_breached:${theirs.number} Cracked plasterboard:resolution:Elio`,
    ]);
  });

  it('warns in working minutes: a due time on Monday morning is warned of on Friday evening', async () => {
    const { owner, ws, shopA, employeeA, type, policy } = await setUp();
    await post(owner, '/api/v1/working-calendars', {
      name: 'Office',
      timeZone: 'Europe/Rome',
      hours: [1, 2, 3, 4, 5].map((day) => ({ day, from: 540, to: 1080 })),
    });
    // Due Monday 9 March 09:20 Rome; warned 30 working minutes before: Friday 17:50.
    await makeCase(t.db, {
      workspaceId: ws,
      createdById: owner.session.user.id,
      typeId: type.id,
      ownerId: employeeA.user.id,
      unitId: shopA.id,
      slaPolicyId: policy.id,
      firstRespondedAt: at('2026-03-06T09:00:00Z'),
      resolutionDueAt: at('2026-03-09T08:20:00Z'),
    });
    await sweepCaseSla(t.db, at('2026-03-06T16:45:00Z'));
    expect(await notices(employeeA.browser)).toEqual([]);
    await sweepCaseSla(t.db, at('2026-03-06T16:51:00Z'));
    expect(await notices(employeeA.browser)).toEqual([expect.stringMatching(/^case_sla_warning:.*:resolution$/)]);
  });

  it('tells everyone exactly once when two server processes sweep the same database at the same time', async () => {
    const { ws, shopA, managerA, employeeA, employeeA2, newCase } = await setUp();
    for (let i = 0; i < 20; i += 1) {
      const ownerId = i % 2 ? employeeA.user.id : employeeA2.user.id;
      await newCase('2026-03-02T08:00:00Z', { ownerId, unitId: shopA.id, subject: `Order ${i}` });
    }
    const script = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'sla-sweep-process.ts');
    const run = promisify(execFile);
    const when = '2026-03-02T12:30:00Z';
    const processes = await Promise.all(
      [1, 2].map(() => run(process.execPath, ['--import', 'tsx', script, t.url, when, '3'], { cwd: path.dirname(script) })),
    );
    const [first, second] = processes.map((p) => JSON.parse(p.stdout) as { breaches: number });
    // Both targets of all 20 cases, each claimed by exactly one of the six sweeps.
    expect((first?.breaches ?? 0) + (second?.breaches ?? 0)).toBe(40);
    const told = await notices(managerA.browser);
    expect(told).toHaveLength(40);
    expect(new Set(told).size).toBe(40);
    const owners = [...(await notices(employeeA.browser)), ...(await notices(employeeA2.browser))];
    expect(owners).toHaveLength(40);
    // Every case is marked once, at the time of the sweeps.
    const row = await t.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM support_case WHERE workspace_id = ${ws}
        AND first_response_breached_at = ${when}::timestamptz AND resolution_breached_at = ${when}::timestamptz`,
    );
    expect(row.rows[0]?.n).toBe(20);
  });
});
