import type { TBudget, TCampaignDetail, TContact, TDeal, TRoi, TRoiCut } from '@clientela/contract';
import { describe, expect, it } from 'vitest';
import { type Browser, get, makeBakery, post, useTestApp } from '../../test/harness.ts';

const t = useTestApp();
const year = new Date().getUTCFullYear();
const period = `from=${year}-01-01&to=${year}-12-31`;

const send = (browser: Browser, method: 'PATCH' | 'PUT' | 'DELETE' | 'POST', url: string, payload?: Record<string, unknown>) =>
  browser.request({ method, url, ...(payload ? { payload } : {}) });

/** A lead row as the leads module writes it; these tests only need its attribution. */
async function lead(workspaceOf: string, values: { campaignId?: string; convertedCampaignId?: string; dealId?: string }) {
  await t.pool.query(
    `INSERT INTO lead (workspace_id, first_name, campaign_id, converted_campaign_id, converted_deal_id)
     SELECT workspace_id, 'Lead', $2, $3, $4 FROM campaign WHERE id = $1`,
    [workspaceOf, values.campaignId ?? null, values.convertedCampaignId ?? null, values.dealId ?? null],
  );
}

/**
 * Two sources, an exhibition (1,500.50 spent in March) with two leads, a web campaign (200.00)
 * whose lead was converted by the exhibition into a won deal of 4,000.00.
 */
async function setup() {
  const bakery = await makeBakery(t);
  const { owner } = bakery;
  const exhibitions = await post(owner, '/api/v1/lead-sources', { name: 'Exhibitions' });
  const internet = await post(owner, '/api/v1/lead-sources', { name: 'Internet' });
  const expo: TCampaignDetail = await post(owner, '/api/v1/campaigns', {
    name: 'Bakery Expo',
    kind: 'exhibition',
    startsOn: `${year}-03-01`,
    endsOn: `${year}-03-05`,
    budget: '2000.00',
    sourceId: exhibitions.id,
  });
  await post(owner, `/api/v1/campaigns/${expo.id}/costs`, {
    description: 'Stand',
    planned: '1200.00',
    actual: '1000.00',
    incurredOn: `${year}-03-01`,
  });
  const withCosts: TCampaignDetail = await post(owner, `/api/v1/campaigns/${expo.id}/costs`, {
    description: 'Leaflets',
    planned: '600',
    actual: '500.50',
    incurredOn: `${year}-03-10`,
  });
  const web: TCampaignDetail = await post(owner, '/api/v1/campaigns', { name: 'Search ads', kind: 'web_ads', sourceId: internet.id });
  await post(owner, `/api/v1/campaigns/${web.id}/costs`, { description: 'Clicks', actual: '200', incurredOn: `${year}-03-15` });
  const contact: TContact = await post(owner, '/api/v1/contacts', { firstName: 'Ivan', campaignId: web.id, sourceId: internet.id });
  // As converting the web lead below makes it: its first touch the lead's, converted by the exhibition.
  const deal: TDeal = await post(owner, '/api/v1/deals', {
    title: 'Rye bread for the canteen',
    contactId: contact.id,
    campaignId: web.id,
    convertedCampaignId: expo.id,
  });
  await lead(expo.id, { campaignId: expo.id });
  await lead(expo.id, { campaignId: expo.id });
  await lead(expo.id, { campaignId: web.id, convertedCampaignId: expo.id, dealId: deal.id });
  const pipeline = (await get(owner, '/api/v1/pipelines')).data[0];
  const won = pipeline.stages.find((s: { kind: string }) => s.kind === 'won');
  const moved = await send(owner, 'POST', `/api/v1/deals/${deal.id}/move`, {
    stageId: won.id,
    amount: '4000.00',
    expectedCloseOn: `${year}-12-31`,
  });
  expect(moved.statusCode).toBe(200);
  return { ...bakery, exhibitions, internet, expo: withCosts, web, contact, deal };
}

