import type { TCampaign, TCampaignDetail, TLead, TWebForm } from '@clientela/contract';

export const ANNA = { id: '00000000-0000-4000-8000-000000000001', name: 'Anna Rossi' };
export const FAIR_SOURCE = { id: '00000000-0000-4000-8000-000000000701', name: 'Trade fairs' };
export const ADS_SOURCE = { id: '00000000-0000-4000-8000-000000000702', name: 'Web ads' };
export const CAMPAIGN_ID = '00000000-0000-4000-8000-000000000801';

/** A campaign for tests: the Milan building fair, budget 5,000 EUR, 3,200 spent. */
export function aCampaign(extra: Partial<TCampaign> = {}): TCampaign {
  return {
    id: CAMPAIGN_ID,
    name: 'Milan building fair',
    kind: 'exhibition',
    status: 'running',
    startsOn: '2026-11-03',
    endsOn: '2026-11-06',
    budget: '5000.00',
    baseCurrency: 'EUR',
    source: FAIR_SOURCE,
    owner: ANNA,
    segment: { type: 'list', id: '00000000-0000-4000-8000-000000000901', name: 'Builders in Lombardy', entity: 'company' },
    description: null,
    plannedCost: '4000.00',
    actualCost: '3200.00',
    mayChange: true,
    createdAt: '2026-10-01T08:00:00.000Z',
    updatedAt: '2026-10-01T08:00:00.000Z',
    ...extra,
  };
}

/** The same campaign with one cost line and its results. */
export function aCampaignDetail(extra: Partial<TCampaignDetail> = {}): TCampaignDetail {
  return {
    ...aCampaign(),
    costs: [
      {
        id: '00000000-0000-4000-8000-000000000811',
        description: 'Stand rent',
        planned: '4000.00',
        actual: '3200.00',
        incurredOn: '2026-11-01',
      },
    ],
    totals: { planned: '4000.00', actual: '3200.00', budgetLeft: '1800.00' },
    results: { leads: 12, deals: 5, wonDeals: 2, wonRevenue: '9600.00', costPerLead: '266.67', costPerWonDeal: '1600.00', roi: 2 },
    ...extra,
  };
}

export const LEAD_ID = '00000000-0000-4000-8000-000000000a01';

/** A web-form lead from the fair's campaign: Marco Bianchi of Edilizia Bianchi. */
export function aLead(extra: Partial<TLead> = {}): TLead {
  return {
    id: LEAD_ID,
    status: 'qualified',
    channel: 'web_form',
    firstName: 'Marco',
    lastName: 'Bianchi',
    name: 'Marco Bianchi',
    companyName: 'Edilizia Bianchi',
    position: 'Buyer',
    email: 'marco@bianchi.example',
    phone: '+39 02 1234567',
    city: 'Milano',
    language: 'it',
    marketingConsent: true,
    owner: ANNA,
    source: FAIR_SOURCE,
    campaign: { id: CAMPAIGN_ID, name: 'Milan building fair' },
    webForm: null,
    createdAt: '2026-11-04T09:00:00.000Z',
    updatedAt: '2026-11-04T09:00:00.000Z',
    message: 'We need 200 sheets of plasterboard',
    unit: null,
    disqualifyReason: null,
    convertedSource: null,
    convertedCampaign: null,
    conversion: null,
    submittedFrom: null,
    createdBy: null,
    mayChange: true,
    mayDelete: true,
    ...extra,
  };
}

/** A saved web form with its address and embed code. */
export function aWebForm(extra: Partial<TWebForm> = {}): TWebForm {
  return {
    id: '00000000-0000-4000-8000-000000000b01',
    key: 'k3y-r4nd0m-l0ng',
    name: 'Contact us',
    language: 'en',
    fields: [
      { field: 'firstName', required: false },
      { field: 'email', required: true },
    ],
    title: 'Write to us',
    thanks: null,
    consentText: null,
    redirectUrl: null,
    source: ADS_SOURCE,
    campaign: null,
    owner: null,
    active: true,
    submissions: 3,
    publicUrl: 'https://crm.example/f/k3y-r4nd0m-l0ng',
    embedCode: {
      iframe: '<iframe src="https://crm.example/f/k3y-r4nd0m-l0ng" width="100%" height="600"></iframe>',
      html: '<form method="post" action="https://crm.example/f/k3y-r4nd0m-l0ng"></form>',
    },
    mayChange: true,
    createdAt: '2026-10-01T08:00:00.000Z',
    updatedAt: '2026-10-01T08:00:00.000Z',
    ...extra,
  };
}
