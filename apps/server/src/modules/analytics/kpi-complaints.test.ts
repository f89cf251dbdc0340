import type { TKpiBoard, TKpiSeries } from '@clientela/contract';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Browser, makeBakery, type TestApp, useTestApp } from '../../test/harness.ts';

const t = useTestApp();

/** A zone where it is about noon now, so that an hour ago is today and 25 hours ago yesterday (Etc/GMT-X is UTC+X). */
function noonZone() {
  const offset = 12 - new Date().getUTCHours();
  if (offset === 0) return 'Etc/GMT';
  return offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}

async function board(b: Browser, query: string): Promise<TKpiBoard> {
  const response = await b.request({ method: 'GET', url: `/api/v1/dashboards/kpi?${query}` });
  if (response.statusCode !== 200) throw new Error(`KPI board: ${response.statusCode} ${response.body}`);
  return response.json();
}

/** The complaint tiles as `[received now, received before, resolved now, resolved before]`. */
const complaints = (b: TKpiBoard) => {
  const kpi = (measure: string) => b.kpis.find((k) => k.measure === measure);
  const received = kpi('complaintsReceived');
  const resolved = kpi('complaintsResolved');
  return [received?.current.count, received?.previous.count, resolved?.current.count, resolved?.previous.count];
};

const hoursAgo = (n: number) => new Date(Date.now() - n * 3_600_000).toISOString();
let numbers = 0;

/** A case written straight into the table (the cases API is not what is tested here). */
async function insertCase(
  t: TestApp,
  c: { workspaceId: string; typeId: string; by: string; owner: string; unit: string | null; created: string; resolved?: string },
  extra: { kind?: string; deleted?: boolean } = {},
) {
  numbers += 1;
  await t.db.execute(sql`
    INSERT INTO support_case (workspace_id, number, subject, kind, type_id, channel, status, owner_id, unit_id, created_by_id,
      created_at, resolved_at, deleted_at)
    VALUES (${c.workspaceId}, ${`C-K-${numbers}`}, 'A complaint', ${extra.kind ?? 'complaint'}, ${c.typeId}, 'phone',
      ${c.resolved ? 'resolved' : 'new'}, ${c.owner}, ${c.unit}, ${c.by}, ${c.created}::timestamptz, ${c.resolved ?? null}::timestamptz,
      ${extra.deleted ? c.created : null}::timestamptz)`);
}

describe('the complaint tiles of the KPI board', () => {
  it('count complaints received and resolved in the period against the previous one, within the board’s scope', async () => {
    const { owner, shopA, shopB, managerA, employeeA, employeeB } = await makeBakery(t);
    const workspaceId = owner.session.user.workspace.id;
    const type = await t.db.execute<{ id: string }>(
      sql`INSERT INTO case_type (workspace_id, name) VALUES (${workspaceId}, 'Quality') RETURNING id`,
    );
    const typeId = type.rows[0]?.id as string;
    const by = owner.session.user.id;
    const elio = { workspaceId, typeId, by, owner: employeeA.user.id, unit: shopA.id };
    const bea = { workspaceId, typeId, by, owner: employeeB.user.id, unit: shopB.id };
    // Elio: two received today (one resolved an hour later), one yesterday; one from last week resolved today.
    await insertCase(t, { ...elio, created: hoursAgo(3), resolved: hoursAgo(1) });
    await insertCase(t, { ...elio, created: hoursAgo(1) });
    await insertCase(t, { ...elio, created: hoursAgo(25) });
    await insertCase(t, { ...elio, created: hoursAgo(24 * 7), resolved: hoursAgo(2) });
    // Bea: one today, one resolved yesterday.
    await insertCase(t, { ...bea, created: hoursAgo(2) });
    await insertCase(t, { ...bea, created: hoursAgo(24 * 3), resolved: hoursAgo(26) });
    // Marta's own complaint, booked in Via Milano.
    await insertCase(t, { ...bea, owner: managerA.user.id, created: hoursAgo(1) });
    // Not complaints, or in the bin: never counted.
    await insertCase(t, { ...elio, created: hoursAgo(1) }, { kind: 'question' });
    await insertCase(t, { ...elio, created: hoursAgo(1) }, { deleted: true });
    // Another workspace's complaint.
    const other = await makeBakery(t);
    const otherWs = other.owner.session.user.workspace.id;
    const otherType = await t.db.execute<{ id: string }>(
      sql`INSERT INTO case_type (workspace_id, name) VALUES (${otherWs}, 'Quality') RETURNING id`,
    );
    await insertCase(t, {
      workspaceId: otherWs,
      typeId: otherType.rows[0]?.id as string,
      by: other.owner.session.user.id,
      owner: other.owner.session.user.id,
      unit: null,
      created: hoursAgo(1),
    });

    const today = `period=today&timeZone=${encodeURIComponent(noonZone())}`;
    const all = await board(owner, today);
    expect(all.kpis.map((k) => k.measure)).toEqual([
      'potentialClients',
      'quotesSent',
      'newDeals',
      'dealsWon',
      'complaintsReceived',
      'complaintsResolved',
    ]);
    expect(all.kpis.find((k) => k.measure === 'complaintsReceived')?.current.sum).toBeNull();
    expect(complaints(all)).toEqual([4, 1, 2, 1]);
    expect(complaints(await board(owner, `${today}&unitId=${shopB.id}`))).toEqual([2, 0, 0, 1]);
    // Marta: Via Roma's, and her own booked in Via Milano.
    expect(complaints(await board(managerA.browser, today))).toEqual([3, 1, 2, 0]);
    expect(complaints(await board(managerA.browser, `${today}&unitId=${shopA.id}`))).toEqual([2, 1, 2, 0]);
    // Employees count their own.
    expect(complaints(await board(employeeA.browser, today))).toEqual([2, 1, 2, 0]);
    expect(complaints(await board(employeeB.browser, today))).toEqual([1, 0, 0, 1]);
    // The week holds today and yesterday (unless the week started today).
    const week = await board(owner, `period=week&timeZone=${encodeURIComponent(noonZone())}`);
    const [received] = complaints(week);
    expect(received).toBeGreaterThanOrEqual(4);

    const series = await owner.request({
      method: 'GET',
      url: `/api/v1/dashboards/kpi/series?${today}&measure=complaintsReceived`,
    });
    expect(series.statusCode).toBe(200);
    const points = series.json<TKpiSeries>();
    expect(points.current.reduce((n, p) => n + p.count, 0)).toBe(4);
    expect(points.current.every((p) => p.sum === null)).toBe(true);
  });
});
