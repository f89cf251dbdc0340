import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Browser, get, makeBakery, post, useTestApp } from '../../test/harness.ts';

const t = useTestApp();

/**
 * The KPI figures computed from scratch from the source tables, per hour, owner and unit,
 * written independently of the triggers that keep `kpi_hourly`.
 */
async function fromScratch(workspaceId: string) {
  const result = await t.db.execute<Record<string, string>>(sql`
    WITH sendings AS (
      SELECT DISTINCT ON (q.number) q.owner_id, q.unit_id, q.total_base, s.sent_at
      FROM quote q JOIN kpi_quote_sending s ON s.workspace_id = q.workspace_id AND s.quote_id = q.id
      WHERE q.workspace_id = ${workspaceId} AND q.status <> 'draft'
      ORDER BY q.number, q.version DESC
    ), facts AS (
      SELECT date_trunc('hour', created_at, 'UTC') AS bucket, owner_id, unit_id, 'potential_clients' AS measure, 1 AS n, 0::numeric AS amount
      FROM company WHERE workspace_id = ${workspaceId} AND deleted_at IS NULL
        AND id IN (SELECT id FROM kpi_potential_client WHERE workspace_id = ${workspaceId})
      UNION ALL
      SELECT date_trunc('hour', created_at, 'UTC'), owner_id, unit_id, 'potential_clients', 1, 0
      FROM contact WHERE workspace_id = ${workspaceId} AND deleted_at IS NULL
        AND id IN (SELECT id FROM kpi_potential_client WHERE workspace_id = ${workspaceId})
      UNION ALL
      SELECT date_trunc('hour', sent_at, 'UTC'), owner_id, unit_id, 'quotes_sent', 1, coalesce(total_base, 0) FROM sendings
      UNION ALL
      SELECT date_trunc('hour', created_at, 'UTC'), owner_id, unit_id, 'new_deals', 1, coalesce(amount_base, 0)
      FROM deal WHERE workspace_id = ${workspaceId} AND deleted_at IS NULL
      UNION ALL
      SELECT date_trunc('hour', d.stage_entered_at, 'UTC'), d.owner_id, d.unit_id, 'deals_won', 1, coalesce(d.amount_base, 0)
      FROM deal d JOIN pipeline_stage s ON s.workspace_id = d.workspace_id AND s.id = d.stage_id
      WHERE d.workspace_id = ${workspaceId} AND d.deleted_at IS NULL AND s.kind = 'won'
    )
    SELECT bucket::text, coalesce(owner_id::text, '-') AS owner, coalesce(unit_id::text, '-') AS unit, measure,
      sum(n)::text AS n, sum(amount)::text AS amount
    FROM facts GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`);
  return result.rows;
}

/** What the triggers kept, in the same shape (zero rows left out). */
async function kept(workspaceId: string) {
  const result = await t.db.execute<Record<string, string>>(sql`
    SELECT bucket::text, coalesce(owner_id::text, '-') AS owner, coalesce(unit_id::text, '-') AS unit, m.measure,
      m.n::text AS n, m.amount::text AS amount
    FROM kpi_hourly k CROSS JOIN LATERAL (VALUES
      ('potential_clients', k.potential_clients, 0::numeric),
      ('quotes_sent', k.quotes_sent, k.quotes_sent_base),
      ('new_deals', k.new_deals, k.new_deals_base),
      ('deals_won', k.deals_won, k.deals_won_base)) AS m(measure, n, amount)
    WHERE k.workspace_id = ${workspaceId} AND (m.n <> 0 OR m.amount <> 0)
    ORDER BY 1, 2, 3, 4`);
  return result.rows;
}

