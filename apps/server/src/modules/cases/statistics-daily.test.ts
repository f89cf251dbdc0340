import { CASE_CHANNELS, CASE_PRIORITIES, type TCaseStatDimension, type TCaseStatisticsQuery } from '@clientela/contract';
import { type SQL, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../http/context.ts';
import { makeBakery, type TestApp, useTestApp } from '../../test/harness.ts';
import { caseCategories, caseTypes, supportCases } from './cases.table.ts';
import { addDays, caseStatistics, splitPeriod } from './statistics.ts';

const t = useTestApp();

const HOUR = 3_600_000;
const DIMENSIONS: TCaseStatDimension[] = ['type', 'category', 'product', 'owner', 'unit', 'channel', 'verdict', 'priority'];

/** A small deterministic sequence (mulberry32), so a failure can be replayed. */
function sequence(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state + 0x6d2b79f5) | 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) % n;
  };
}

/**
 * Cases over the last 26 months at every hour of the day: resolved on time and late, first replies
 * early and late, still owed, rated, unfounded and founded, in two units and none; then reopened,
 * handed over to the other unit, re-rated, moved to the bin, deleted for good, and changed many at
 * once, each through an update of the table as the write paths do it.
 */
async function variedCases(t: TestApp) {
  const bakery = await makeBakery(t);
  const workspaceId = bakery.owner.session.user.workspace.id;
  const me = bakery.owner.session.user.id;
  const people = [me, bakery.employeeA.user.id, bakery.employeeB.user.id, bakery.managerA.user.id];
  const units = [bakery.shopA.id, bakery.shopB.id, null];
  const types = await t.db
    .insert(caseTypes)
    .values([
      { workspaceId, name: 'Quality', kind: 'complaint' },
      { workspaceId, name: 'Delivery', kind: 'request' },
      { workspaceId, name: 'How to', kind: 'question' },
    ])
    .returning({ id: caseTypes.id, kind: caseTypes.kind });
  const categories = await t.db
    .insert(caseCategories)
    .values(types.flatMap((type) => ['First', 'Second'].map((name) => ({ workspaceId, typeId: type.id, name }))))
    .returning({ id: caseCategories.id, typeId: caseCategories.typeId });
  const products = (
    await t.db.execute<{ id: string }>(
      sql`INSERT INTO product (workspace_id, name) SELECT ${workspaceId}, 'Product ' || i FROM generate_series(1, 3) i RETURNING id`,
    )
  ).rows.map((r) => r.id);
  const policy = (
    await t.db.execute<{ id: string }>(
      sql`INSERT INTO sla_policy (workspace_id, name, first_response_minutes, resolution_minutes) VALUES (${workspaceId}, 'Standard', 60, 480) RETURNING id`,
    )
  ).rows[0]?.id as string;

  const next = sequence(42);
  const now = Date.now();
  const rows: (typeof supportCases.$inferInsert)[] = [];
  for (let i = 0; i < 240; i++) {
    const type = types[next(types.length)] as (typeof types)[number];
    const created = now - next(26 * 30 * 24) * HOUR - next(60) * 60_000;
    const withPolicy = next(4) > 0;
    const resolved = next(3) > 0 ? created + (1 + next(300)) * HOUR : null;
    const responded = next(5) > 0 ? created + next(4) * HOUR + next(60) * 60_000 : null;
    const rated = resolved !== null && next(2) === 0;
    const resolutionDue = withPolicy ? created + 48 * HOUR : null;
    const responseDue = withPolicy ? created + 2 * HOUR : null;
    const typeCategories = categories.filter((c) => c.typeId === type.id);
    rows.push({
      workspaceId,
      number: `C-D-${i}`,
      subject: `Case ${i}`,
      kind: type.kind,
      typeId: type.id,
      categoryId: next(3) === 0 ? null : typeCategories[next(typeCategories.length)]?.id,
      productId: next(3) === 0 ? null : products[next(products.length)],
      channel: CASE_CHANNELS[next(CASE_CHANNELS.length)] ?? 'phone',
      priority: CASE_PRIORITIES[next(CASE_PRIORITIES.length)] ?? 'normal',
      status: resolved === null ? 'in_progress' : next(2) === 0 ? 'resolved' : 'closed',
      ownerId: next(6) === 0 ? null : people[next(people.length)],
      unitId: units[next(units.length)],
      verdict: type.kind === 'complaint' && resolved !== null ? (['founded', 'unfounded', 'partly_founded', null] as const)[next(4)] : null,
      slaPolicyId: withPolicy ? policy : null,
      firstResponseDueAt: responseDue === null || next(8) === 0 ? null : new Date(responseDue),
      firstRespondedAt: responded === null ? null : new Date(responded),
      firstResponseBreachedAt: responseDue !== null && (responded ?? now) > responseDue && next(3) > 0 ? new Date(responseDue) : null,
      resolutionDueAt: resolutionDue === null || next(8) === 0 ? null : new Date(resolutionDue),
      resolutionBreachedAt: resolutionDue !== null && (resolved ?? now) > resolutionDue && next(3) > 0 ? new Date(resolutionDue) : null,
      resolvedAt: resolved === null ? null : new Date(resolved),
      satisfaction: rated ? 1 + next(5) : null,
      satisfactionAt: rated && resolved !== null ? new Date(resolved + next(72) * HOUR) : null,
      createdById: me,
      createdAt: new Date(created),
    });
  }
  // Half in one statement, the rest one by one.
  const ids = (await t.db.insert(supportCases).values(rows.slice(0, 120)).returning({ id: supportCases.id })).map((r) => r.id);
  for (const row of rows.slice(120)) {
    const [created] = await t.db.insert(supportCases).values(row).returning({ id: supportCases.id });
    ids.push(created?.id as string);
  }

  const each = async (step: number, offset: number, change: (id: string) => SQL) => {
    for (let i = offset; i < ids.length; i += step) await t.db.execute(change(ids[i] as string));
  };
  // Reopened: resolution undone, owed again.
  await each(
    11,
    0,
    (id) =>
      sql`UPDATE support_case SET status = 'reopened', resolved_at = NULL, closed_at = NULL, reopened_count = reopened_count + 1 WHERE id = ${id}`,
  );
  // Resolved now, late and marked breached.
  await each(
    13,
    1,
    (id) =>
      sql`UPDATE support_case SET status = 'resolved', resolved_at = now(), resolution_breached_at = resolution_due_at WHERE id = ${id} AND resolved_at IS NULL`,
  );
  // Handed over to the other unit and its manager.
  await each(
    7,
    2,
    (id) =>
      sql`UPDATE support_case SET unit_id = ${bakery.shopB.id}, owner_id = ${bakery.employeeB.user.id} WHERE id = ${id} AND unit_id IS DISTINCT FROM ${bakery.shopB.id}`,
  );
  // Rated again, or the rating taken back.
  await each(9, 3, (id) => sql`UPDATE support_case SET satisfaction = 5, satisfaction_at = now() - interval '3 days' WHERE id = ${id}`);
  await each(17, 4, (id) => sql`UPDATE support_case SET satisfaction = NULL WHERE id = ${id}`);
  // Changed where nothing counted moves.
  await each(5, 0, (id) => sql`UPDATE support_case SET subject = subject || ' (edited)', updated_at = now() WHERE id = ${id}`);
  // The bin, back out of the bin, and deleted for good.
  await each(10, 5, (id) => sql`UPDATE support_case SET deleted_at = now() WHERE id = ${id}`);
  await each(20, 5, (id) => sql`UPDATE support_case SET deleted_at = NULL WHERE id = ${id}`);
  await each(19, 6, (id) => sql`DELETE FROM support_case WHERE id = ${id}`);
  // Many at once: a verdict and a priority for every open complaint, and a type moved.
  await t.db.execute(
    sql`UPDATE support_case SET verdict = 'unfounded', priority = 'urgent' WHERE workspace_id = ${workspaceId} AND kind = 'complaint' AND resolved_at IS NULL`,
  );
  await t.db.execute(
    sql`UPDATE support_case SET category_id = NULL, product_id = ${products[0]} WHERE workspace_id = ${workspaceId} AND number LIKE 'C-D-1%'`,
  );

  const actor = {
    workspaceId,
    userId: me,
    name: 'Owner',
    role: 'admin' as const,
    unitId: null,
    unitTree: async () => new Set<string>(),
  };
  return { ctx: { db: t.db, actor } satisfies Ctx, me, bakery, workspaceId };
}