describe('lead sources', () => {
  it('are listed in order, renamed, reordered, deactivated; names are unique; a used one is not deleted', async () => {
    const { owner, managerA, employeeA } = await makeBakery(t);
    const fair = await post(owner, '/api/v1/lead-sources', { name: 'Fair' });
    const friends = await post(managerA.browser, '/api/v1/lead-sources', { name: 'Recommendation' });
    expect([fair.position, friends.position]).toEqual([0, 1]);
    const taken = await send(owner, 'POST', '/api/v1/lead-sources', { name: 'fair' });
    expect(taken.statusCode).toBe(409);
    expect(taken.headers['content-type']).toContain('application/problem+json');
    expect(taken.json()).toMatchObject({ code: 'duplicate_name', errors: [{ path: 'name' }] });
    expect((await send(owner, 'PATCH', `/api/v1/lead-sources/${friends.id}`, { name: 'FAIR' })).json().code).toBe('duplicate_name');

    const ordered = await send(owner, 'PUT', '/api/v1/lead-sources/order', { ids: [friends.id, fair.id] });
    expect(ordered.json().data.map((s: { name: string }) => s.name)).toEqual(['Recommendation', 'Fair']);
    const off = await send(owner, 'PATCH', `/api/v1/lead-sources/${fair.id}`, { active: false, name: 'Trade fair' });
    expect(off.json()).toMatchObject({ name: 'Trade fair', active: false });

    // Employees read the list but do not shape it.
    expect((await get(employeeA.browser, '/api/v1/lead-sources')).data).toHaveLength(2);
    expect((await send(employeeA.browser, 'POST', '/api/v1/lead-sources', { name: 'Mine' })).statusCode).toBe(403);
    expect((await send(employeeA.browser, 'DELETE', `/api/v1/lead-sources/${fair.id}`)).statusCode).toBe(403);

    await post(owner, '/api/v1/contacts', { firstName: 'Anna', sourceId: fair.id });
    const used = await send(owner, 'DELETE', `/api/v1/lead-sources/${fair.id}`);
    expect(used.statusCode).toBe(409);
    expect(used.json().code).toBe('in_use');
    expect((await send(owner, 'DELETE', `/api/v1/lead-sources/${friends.id}`)).statusCode).toBe(204);
    expect((await get(owner, '/api/v1/lead-sources')).data.map((s: { name: string }) => s.name)).toEqual(['Trade fair']);
  });
});

describe('lead sources used by deals', () => {
  it('are not deleted while a deal comes from them, directly or by conversion', async () => {
    const { owner } = await makeBakery(t);
    const direct = await post(owner, '/api/v1/lead-sources', { name: 'Fair' });
    const converted = await post(owner, '/api/v1/lead-sources', { name: 'Radio' });
    const contact: TContact = await post(owner, '/api/v1/contacts', { firstName: 'Anna' });
    const deal: TDeal = await post(owner, '/api/v1/deals', { title: 'Cakes', contactId: contact.id });
    await t.pool.query('UPDATE deal SET source_id = $2, converted_source_id = $3 WHERE id = $1', [deal.id, direct.id, converted.id]);
    for (const source of [direct, converted]) {
      const refused = await send(owner, 'DELETE', `/api/v1/lead-sources/${source.id}`);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().code).toBe('in_use');
    }
  });
});

