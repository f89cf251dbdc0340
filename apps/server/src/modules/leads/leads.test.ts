import type { TLead, TLeadList } from '@clientela/contract';
import { describe, expect, it } from 'vitest';
import { get, useTestApp } from '../../test/harness.ts';
import { dayIn } from '../my-day/zoned-day.ts';
import { leadBakery, newLead, sourceAndCampaign } from './test-leads.ts';

const t = useTestApp();

describe('leads by hand', () => {
  it('registers a lead owned by its author in their unit, with its source and campaign', async () => {
    const s = await leadBakery(t);
    const lead = await newLead(s.employeeA.browser, {
      email: 'Giulia@Forno.TEST',
      phone: '+39 02 1234 5678',
      city: 'Milano',
      language: 'it',
      sourceId: s.source.id,
      campaignId: s.campaign.id,
      marketingConsent: true,
    });
    expect(lead).toMatchObject({
      status: 'new',
      channel: 'manual',
      name: 'Giulia Bianchi',
      email: 'giulia@forno.test',
      owner: { id: s.employeeA.user.id },
      unit: { id: s.shopA.id },
      source: { id: s.source.id, name: 'Exhibition' },
      campaign: { id: s.campaign.id, name: 'Exhibition 2026' },
      createdBy: { id: s.employeeA.user.id },
      marketingConsent: true,
      conversion: null,
      mayChange: true,
      mayDelete: true,
    });
    expect(await get(s.employeeB.browser, `/api/v1/leads/${lead.id}`)).toMatchObject({ id: lead.id, mayChange: false, mayDelete: false });
  });

  it('refuses a lead naming nobody, a wrong e-mail or phone, and sources of nobody, naming the fields', async () => {
    const s = await leadBakery(t);
    const other = await sourceAndCampaign(t, (await leadBakery(t)).workspaceId, 'Elsewhere');
    const cases: [Record<string, unknown>, string][] = [
      [{ city: 'Milano', message: 'Hello' }, 'firstName'],
      [{ firstName: '  ', lastName: '' }, 'firstName'],
      [{ email: 'not-an-address' }, 'email'],
      [{ phone: 'call me' }, 'phone'],
      [{ firstName: 'Anna', sourceId: other.source.id }, 'sourceId'],
      [{ firstName: 'Anna', campaignId: other.campaign.id }, 'campaignId'],
      [{ firstName: 'Anna', ownerId: crypto.randomUUID() }, 'ownerId'],
      [{ firstName: 'Anna', status: 'converted' }, 'status'],
    ];
    for (const [payload, path] of cases) {
      const response = await s.employeeA.browser.request({ method: 'POST', url: '/api/v1/leads', payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().code).toBe('validation_failed');
      expect(response.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    // An e-mail alone, a phone alone or a company alone is enough.
    for (const payload of [{ email: 'a@b.test' }, { phone: '333 123 4567' }, { companyName: 'Forno' }]) {
      const response = await s.employeeA.browser.request({ method: 'POST', url: '/api/v1/leads', payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(201);
    }
    // An update may not leave it naming nobody either.
    const lead = await newLead(s.employeeA.browser, { companyName: null });
    const emptied = await s.employeeA.browser.request({
      method: 'PATCH',
      url: `/api/v1/leads/${lead.id}`,
      payload: { firstName: '', lastName: '' },
    });
    expect(emptied.statusCode).toBe(400);
    expect((await get(s.employeeA.browser, `/api/v1/leads/${lead.id}`)).name).toBe('Giulia Bianchi');
  });

  it('lists leads newest first, filtered and searched, page by page with a total', async () => {
    const s = await leadBakery(t);
    const a = await newLead(s.employeeA.browser, { firstName: 'Aldo', companyName: 'Mulino Verdi', sourceId: s.source.id });
    const b = await newLead(s.employeeA.browser, { firstName: 'Bruna', email: 'bruna@pasticceria.test', campaignId: s.campaign.id });
    const c = await newLead(s.managerA.browser, { firstName: 'Carlo', phone: '+39 (02) 555-0101' });
    const list = async (query: string): Promise<TLeadList> => get(s.owner, `/api/v1/leads${query}`);
    expect((await list('')).data.map((l) => l.id)).toEqual([c.id, b.id, a.id]);
    expect((await list('')).total).toBe(3);
    const first = await list('?limit=2');
    expect(first.data.map((l) => l.id)).toEqual([c.id, b.id]);
    expect(first.total).toBe(3);
    const second = await list(`?limit=2&cursor=${first.nextCursor}`);
    expect(second.data.map((l) => l.id)).toEqual([a.id]);
    expect(second.nextCursor).toBeNull();
    expect((await list('?q=mulino')).data.map((l) => l.id)).toEqual([a.id]);
    expect((await list('?q=PASTICCERIA')).data.map((l) => l.id)).toEqual([b.id]);
    expect((await list('?q=5550101')).data.map((l) => l.id)).toEqual([c.id]);
    expect((await list(`?filter[sourceId]=${s.source.id}`)).data.map((l) => l.id)).toEqual([a.id]);
    expect((await list(`?filter[campaignId]=${s.campaign.id}`)).data.map((l) => l.id)).toEqual([b.id]);
    expect((await list(`?filter[ownerId]=${s.managerA.user.id}`)).data.map((l) => l.id)).toEqual([c.id]);
    expect((await list('?filter[channel]=web_form')).total).toBe(0);
    await s.employeeA.browser.request({ method: 'POST', url: `/api/v1/leads/${a.id}/disqualify`, payload: { reason: 'Closed down' } });
    expect((await list('?filter[status]=new,working')).data.map((l) => l.id)).toEqual([c.id, b.id]);
    expect((await list('?filter[status]=disqualified')).data.map((l) => l.id)).toEqual([a.id]);
    const today = dayIn(s.owner.session.user.timeZone, new Date());
    expect((await list(`?filter[createdFrom]=${today}&filter[createdTo]=${today}`)).total).toBe(3);
    expect((await list('?filter[createdTo]=2020-01-01')).total).toBe(0);
    const unknown = await s.owner.request({ method: 'GET', url: '/api/v1/leads?filter[status]=lost' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].path).toBe('filter[status]');
  });

  it('lets the owner, managers and admins work a lead and nobody else; disqualifying keeps the reason until it is taken back', async () => {
    const s = await leadBakery(t);
    const lead = await newLead(s.employeeA.browser);
    const patch = (browser: typeof s.owner, payload: Record<string, unknown>) =>
      browser.request({ method: 'PATCH', url: `/api/v1/leads/${lead.id}`, payload });
    expect((await patch(s.employeeA2.browser, { city: 'Roma' })).statusCode).toBe(403);
    expect((await patch(s.employeeB.browser, { city: 'Roma' })).statusCode).toBe(403);
    expect((await patch(s.employeeA.browser, { city: 'Roma' })).json()).toMatchObject({ city: 'Roma' });
    expect((await patch(s.managerA.browser, { position: 'Buyer' })).json()).toMatchObject({ city: 'Roma', position: 'Buyer' });
    // Handing it to another person moves it to their unit; then the first owner may no longer change it.
    expect((await patch(s.owner, { ownerId: s.employeeB.user.id })).json()).toMatchObject({
      owner: { id: s.employeeB.user.id },
      unit: { id: s.shopB.id },
    });
    expect((await patch(s.employeeA.browser, { city: 'Torino' })).statusCode).toBe(403);

    const disqualify = (browser: typeof s.owner, payload: Record<string, unknown>) =>
      browser.request({ method: 'POST', url: `/api/v1/leads/${lead.id}/disqualify`, payload });
    expect((await disqualify(s.employeeB.browser, {})).statusCode).toBe(400);
    expect((await disqualify(s.employeeA.browser, { reason: 'No budget' })).statusCode).toBe(403);
    expect((await disqualify(s.employeeB.browser, { reason: 'No budget' })).json()).toMatchObject({
      status: 'disqualified',
      disqualifyReason: 'No budget',
    });
    const status = (payload: Record<string, unknown>) =>
      s.employeeB.browser.request({ method: 'POST', url: `/api/v1/leads/${lead.id}/status`, payload });
    expect((await status({ status: 'converted' })).statusCode).toBe(400);
    expect((await status({ status: 'working' })).json()).toMatchObject({ status: 'working', disqualifyReason: null });
    expect((await status({ status: 'qualified' })).json()).toMatchObject({ status: 'qualified' });
  });

  it('removes a lead from lists; only its owner or a manager may', async () => {
    const s = await leadBakery(t);
    const lead = await newLead(s.employeeA.browser);
    const remove = (browser: typeof s.owner) => browser.request({ method: 'DELETE', url: `/api/v1/leads/${lead.id}` });
    expect((await remove(s.employeeA2.browser)).statusCode).toBe(403);
    expect((await remove(s.employeeA.browser)).statusCode).toBe(204);
    expect((await s.owner.request({ method: 'GET', url: `/api/v1/leads/${lead.id}` })).statusCode).toBe(404);
    expect((await get(s.owner, '/api/v1/leads')).total).toBe(0);
    expect((await remove(s.owner)).statusCode).toBe(404);
  });

  it("keeps each workspace's leads apart: another workspace's lead answers 404 to everything", async () => {
    const s = await leadBakery(t);
    const other = await leadBakery(t);
    const lead: TLead = await newLead(other.owner);
    const base = `/api/v1/leads/${lead.id}`;
    const attempts = [
      { method: 'GET' as const, url: base },
      { method: 'PATCH' as const, url: base, payload: { city: 'Roma' } },
      { method: 'DELETE' as const, url: base },
      { method: 'POST' as const, url: `${base}/status`, payload: { status: 'working' } },
      { method: 'POST' as const, url: `${base}/disqualify`, payload: { reason: 'x' } },
      { method: 'POST' as const, url: `${base}/convert`, payload: {} },
      { method: 'GET' as const, url: `${base}/matches` },
    ];
    for (const attempt of attempts) {
      const response = await s.owner.request(attempt);
      expect(response.statusCode, `${attempt.method} ${attempt.url}`).toBe(404);
    }
    expect((await get(s.owner, '/api/v1/leads')).total).toBe(0);
    expect(await get(other.owner, base)).toMatchObject({ id: lead.id, city: null });
  });
});
