import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Browser, get, makeBakery, post, useTestApp } from '../../test/harness.ts';

const t = useTestApp();

/**
 * Revenue per basis, month, customer, owner and unit computed from scratch from deals and orders,
 * written independently of the triggers that keep `revenue_monthly`.
 */
async function fromScratch(workspaceId: string) {
  const result = await t.db.execute<Record<string, string>>(sql`
    WITH facts AS (
      SELECT 'won_deals' AS basis, to_char(d.closed_on, 'YYYY-MM') AS month, d.company_id, d.owner_id, d.unit_id,
        coalesce(d.amount_base, 0) AS amount
      FROM deal d JOIN pipeline_stage s ON s.workspace_id = d.workspace_id AND s.id = d.stage_id
      WHERE d.workspace_id = ${workspaceId} AND d.deleted_at IS NULL AND s.kind = 'won' AND d.closed_on IS NOT NULL
      UNION ALL
      SELECT 'orders', to_char(o.ordered_on, 'YYYY-MM'), o.company_id, o.owner_id, o.unit_id, coalesce(o.total_base, 0)
      FROM sales_order o WHERE o.workspace_id = ${workspaceId} AND o.status <> 'cancelled'
    )
    SELECT basis, month, coalesce(company_id::text, '-') AS company, coalesce(owner_id::text, '-') AS owner,
      coalesce(unit_id::text, '-') AS unit, count(*)::text AS n, sum(amount)::numeric(18, 2)::text AS amount
    FROM facts GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`);
  return result.rows;
}

/** What the triggers kept, in the same shape (rows that netted to nothing left out). */
async function kept(workspaceId: string) {
  const result = await t.db.execute<Record<string, string>>(sql`
    SELECT basis, to_char(month, 'YYYY-MM') AS month, coalesce(company_id::text, '-') AS company,
      coalesce(owner_id::text, '-') AS owner, coalesce(unit_id::text, '-') AS unit, count::text AS n, amount::text AS amount
    FROM revenue_monthly WHERE workspace_id = ${workspaceId} AND (count <> 0 OR amount <> 0)
    ORDER BY 1, 2, 3, 4, 5`);
  return result.rows;
}