describe('campaigns', () => {
  it('are created with costs, totals and results, listed with filters, changed and removed', async () => {
    const s = await setup();
    const detail: TCampaignDetail = await get(s.employeeA.browser, `/api/v1/campaigns/${s.expo.id}`);
    expect(detail).toMatchObject({
      name: 'Bakery Expo',
      kind: 'exhibition',
      status: 'planned',
      budget: '2000.00',
      baseCurrency: 'EUR',
      source: { id: s.exhibitions.id, name: 'Exhibitions' },
      plannedCost: '1800.00',
      actualCost: '1500.50',
      mayChange: false,
      totals: { planned: '1800.00', actual: '1500.50', budgetLeft: '499.50' },
      results: {
        leads: 2,
        deals: 1,
        wonDeals: 1,
        wonRevenue: '4000.00',
        costPerLead: '750.25',
        costPerWonDeal: '1500.50',
        roi: 1.6658,
      },
    });
    expect(detail.owner?.name).toBeTruthy();
    expect(detail.costs.map((c) => [c.description, c.planned, c.actual, c.incurredOn])).toEqual([
      ['Stand', '1200.00', '1000.00', `${year}-03-01`],
      ['Leaflets', '600.00', '500.50', `${year}-03-10`],
    ]);

    const leaflets = detail.costs[1]?.id;
    const changed = await send(s.managerA.browser, 'PATCH', `/api/v1/campaigns/${s.expo.id}/costs/${leaflets}`, { actual: '499.50' });
    expect(changed.json().totals).toEqual({ planned: '1800.00', actual: '1499.50', budgetLeft: '500.50' });
    const removed = await send(s.owner, 'DELETE', `/api/v1/campaigns/${s.expo.id}/costs/${leaflets}`);
    expect(removed.json().totals).toEqual({ planned: '1200.00', actual: '1000.00', budgetLeft: '1000.00' });

    const list = await get(s.owner, '/api/v1/campaigns');
    expect(list.total).toBe(2);
    expect((await get(s.owner, '/api/v1/campaigns?filter[kind]=web_ads')).data.map((c: { name: string }) => c.name)).toEqual([
      'Search ads',
    ]);
    expect((await get(s.owner, `/api/v1/campaigns?filter[sourceId]=${s.exhibitions.id}`)).total).toBe(1);
    expect((await get(s.owner, '/api/v1/campaigns?q=expo')).total).toBe(1);
    // The web campaign has no dates, so it runs in every period; the expo only in March.
    expect((await get(s.owner, `/api/v1/campaigns?filter[from]=${year}-06-01&filter[to]=${year}-06-30`)).total).toBe(1);
    const first = await get(s.owner, '/api/v1/campaigns?limit=1');
    const second = await get(s.owner, `/api/v1/campaigns?limit=1&cursor=${first.nextCursor}`);
    expect([first.data[0].name, second.data[0].name].sort()).toEqual(['Bakery Expo', 'Search ads']);
    expect(second.nextCursor).toBeNull();

    const running = await send(s.managerA.browser, 'PATCH', `/api/v1/campaigns/${s.expo.id}`, { status: 'running' });
    expect(running.json().status).toBe('running');
    expect((await send(s.owner, 'DELETE', `/api/v1/campaigns/${s.web.id}`)).statusCode).toBe(204);
    expect((await send(s.owner, 'GET' as 'POST', `/api/v1/campaigns/${s.web.id}`)).statusCode).toBe(404);
    expect((await get(s.owner, '/api/v1/campaigns')).total).toBe(1);
  });

  it('refuses bad input naming the field, employees changing them, and other workspaces', async () => {
    const s = await setup();
    const backwards = await send(s.owner, 'POST', '/api/v1/campaigns', {
      name: 'Backwards',
      kind: 'press',
      startsOn: `${year}-05-02`,
      endsOn: `${year}-05-01`,
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.headers['content-type']).toContain('application/problem+json');
    expect(backwards.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'endsOn' }] });
    const later = await send(s.owner, 'PATCH', `/api/v1/campaigns/${s.expo.id}`, { endsOn: `${year}-02-01` });
    expect(later.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'endsOn' }] });

    const other = await makeBakery(t);
    const foreignSource = await post(other.owner, '/api/v1/lead-sources', { name: 'Exhibitions' });
    const foreign = await send(s.owner, 'POST', '/api/v1/campaigns', {
      name: 'Wrong',
      kind: 'other',
      sourceId: foreignSource.id,
      segmentViewId: foreignSource.id,
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors.map((e: { path: string }) => e.path)).toEqual(['sourceId', 'segmentViewId']);
    const badCost = await send(s.owner, 'POST', `/api/v1/campaigns/${s.expo.id}/costs`, {
      description: 'X',
      actual: '-5',
      incurredOn: '2026-13-01',
    });
    expect(
      badCost
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['actual', 'incurredOn']);
    expect((await get(s.owner, `/api/v1/campaigns/${s.expo.id}`)).costs).toHaveLength(2);

    // A private list of someone else is no segment; the actor's own is.
    const list = await post(s.employeeA.browser, '/api/v1/lists', { name: 'My regulars', entity: 'contact' });
    const hidden = await send(s.owner, 'PATCH', `/api/v1/campaigns/${s.expo.id}`, { segmentListId: list.id });
    expect(hidden.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'segmentListId' }] });
    const mine = await post(s.owner, '/api/v1/lists', { name: 'Canteens', entity: 'company' });
    const targeted = await send(s.owner, 'PATCH', `/api/v1/campaigns/${s.expo.id}`, { segmentListId: mine.id });
    expect(targeted.json().segment).toEqual({ type: 'list', id: mine.id, name: 'Canteens', entity: 'company' });

    expect((await send(s.employeeA.browser, 'POST', '/api/v1/campaigns', { name: 'Mine', kind: 'other' })).statusCode).toBe(403);
    expect((await send(s.employeeA.browser, 'PATCH', `/api/v1/campaigns/${s.expo.id}`, { name: 'Mine' })).statusCode).toBe(403);
    expect(
      (await send(s.employeeA.browser, 'POST', `/api/v1/campaigns/${s.expo.id}/costs`, { description: 'x', incurredOn: `${year}-01-01` }))
        .statusCode,
    ).toBe(403);

    expect((await other.owner.request({ method: 'GET', url: `/api/v1/campaigns/${s.expo.id}` })).statusCode).toBe(404);
    expect((await send(other.owner, 'PATCH', `/api/v1/campaigns/${s.expo.id}`, { name: 'Mine' })).statusCode).toBe(404);
    expect((await get(other.owner, '/api/v1/campaigns')).total).toBe(0);
    expect((await get(other.owner, '/api/v1/lead-sources')).data.map((x: { id: string }) => x.id)).toEqual([foreignSource.id]);
    const theirs: TRoi = await get(other.owner, `/api/v1/marketing/roi?${period}&by=source`);
    expect(theirs.rows.map((r) => r.item?.id)).toEqual([foreignSource.id]);
    expect(theirs.totals).toMatchObject({ leads: 0, deals: 0, revenue: '0.00', cost: '0.00', roi: null });
  });
});

