import type { TDeal, TLead, TRoi } from '@clientela/contract';
import { describe, expect, it } from 'vitest';
import { type Browser, get, post, useTestApp } from '../../test/harness.ts';
import { count, leadBakery, newLead, sourceAndCampaign } from './test-leads.ts';

const t = useTestApp();

const convert = (browser: Browser, id: string, payload: Record<string, unknown>) =>
  browser.request({ method: 'POST', url: `/api/v1/leads/${id}/convert`, payload });

describe('converting a lead', () => {
  it('makes a contact, its company and a deal in one go, the customers attributed to the lead, with the consent it gave; twice is 409', async () => {
    const s = await leadBakery(t);
    const lead = await newLead(s.employeeA.browser, {
      email: 'giulia@forno.test',
      phone: '+39 02 1234 5678',
      position: 'Owner',
      city: 'Milano',
      language: 'it',
      sourceId: s.source.id,
      campaignId: s.campaign.id,
      marketingConsent: true,
    });
    const response = await convert(s.employeeA.browser, lead.id, { deal: { title: 'Flour supply', amount: '1200.00' } });
    expect(response.statusCode).toBe(200);
    const converted: TLead = response.json();
    expect(converted).toMatchObject({
      status: 'converted',
      mayChange: false,
      convertedSource: { id: s.source.id },
      convertedCampaign: { id: s.campaign.id },
      conversion: {
        contact: { name: 'Giulia Bianchi' },
        company: { name: 'Forno Bianchi' },
        deal: { name: 'Flour supply' },
        by: { id: s.employeeA.user.id },
      },
    });
    const ids = converted.conversion as NonNullable<TLead['conversion']>;
    const contact = (
      await t.pool.query(
        `SELECT c.*, (SELECT count(*)::int FROM contact_company cc WHERE cc.contact_id = c.id AND cc.company_id = $2) AS linked
         FROM contact c WHERE c.id = $1`,
        [ids.contact?.id, ids.company?.id],
      )
    ).rows[0];
    expect(contact).toMatchObject({
      first_name: 'Giulia',
      last_name: 'Bianchi',
      position: 'Owner',
      city: 'Milano',
      language: 'it',
      owner_id: s.employeeA.user.id,
      source_id: s.source.id,
      campaign_id: s.campaign.id,
      converted_source_id: s.source.id,
      converted_campaign_id: s.campaign.id,
      marketing_consent: 'granted',
      consent_source: 'manual',
      linked: 1,
    });
    expect(contact.consent_at).toBeInstanceOf(Date);
    expect(contact.emails_normalised).toBe('giulia@forno.test');
    expect(await count(t, 'consent_event', `contact_id = $1 AND state = 'granted' AND source = 'manual'`, [ids.contact?.id])).toBe(1);
    {
      const row = (await t.pool.query('SELECT * FROM company WHERE id = $1', [ids.company?.id])).rows[0];
      expect(row).toMatchObject({
        source_id: s.source.id,
        campaign_id: s.campaign.id,
        converted_source_id: s.source.id,
        converted_campaign_id: s.campaign.id,
      });
    }
    const deal = await get(s.employeeA.browser, `/api/v1/deals/${ids.deal?.id}`);
    expect(deal).toMatchObject({
      amount: '1200.00',
      company: { id: ids.company?.id },
      contact: { id: ids.contact?.id },
      attribution: {
        source: { id: s.source.id },
        campaign: { id: s.campaign.id },
        convertedSource: { id: s.source.id },
        convertedCampaign: { id: s.campaign.id },
      },
    });
    expect((await t.pool.query('SELECT lead_id FROM deal WHERE id = $1', [ids.deal?.id])).rows[0].lead_id).toBe(lead.id);

    const again = await convert(s.employeeA.browser, lead.id, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('already_converted');
    expect(await count(t, 'contact', 'workspace_id = $1', [s.workspaceId])).toBe(1);
    const edit = await s.employeeA.browser.request({ method: 'PATCH', url: `/api/v1/leads/${lead.id}`, payload: { city: 'Roma' } });
    expect(edit.statusCode).toBe(409);
  });

  it('writes nothing when the deal part is wrong', async () => {
    const s = await leadBakery(t);
    const lead = await newLead(s.employeeA.browser, { email: 'giulia@forno.test', sourceId: s.source.id });
    const before = { contacts: await count(t, 'contact'), companies: await count(t, 'company'), deals: await count(t, 'deal') };
    const response = await convert(s.employeeA.browser, lead.id, { deal: { title: 'Flour', stageId: crypto.randomUUID() } });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((e: { path: string }) => e.path)).toEqual(['deal.stageId']);
    const invalid = await convert(s.employeeA.browser, lead.id, { deal: { title: '' } });
    expect(invalid.statusCode).toBe(400);
    expect({ contacts: await count(t, 'contact'), companies: await count(t, 'company'), deals: await count(t, 'deal') }).toEqual(before);
    expect(await get(s.employeeA.browser, `/api/v1/leads/${lead.id}`)).toMatchObject({ status: 'new', conversion: null });
    // Only those who may work the lead convert it.
    expect((await convert(s.employeeA2.browser, lead.id, {})).statusCode).toBe(403);
  });

  it('suggests the customers it may already be, and converts into them keeping where they first came from', async () => {
    const s = await leadBakery(t);
    const company = await post(s.owner, '/api/v1/companies', { name: 'Forno Bianchi' });
    const existing = await post(s.owner, '/api/v1/contacts', {
      firstName: 'Giulia',
      lastName: 'Bianchi',
      emails: [{ label: 'work', value: 'Giulia@Forno.test' }],
      phones: [{ label: 'mobile', value: '02 1234 5678' }],
    });
    const firstSource = (
      await t.pool.query(`INSERT INTO lead_source (workspace_id, name) VALUES ($1, 'Word of mouth') RETURNING id`, [s.workspaceId])
    ).rows[0].id;
    await t.pool.query('UPDATE contact SET source_id = $2 WHERE id = $1', [existing.id, firstSource]);
    const lead = await newLead(s.employeeA.browser, {
      email: 'giulia@forno.test',
      phone: '+39 02-1234-5678',
      sourceId: s.source.id,
      campaignId: s.campaign.id,
    });
    const matches = await get(s.owner, `/api/v1/leads/${lead.id}/matches`);
    expect(matches.contacts).toEqual([expect.objectContaining({ id: existing.id, matchedOn: ['email', 'phone'] })]);
    expect(matches.companies).toEqual([expect.objectContaining({ id: company.id, matchedOn: ['name'] })]);

    const converted: TLead = (await convert(s.owner, lead.id, { contactId: existing.id, companyId: company.id })).json();
    expect(converted.conversion).toMatchObject({ contact: { id: existing.id }, company: { id: company.id }, deal: null });
    const row = (await t.pool.query('SELECT * FROM contact WHERE id = $1', [existing.id])).rows[0];
    expect(row).toMatchObject({
      source_id: firstSource,
      campaign_id: s.campaign.id,
      converted_source_id: s.source.id,
      marketing_consent: null,
    });
    expect(await count(t, 'contact_company', 'contact_id = $1 AND company_id = $2', [existing.id, company.id])).toBe(1);
    expect(await count(t, 'contact', 'workspace_id = $1', [s.workspaceId])).toBe(1);
  });

  it("gives the deal the lead's touches, not its contact's, and the won deal counts for the converting campaign to the cent", async () => {
    const s = await leadBakery(t);
    const radio = await sourceAndCampaign(t, s.workspaceId, 'Radio');
    const year = new Date().getUTCFullYear();
    await post(s.owner, `/api/v1/campaigns/${radio.campaign.id}/costs`, {
      description: 'Spots',
      actual: '500',
      incurredOn: `${year}-02-01`,
    });
    const existing = await post(s.owner, '/api/v1/contacts', { firstName: 'Giulia', lastName: 'Bianchi', sourceId: radio.source.id });
    const lead = await newLead(s.employeeA.browser, { sourceId: s.source.id, campaignId: s.campaign.id });
    // Met at the exhibition, won over by the radio campaign.
    await t.pool.query('UPDATE lead SET converted_campaign_id = $2 WHERE id = $1', [lead.id, radio.campaign.id]);
    const converted: TLead = (
      await convert(s.owner, lead.id, { contactId: existing.id, createCompany: false, deal: { title: 'Bread', amount: '1234.56' } })
    ).json();
    expect(converted).toMatchObject({ convertedSource: null, convertedCampaign: { id: radio.campaign.id } });
    const dealId = converted.conversion?.deal?.id as string;
    const deal: TDeal = await get(s.owner, `/api/v1/deals/${dealId}`);
    expect(deal.attribution).toEqual({
      source: { id: s.source.id, name: 'Exhibition' },
      campaign: { id: s.campaign.id, name: 'Exhibition 2026' },
      convertedSource: null,
      convertedCampaign: { id: radio.campaign.id, name: 'Radio 2026' },
    });
    expect((await t.pool.query('SELECT lead_id FROM deal WHERE id = $1', [dealId])).rows[0].lead_id).toBe(lead.id);

    const pipeline = (await get(s.owner, '/api/v1/pipelines')).data[0];
    const won = pipeline.stages.find((stage: { kind: string }) => stage.kind === 'won');
    const moved = await s.owner.request({
      method: 'POST',
      url: `/api/v1/deals/${dealId}/move`,
      payload: { stageId: won.id, expectedCloseOn: `${year}-12-31` },
    });
    expect(moved.json().attribution.convertedCampaign).toEqual({ id: radio.campaign.id, name: 'Radio 2026' });

    const period = `from=${year}-01-01&to=${year}-12-31`;
    const roi: TRoi = await get(s.owner, `/api/v1/marketing/roi?${period}`);
    expect(roi.rows.find((r) => r.item?.id === radio.campaign.id)).toMatchObject({
      leads: 0,
      deals: 1,
      wonDeals: 1,
      revenue: '1234.56',
      cost: '500.00',
      costPerWonDeal: '500.00',
      roi: 1.4691,
      revenuePerCost: 2.4691,
    });
    expect(roi.rows.find((r) => r.item?.id === s.campaign.id)).toMatchObject({ leads: 1, deals: 0, revenue: '0.00' });
    const bySource: TRoi = await get(s.owner, `/api/v1/marketing/roi?${period}&by=source`);
    expect(bySource.rows.find((r) => r.item?.id === radio.source.id)).toMatchObject({ deals: 1, revenue: '1234.56', cost: '500.00' });
    const first: TRoi = await get(s.owner, `/api/v1/marketing/roi?${period}&attribution=first`);
    expect(first.rows.find((r) => r.item?.id === s.campaign.id)).toMatchObject({ leads: 1, deals: 1, wonDeals: 1, revenue: '1234.56' });
  });
});