/** A small deterministic random sequence, so a failure can be replayed. */
function randomFrom(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

describe('monthly revenue aggregate', () => {
  it('stays equal to a from-scratch recomputation after a random mix of writes', async () => {
    const { owner, managerA, employeeA, employeeB } = await makeBakery(t);
    const workspaceId = owner.session.user.workspace.id;
    const random = randomFrom(20261207);
    const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)] as T;
    const patch = (b: Browser, url: string, payload: Record<string, unknown>) => b.request({ method: 'PATCH', url, payload });
    const del = (b: Browser, url: string) => b.request({ method: 'DELETE', url });
    const put = (b: Browser, url: string, payload: Record<string, unknown>) => b.request({ method: 'PUT', url, payload });

    await put(owner, '/api/v1/currencies', { currencies: ['USD'] });
    await put(owner, '/api/v1/currencies/rates', { rates: [{ currency: 'USD', on: '2020-01-01', rate: '0.9' }] });
    const pipeline = (await get(owner, '/api/v1/pipelines')).data[0];
    const stages: { id: string; kind: string }[] = pipeline.stages;
    const lostReasonId = (await get(owner, '/api/v1/pipelines/lost-reasons')).data[0].id;
    const stageFields = (stage: { id: string; kind: string }) => ({
      stageId: stage.id,
      ...(stage.kind === 'lost' ? { lostReasonId } : {}),
    });
    const people = [owner, managerA.browser, employeeA.browser, employeeB.browser];
    const companies: { id: string; by: Browser }[] = [];
    const deals: { id: string; by: Browser }[] = [];
    const orders: { id: string; by: Browser }[] = [];

    for (let step = 0; step < 120; step++) {
      const by = pick(people);
      const roll = random();
      if (roll < 0.1 || companies.length === 0) {
        const c = await post(by, '/api/v1/companies', { name: `Co ${step}`, status: 'active' });
        companies.push({ id: c.id, by });
      } else if (roll < 0.35) {
        const company = pick(companies);
        const d = await by.request({
          method: 'POST',
          url: '/api/v1/deals',
          payload: {
            title: `Deal ${step}`,
            amount: `${Math.floor(random() * 100_000) / 100}`,
            currency: pick(['EUR', 'USD']),
            expectedCloseOn: '2026-12-31',
            ...(random() < 0.7 ? { companyId: company.id } : {}),
            ...(random() < 0.5 ? stageFields(pick(stages)) : {}),
          },
        });
        if (d.statusCode === 201) deals.push({ id: d.json().id, by });
      } else if (roll < 0.55 && deals.length) {
        const d = pick(deals);
        await patch(d.by, `/api/v1/deals/${d.id}`, {
          ...stageFields(pick(stages)),
          amount: `${Math.floor(random() * 100_000) / 100}`,
          expectedCloseOn: '2026-12-31',
        });
      } else if (roll < 0.6 && deals.length) {
        const d = pick(deals);
        await patch(owner, `/api/v1/deals/${d.id}`, { ownerId: pick([managerA.user.id, employeeA.user.id, employeeB.user.id]) });
      } else if (roll < 0.65 && deals.length) {
        const d = pick(deals);
        await del(d.by, `/api/v1/deals/${d.id}`);
      } else if (roll < 0.8) {
        const company = pick(companies);
        const o = await company.by.request({
          method: 'POST',
          url: '/api/v1/orders',
          payload: {
            companyId: company.id,
            currency: pick(['EUR', 'USD']),
            orderedOn: `2026-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
            lines: [{ description: 'Bread', quantity: '2', unitPrice: `${Math.floor(random() * 10_000) / 100}` }],
          },
        });
        if (o.statusCode === 201) orders.push({ id: o.json().id, by: company.by });
      } else if (roll < 0.9 && orders.length) {
        const o = pick(orders);
        if (random() < 0.5) {
          await o.by.request({ method: 'POST', url: `/api/v1/orders/${o.id}/status`, payload: { status: 'cancelled' } });
        } else {
          await patch(o.by, `/api/v1/orders/${o.id}`, {
            lines: [{ description: 'Cake', quantity: '1', unitPrice: `${Math.floor(random() * 10_000) / 100}` }],
          });
        }
      } else {
        // A new rate recomputes the base values of deals and orders in its currency.
        await put(owner, '/api/v1/currencies/rates', {
          rates: [{ currency: 'USD', on: '2020-01-01', rate: `${(0.8 + random() / 2).toFixed(4)}` }],
        });
      }
    }
    const counted = await kept(workspaceId);
    expect(new Set(counted.map((row) => row.basis))).toEqual(new Set(['won_deals', 'orders']));
    expect(counted).toEqual(await fromScratch(workspaceId));

    // Sales by month over a period that starts and ends inside a month read the aggregate and the
    // days outside the period: the same counts and sums as the records themselves.
    const wonStage = stages.find((stage) => stage.kind === 'won')?.id;
    await t.db.execute(sql`UPDATE deal SET stage_id = ${wonStage}::uuid, closed_on = current_date - (random() * 300)::int
      WHERE workspace_id = ${workspaceId} AND random() < 0.6`);
    expect(await kept(workspaceId)).toEqual(await fromScratch(workspaceId));
    for (const basis of ['won_deals', 'orders'] as const) {
      const from = '2026-02-17';
      const to = '2026-11-12';
      const report = await get(owner, `/api/v1/reports/sales?groupBy=month&basis=${basis}&from=${from}&to=${to}`);
      const expected = await t.db.execute<{ key: string; count: number; amount: string }>(
        basis === 'won_deals'
          ? sql`SELECT to_char(d.closed_on, 'YYYY-MM') AS key, count(*)::int AS count, sum(coalesce(d.amount_base, 0))::numeric(18, 2)::text AS amount
              FROM deal d JOIN pipeline_stage s ON s.workspace_id = d.workspace_id AND s.id = d.stage_id AND s.kind = 'won'
              WHERE d.workspace_id = ${workspaceId} AND d.deleted_at IS NULL AND d.closed_on BETWEEN ${from}::date AND ${to}::date
              GROUP BY 1 ORDER BY 1`
          : sql`SELECT to_char(ordered_on, 'YYYY-MM') AS key, count(*)::int AS count, sum(coalesce(total_base, 0))::numeric(18, 2)::text AS amount
              FROM sales_order WHERE workspace_id = ${workspaceId} AND status <> 'cancelled' AND ordered_on BETWEEN ${from}::date AND ${to}::date
              GROUP BY 1 ORDER BY 1`,
      );
      expect(expected.rows.length).toBeGreaterThan(1);
      expect(
        report.rows.map((r: { key: string; count: number; amount: string }) => ({ key: r.key, count: r.count, amount: r.amount })),
      ).toEqual(expected.rows);
    }

    // Multi-row statements, as imports and clean-ups write: close dates and order dates spread over
    // past months, owners moved, a base value recomputed, a stage that stops being won and one that
    // becomes won, rows removed for good.
    await t.db.execute(sql`UPDATE deal SET closed_on = closed_on - (random() * 200)::int, owner_id = CASE WHEN random() < 0.3
      THEN ${employeeB.user.id}::uuid ELSE owner_id END WHERE workspace_id = ${workspaceId}`);
    await t.db.execute(sql`UPDATE sales_order SET ordered_on = ordered_on - (random() * 200)::int,
      total_base = total_base + 1 WHERE workspace_id = ${workspaceId}`);
    expect(await kept(workspaceId)).toEqual(await fromScratch(workspaceId));
    await t.db.execute(sql`UPDATE pipeline_stage SET kind = CASE kind WHEN 'won' THEN 'open' ELSE 'won' END
      WHERE workspace_id = ${workspaceId} AND kind IN ('won', 'lost')`);
    expect(await kept(workspaceId)).toEqual(await fromScratch(workspaceId));
    await t.db.execute(sql`DELETE FROM deal WHERE workspace_id = ${workspaceId} AND id IN (
      SELECT id FROM deal WHERE workspace_id = ${workspaceId}
        AND id NOT IN (SELECT deal_id FROM quote WHERE deal_id IS NOT NULL)
        AND id NOT IN (SELECT deal_id FROM sales_order WHERE deal_id IS NOT NULL) LIMIT 5)`);
    await t.db.execute(sql`DELETE FROM sales_order WHERE workspace_id = ${workspaceId} AND id IN (
      SELECT id FROM sales_order WHERE workspace_id = ${workspaceId} LIMIT 3)`);
    expect(await kept(workspaceId)).toEqual(await fromScratch(workspaceId));
    // A whole workspace removed takes its figures with it.
    await t.db.execute(sql`DELETE FROM workspace WHERE id = ${workspaceId}`);
    expect(await kept(workspaceId)).toEqual([]);
  });
});