describe('attribution on records', () => {
  it('is set on contacts and companies, shown with names, checked, and a deal shows where it came from', async () => {
    const s = await setup();
    expect(s.contact.attribution).toEqual({
      source: { id: s.internet.id, name: 'Internet' },
      campaign: { id: s.web.id, name: 'Search ads' },
      convertedSource: null,
      convertedCampaign: null,
    });
    expect(s.contact).toMatchObject({ language: null, marketingConsent: null, consentAt: null, consentSource: null, emailBouncedAt: null });
    const updated = await send(s.owner, 'PATCH', `/api/v1/contacts/${s.contact.id}`, { language: 'ru', convertedCampaignId: s.expo.id });
    expect(updated.json()).toMatchObject({ language: 'ru', attribution: { convertedCampaign: { id: s.expo.id, name: 'Bakery Expo' } } });
    const company = await post(s.owner, '/api/v1/companies', { name: 'Canteen', sourceId: s.exhibitions.id });
    expect(company.attribution.source).toEqual({ id: s.exhibitions.id, name: 'Exhibitions' });
    const listed = await get(s.owner, '/api/v1/companies');
    expect(listed.data[0].attribution.source.name).toBe('Exhibitions');

    const other = await makeBakery(t);
    const foreign = await post(other.owner, '/api/v1/lead-sources', { name: 'Elsewhere' });
    const bad = await send(s.owner, 'POST', '/api/v1/contacts', { firstName: 'X', sourceId: foreign.id, campaignId: s.exhibitions.id });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(['sourceId', 'campaignId']);
    expect((await send(s.owner, 'PATCH', `/api/v1/companies/${company.id}`, { campaignId: foreign.id })).json().errors[0].path).toBe(
      'campaignId',
    );
    expect((await send(s.owner, 'PATCH', `/api/v1/contacts/${s.contact.id}`, { language: 'de' })).statusCode).toBe(400);

    // The deal was converted from the web lead by the exhibition.
    const deal: TDeal = await get(s.owner, `/api/v1/deals/${s.deal.id}`);
    expect(deal.attribution).toEqual({
      source: null,
      campaign: { id: s.web.id, name: 'Search ads' },
      convertedSource: null,
      convertedCampaign: { id: s.expo.id, name: 'Bakery Expo' },
    });
    // Without a lead or a touch of its own, a deal starts from its contact's first touch; what converted the contact is not what converts it.
    const plain: TDeal = await post(s.owner, '/api/v1/deals', { title: 'Buns', contactId: s.contact.id });
    expect(plain.attribution).toEqual({
      source: { id: s.internet.id, name: 'Internet' },
      campaign: { id: s.web.id, name: 'Search ads' },
      convertedSource: null,
      convertedCampaign: null,
    });
  });
});