describe('case statistics from the daily sums', () => {
  it('splits a period into whole UTC days and months before today, and the hours around them', () => {
    const at = (iso: string) => new Date(iso);
    // A year in Rome (UTC+1): from 23:00 UTC the day before; today's hours from the cases.
    expect(splitPeriod(at('2025-01-31T23:00:00Z'), at('2026-01-31T23:00:00Z'), at('2026-01-20T10:00:00Z'))).toEqual({
      windows: [
        { start: at('2025-01-31T23:00:00Z'), end: at('2025-02-01T00:00:00Z') },
        { start: at('2026-01-20T00:00:00Z'), end: at('2026-01-31T23:00:00Z') },
      ],
      spans: [
        { grain: 'month', from: '2025-02-01', to: '2026-01-01' },
        { grain: 'day', from: '2026-01-01', to: '2026-01-20' },
      ],
    });
    // Days at both ends around whole months, in UTC.
    expect(splitPeriod(at('2025-02-10T00:00:00Z'), at('2025-05-05T00:00:00Z'), at('2026-01-01T00:00:00Z'))).toEqual({
      windows: [],
      spans: [
        { grain: 'day', from: '2025-02-10', to: '2025-03-01' },
        { grain: 'month', from: '2025-03-01', to: '2025-05-01' },
        { grain: 'day', from: '2025-05-01', to: '2025-05-05' },
      ],
    });
    // Today alone, or a period in the future: all from the cases.
    const today = { start: at('2026-01-20T05:30:00Z'), end: at('2026-01-21T05:30:00Z') };
    expect(splitPeriod(today.start, today.end, at('2026-01-20T10:00:00Z'))).toEqual({ windows: [today], spans: [] });
  });

  it('answers exactly as counting the cases themselves, for every dimension, period, zone, unit and kind, after writes of every sort', async () => {
    const { ctx, me, bakery, workspaceId } = await variedCases(t);
    const today = new Date().toISOString().slice(0, 10);
    const queries: TCaseStatisticsQuery[] = [
      { by: 'type' },
      { by: 'type', from: addDays(today, -364), to: today },
      { by: 'type', from: `${Number(today.slice(0, 4)) - 1}-01-01`, to: `${Number(today.slice(0, 4)) - 1}-03-31` },
      { by: 'type', from: addDays(today, -45), to: addDays(today, -3) },
      { by: 'type', from: addDays(today, -200), to: addDays(today, 20) },
    ];
    const nows = [new Date(), new Date(Date.now() + 3 * 24 * HOUR + 5 * HOUR)];
    let compared = 0;
    for (const zone of ['Europe/Rome', 'America/New_York', 'Asia/Kolkata', 'UTC']) {
      await t.db.execute(sql`UPDATE app_user SET time_zone = ${zone} WHERE id = ${me}`);
      for (const base of queries) {
        for (const by of DIMENSIONS) {
          const variants: TCaseStatisticsQuery[] = [{ ...base, by }];
          if (by === 'owner' || by === 'type') variants.push({ ...base, by, unitId: bakery.shopA.id }, { ...base, by, kind: 'complaint' });
          for (const query of variants) {
            for (const now of zone === 'UTC' ? nows : nows.slice(0, 1)) {
              const daily = await caseStatistics(ctx, query, now, 'daily');
              const reference = await caseStatistics(ctx, query, now, 'cases');
              expect(daily, `${zone} ${JSON.stringify(query)} at ${now.toISOString()}`).toEqual(reference);
              compared += 1;
            }
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(150);
    // The figures are not all empty: the comparison compares something.
    const year = await caseStatistics(ctx, queries[1] as TCaseStatisticsQuery, new Date(), 'cases');
    expect(year.current.received).toBeGreaterThan(50);
    expect(year.current.slaCompliance).not.toBeNull();
    expect(year.current.avgSatisfaction).not.toBeNull();
    expect(year.current.unfounded).toBeGreaterThan(0);

    // What the trigger kept is what counting every case again gives.
    const kept = await t.db.execute(sql`
      SELECT dimension, whole, grain, day, unit_id, kind, value, received, open, resolved, handling_seconds::float8, unfounded, sla_done,
        sla_met, sla_owed, first_response_done, first_response_met, first_response_owed, satisfaction_sum, satisfaction_n
      FROM case_daily WHERE workspace_id = ${workspaceId}
        AND (received, open, resolved, handling_seconds, unfounded, sla_done, sla_met, sla_owed, first_response_done,
          first_response_met, first_response_owed, satisfaction_sum, satisfaction_n) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
      ORDER BY 1, 2, 3, 4, 5, 6, 7`);
    const recounted = await t.db.execute(sql`
      SELECT r.dimension, r.whole, r.grain, r.day, r.unit_id, r.kind, r.value, sum(r.received)::int AS received,
        sum(r.open)::int AS open, sum(r.resolved)::int AS resolved, sum(r.handling_seconds)::float8 AS handling_seconds,
        sum(r.unfounded)::int AS unfounded, sum(r.sla_done)::int AS sla_done, sum(r.sla_met)::int AS sla_met,
        sum(r.sla_owed)::int AS sla_owed, sum(r.first_response_done)::int AS first_response_done,
        sum(r.first_response_met)::int AS first_response_met, sum(r.first_response_owed)::int AS first_response_owed,
        sum(r.satisfaction_sum)::int AS satisfaction_sum, sum(r.satisfaction_n)::int AS satisfaction_n
      FROM support_case s CROSS JOIN LATERAL case_daily_rows(s, 1) r WHERE s.workspace_id = ${workspaceId}
      GROUP BY 1, 2, 3, 4, 5, 6, 7
      HAVING (sum(r.received), sum(r.open), sum(r.resolved), sum(r.handling_seconds), sum(r.unfounded), sum(r.sla_done),
        sum(r.sla_met), sum(r.sla_owed), sum(r.first_response_done), sum(r.first_response_met), sum(r.first_response_owed),
        sum(r.satisfaction_sum), sum(r.satisfaction_n)) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
      ORDER BY 1, 2, 3, 4, 5, 6, 7`);
    expect(kept.rows.length).toBeGreaterThan(0);
    expect(kept.rows.length).toBe(recounted.rows.length);
    expect(kept.rows).toEqual(recounted.rows);
  });

  it('takes nothing out when a workspace goes with its cases', async () => {
    const { workspaceId } = await variedCases(t);
    await t.db.execute(sql`DELETE FROM workspace WHERE id = ${workspaceId}`);
    const left = await t.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM case_daily WHERE workspace_id = ${workspaceId}`);
    expect(left.rows[0]?.n).toBe(0);
  });
});