/** The per-unit rows against the per-owner rows added up by unit: they must always agree. */
async function rollupMismatches(workspaceId: string) {
  const result = await t.db.execute(sql`
    WITH owners AS (
      SELECT bucket, unit_id, sum(potential_clients) AS pc, sum(quotes_sent) AS qs, sum(quotes_sent_base) AS qsb,
        sum(new_deals) AS nd, sum(new_deals_base) AS ndb, sum(deals_won) AS dw, sum(deals_won_base) AS dwb
      FROM kpi_hourly WHERE workspace_id = ${workspaceId} GROUP BY 1, 2
    ), units AS (
      SELECT bucket, unit_id, potential_clients AS pc, quotes_sent AS qs, quotes_sent_base AS qsb,
        new_deals AS nd, new_deals_base AS ndb, deals_won AS dw, deals_won_base AS dwb
      FROM kpi_unit_hourly WHERE workspace_id = ${workspaceId}
    )
    SELECT * FROM owners o FULL JOIN units u ON u.bucket = o.bucket AND u.unit_id IS NOT DISTINCT FROM o.unit_id
    WHERE (o.pc, o.qs, o.qsb, o.nd, o.ndb, o.dw, o.dwb) IS DISTINCT FROM (u.pc, u.qs, u.qsb, u.nd, u.ndb, u.dw, u.dwb)`);
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

describe('KPI aggregates', () => {
  it('stay equal to a from-scratch recomputation after a random mix of writes', async () => {
    const { owner, managerA, employeeA, employeeB, shopA } = await makeBakery(t);
    const workspaceId = owner.session.user.workspace.id;
    const random = randomFrom(20261206);
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
    const quotes: { id: string; by: Browser }[] = [];

    for (let step = 0; step < 120; step++) {
      const by = pick(people);
      const roll = random();
      if (roll < 0.15 || companies.length === 0) {
        const c = await post(by, '/api/v1/companies', { name: `Co ${step}`, status: pick(['potential', 'new', 'active']) });
        companies.push({ id: c.id, by });
        if (random() < 0.5) await post(by, '/api/v1/contacts', { firstName: 'P', lastName: `${step}`, status: pick(['potential', 'new']) });
      } else if (roll < 0.4) {
        const d = await post(by, '/api/v1/deals', {
          title: `Deal ${step}`,
          amount: `${Math.floor(random() * 100_000) / 100}`,
          currency: pick(['EUR', 'USD']),
          expectedCloseOn: '2026-12-31',
          ...(random() < 0.2 ? stageFields(pick(stages)) : {}),
        });
        deals.push({ id: d.id, by });
      } else if (roll < 0.6 && deals.length) {
        const d = pick(deals);
        await patch(d.by, `/api/v1/deals/${d.id}`, {
          ...stageFields(pick(stages)),
          amount: `${Math.floor(random() * 100_000) / 100}`,
          expectedCloseOn: '2026-12-31',
        });
      } else if (roll < 0.65 && deals.length) {
        const d = pick(deals);
        await patch(owner, `/api/v1/deals/${d.id}`, { ownerId: pick([managerA.user.id, employeeA.user.id, employeeB.user.id]) });
      } else if (roll < 0.7 && deals.length) {
        await del(pick(deals).by, `/api/v1/deals/${pick(deals).id}`);
      } else if (roll < 0.75 && companies.length) {
        const c = pick(companies);
        if (random() < 0.5) await del(c.by, `/api/v1/companies/${c.id}`);
        else await patch(owner, `/api/v1/companies/${c.id}`, { status: 'active', ownerId: employeeA.user.id });
      } else if (roll < 0.85 && companies.length) {
        const company = pick(companies);
        const q = await post(company.by, '/api/v1/quotes', {
          companyId: company.id,
          currency: pick(['EUR', 'USD']),
          lines: [{ description: 'Bread', quantity: '3', unitPrice: `${Math.floor(random() * 10_000) / 100}` }],
        }).catch(() => null); // the company may be in the bin
        if (q) quotes.push({ id: q.id, by: company.by });
      } else if (roll < 0.95 && quotes.length) {
        const q = pick(quotes);
        const current = await get(q.by, `/api/v1/quotes/${q.id}`);
        const setStatus = (status: string) => q.by.request({ method: 'POST', url: `/api/v1/quotes/${q.id}/status`, payload: { status } });
        if (current.status === 'draft') await setStatus('sent');
        else if (current.status === 'sent' && random() < 0.6) {
          const v = await post(q.by, `/api/v1/quotes/${q.id}/versions`, {});
          quotes.push({ id: v.id, by: q.by });
        } else await setStatus('accepted');
      } else {
        await put(owner, '/api/v1/currencies/rates', {
          rates: [{ currency: 'USD', on: '2020-01-01', rate: `${(0.8 + random() / 2).toFixed(4)}` }],
        });
      }
    }
    // Every draft sent, and some proposals revised and sent again.
    for (const q of quotes) {
      const send = (id: string) => q.by.request({ method: 'POST', url: `/api/v1/quotes/${id}/status`, payload: { status: 'sent' } });
      if ((await get(q.by, `/api/v1/quotes/${q.id}`)).status === 'draft') await send(q.id);
      if (random() < 0.4) await send((await post(q.by, `/api/v1/quotes/${q.id}/versions`, {})).id);
    }
    // Multi-row statements, as imports and clean-ups write: records spread over past days, a stage
    // that stops being won, one that becomes won.
    await t.db.execute(sql`UPDATE deal SET created_at = created_at - (random() * interval '40 days'),
      stage_entered_at = stage_entered_at - (random() * interval '20 days') WHERE workspace_id = ${workspaceId}`);
    await t.db.execute(
      sql`UPDATE company SET created_at = created_at - (random() * interval '40 days') WHERE workspace_id = ${workspaceId}`,
    );
    await t.db.execute(
      sql`UPDATE contact SET created_at = created_at - (random() * interval '40 days') WHERE workspace_id = ${workspaceId}`,
    );
    expect(await kept(workspaceId)).toEqual(await fromScratch(workspaceId));
    await t.db.execute(sql`UPDATE pipeline_stage SET kind = CASE kind WHEN 'won' THEN 'open' ELSE 'won' END
      WHERE workspace_id = ${workspaceId} AND kind IN ('won', 'lost')`);
    const measures = new Set((await kept(workspaceId)).map((row) => row.measure));
    expect([...measures].sort()).toEqual(['deals_won', 'new_deals', 'potential_clients', 'quotes_sent']);
    expect(await kept(workspaceId)).toEqual(await fromScratch(workspaceId));
    // Proposals were sent, some in several versions, each counted once.
    const sent = await t.db.execute<{ versions: number; numbers: number }>(sql`SELECT count(*)::int AS versions,
      count(DISTINCT q.number)::int AS numbers FROM kpi_quote_sending s JOIN quote q ON q.id = s.quote_id WHERE s.workspace_id = ${workspaceId}`);
    expect(sent.rows[0]?.versions).toBeGreaterThan(sent.rows[0]?.numbers ?? 0);
    // Rows removed for good: theirs go too; a whole workspace removed takes its figures with it.
    await t.db.execute(sql`DELETE FROM deal WHERE workspace_id = ${workspaceId} AND id IN (
      SELECT id FROM deal WHERE workspace_id = ${workspaceId} AND id NOT IN (SELECT deal_id FROM quote WHERE deal_id IS NOT NULL) LIMIT 5)`);
    await t.db.execute(
      sql`DELETE FROM contact WHERE workspace_id = ${workspaceId} AND id IN (SELECT id FROM contact WHERE workspace_id = ${workspaceId} LIMIT 3)`,
    );
    expect(await kept(workspaceId)).toEqual(await fromScratch(workspaceId));
    expect(await rollupMismatches(workspaceId)).toEqual([]);
    await t.db.execute(sql`DELETE FROM workspace WHERE id = ${workspaceId}`);
    expect(await kept(workspaceId)).toEqual([]);
    expect(shopA.id).toBeTruthy();
  });
});