describe('ROI', () => {
  it('counts leads, deals, won revenue and cost per campaign to the cent', async () => {
    const s = await setup();
    const roi: TRoi = await get(s.employeeA.browser, `/api/v1/marketing/roi?${period}`);
    const expo = roi.rows.find((r) => r.item?.id === s.expo.id);
    expect(expo).toEqual({
      item: { id: s.expo.id, name: 'Bakery Expo' },
      source: { id: s.exhibitions.id, name: 'Exhibitions' },
      leads: 2,
      deals: 1,
      wonDeals: 1,
      revenue: '4000.00',
      cost: '1500.50',
      costPerLead: '750.25',
      costPerWonDeal: '1500.50',
      roi: 1.6658,
      revenuePerCost: 2.6658,
    });
    const web = roi.rows.find((r) => r.item?.id === s.web.id);
    expect(web).toMatchObject({ leads: 1, deals: 0, wonDeals: 0, revenue: '0.00', cost: '200.00', costPerLead: '200.00', roi: -1 });
    expect(roi.totals).toMatchObject({ leads: 3, deals: 1, wonDeals: 1, revenue: '4000.00', cost: '1700.50', costPerLead: '566.83' });
    expect(roi.rows[0]?.item?.id).toBe(s.expo.id);

    // First touch only: the deal is the web campaign's.
    const first: TRoi = await get(s.owner, `/api/v1/marketing/roi?${period}&attribution=first`);
    expect(first.rows.find((r) => r.item?.id === s.web.id)).toMatchObject({ deals: 1, wonDeals: 1, revenue: '4000.00', roi: 19 });
    expect(first.rows.find((r) => r.item?.id === s.expo.id)).toMatchObject({ deals: 0, revenue: '0.00', roi: -1 });

    // By source: the campaigns' sources take their records and costs.
    const bySource: TRoi = await get(s.owner, `/api/v1/marketing/roi?${period}&by=source`);
    expect(bySource.rows.find((r) => r.item?.id === s.exhibitions.id)).toMatchObject({
      leads: 2,
      deals: 1,
      revenue: '4000.00',
      cost: '1500.50',
      costPerWonDeal: '1500.50',
    });
    expect(bySource.rows.find((r) => r.item?.id === s.internet.id)).toMatchObject({ leads: 1, cost: '200.00' });

    // A period before anything happened.
    const empty: TRoi = await get(s.owner, `/api/v1/marketing/roi?from=${year - 1}-01-01&to=${year - 1}-12-31`);
    expect(empty.totals).toMatchObject({ leads: 0, deals: 0, cost: '0.00', roi: null, costPerLead: null });
    const backwards = await send(s.owner, 'GET' as 'POST', `/api/v1/marketing/roi?from=${year}-02-01&to=${year}-01-01`);
    expect(backwards.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'to' }] });
  });

  it('ranks sources by revenue per unit of cost and tells what a cut would stop', async () => {
    const s = await setup();
    const small: TRoiCut = await get(s.owner, `/api/v1/marketing/roi/cut?${period}&percent=10`);
    expect(small.rows).toEqual([
      {
        source: { id: s.exhibitions.id, name: 'Exhibitions' },
        cost: '1500.50',
        revenue: '4000.00',
        revenuePerCost: 2.6658,
        costShare: 0.8824,
        cumulativeCostShare: 0.8824,
        cut: false,
      },
      {
        source: { id: s.internet.id, name: 'Internet' },
        cost: '200.00',
        revenue: '0.00',
        revenuePerCost: 0,
        costShare: 0.1176,
        cumulativeCostShare: 1,
        cut: true,
      },
    ]);
    expect(small).toMatchObject({ totalCost: '1700.50', totalRevenue: '4000.00', cutCost: '200.00', revenueAtRisk: '0.00' });
    const half: TRoiCut = await get(s.owner, `/api/v1/marketing/roi/cut?${period}&percent=50`);
    expect(half.rows.map((r) => r.cut)).toEqual([true, true]);
    expect(half).toMatchObject({ cutCost: '1700.50', revenueAtRisk: '4000.00' });
  });
});

describe('budget plan', () => {
  it('plans per source and month, against the actual spend, and saves cells together', async () => {
    const s = await setup();
    const saved = await send(s.managerA.browser, 'PUT', '/api/v1/marketing/budget', {
      cells: [
        { sourceId: s.exhibitions.id, month: `${year}-03`, amount: '1000' },
        { sourceId: s.internet.id, month: `${year}-03`, amount: '250.50' },
        { sourceId: s.internet.id, month: `${year}-04`, amount: '300' },
      ],
    });
    expect(saved.statusCode).toBe(204);
    const budget: TBudget = await get(s.employeeA.browser, `/api/v1/marketing/budget?year=${year}`);
    expect(budget.rows.map((r) => r.source?.name)).toEqual(['Exhibitions', 'Internet']);
    const expo = budget.rows[0];
    expect(expo?.months).toHaveLength(12);
    expect(expo?.months[2]).toEqual({ month: `${year}-03`, planned: '1000.00', actual: '1500.50' });
    expect(expo).toMatchObject({ planned: '1000.00', actual: '1500.50' });
    expect(budget.rows[1]).toMatchObject({ planned: '550.50', actual: '200.00' });
    expect(budget.totals.months[2]).toEqual({ month: `${year}-03`, planned: '1250.50', actual: '1700.50' });
    expect(budget.totals).toMatchObject({ planned: '1550.50', actual: '1700.50' });

    // 0 removes a cell; a bad cell writes nothing.
    await send(s.owner, 'PUT', '/api/v1/marketing/budget', { cells: [{ sourceId: s.internet.id, month: `${year}-04`, amount: '0' }] });
    const other = await makeBakery(t);
    const foreign = await post(other.owner, '/api/v1/lead-sources', { name: 'Elsewhere' });
    const bad = await send(s.owner, 'PUT', '/api/v1/marketing/budget', {
      cells: [
        { sourceId: s.exhibitions.id, month: `${year}-05`, amount: '10' },
        { sourceId: foreign.id, month: `${year}-05`, amount: '10' },
      ],
    });
    expect(bad.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'cells.1.sourceId' }] });
    const badMonth = await send(s.owner, 'PUT', '/api/v1/marketing/budget', {
      cells: [{ sourceId: s.internet.id, month: `${year}-13`, amount: '1' }],
    });
    expect(badMonth.json().errors[0].path).toBe('cells.0.month');
    const after: TBudget = await get(s.owner, `/api/v1/marketing/budget?year=${year}`);
    expect(after.totals).toMatchObject({ planned: '1250.50' });
    // Money spent is spent: a deleted campaign's cost lines still count as actual spend.
    expect((await send(s.owner, 'DELETE', `/api/v1/campaigns/${s.web.id}`)).statusCode).toBe(204);
    const deleted: TBudget = await get(s.owner, `/api/v1/marketing/budget?year=${year}`);
    expect(deleted.totals).toMatchObject({ actual: '1700.50' });
    expect(deleted.rows[1]).toMatchObject({ actual: '200.00' });
    expect(
      (
        await send(s.employeeA.browser, 'PUT', '/api/v1/marketing/budget', {
          cells: [{ sourceId: s.internet.id, month: `${year}-01`, amount: '1' }],
        })
      ).statusCode,
    ).toBe(403);
  });
});
