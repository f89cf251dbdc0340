import type { TPortalHome, TPortalOrder, TPortalOrderDetail, TPortalQuote, TPortalQuoteDetail } from '@clientela/contract';
import { jsonResponse } from '../../test/render.tsx';
import type { TPortalMe } from './portal-api.ts';

/** Irina, a hotel's buyer, signed in to the bakery's portal. */
export const portalMe: TPortalMe = {
  portalUserId: '00000000-0000-4000-8000-0000000000a1',
  contactId: '00000000-0000-4000-8000-0000000000a2',
  name: 'Irina Petrova',
  email: 'irina@hotel.test',
  language: 'en',
  workspace: { slug: 'bakery', name: 'Rossi Bakery' },
  companies: [{ id: '00000000-0000-4000-8000-0000000000c1', name: 'Hotel Volga' }],
  csrfToken: 'csrf',
};

const company = { id: '00000000-0000-4000-8000-0000000000c1', name: 'Hotel Volga' };

export function anOrder(extra: Partial<TPortalOrder> = {}): TPortalOrder {
  return {
    id: '00000000-0000-4000-8000-0000000000d1',
    number: 'O-2026-0012',
    status: 'shipped',
    orderedOn: '2026-03-05',
    company,
    currency: 'EUR',
    net: '1000.00',
    vat: '100.00',
    total: '1100.00',
    invoiced: '1100.00',
    paid: '500.00',
    ...extra,
  };
}

export function anOrderDetail(extra: Partial<TPortalOrderDetail> = {}): TPortalOrderDetail {
  return {
    ...anOrder(),
    quote: null,
    lines: [
      {
        position: 0,
        name: 'Rye loaf 800 g',
        sku: 'RYE-800',
        quantity: '120.000',
        unit: 'pcs',
        unitPrice: '3.35',
        discountPercent: '0.00',
        vatRate: '10.00',
        total: '442.20',
      },
    ],
    ...extra,
  };
}

export function aQuote(extra: Partial<TPortalQuote> = {}): TPortalQuote {
  return {
    id: '00000000-0000-4000-8000-0000000000e1',
    number: 'Q-2026-0007',
    version: 2,
    status: 'sent',
    issuedOn: '2026-03-01',
    validUntil: '2026-04-30',
    company,
    currency: 'EUR',
    net: '608.74',
    vat: '60.87',
    total: '669.61',
    ...extra,
  };
}

export function aQuoteDetail(extra: Partial<TPortalQuoteDetail> = {}): TPortalQuoteDetail {
  return {
    ...aQuote(),
    notes: 'Delivery on Tuesdays and Fridays',
    lines: anOrderDetail().lines,
    pdfUrl: '/api/portal/quotes/00000000-0000-4000-8000-0000000000e1/pdf',
    ...extra,
  };
}

export function aHome(extra: Partial<TPortalHome> = {}): TPortalHome {
  return {
    cases: {
      open: 2,
      waitingForYou: 1,
      latest: [
        {
          id: '00000000-0000-4000-8000-0000000000f1',
          number: 'C-2026-00042',
          subject: 'Stale bread',
          status: 'waiting_customer',
          createdAt: '2026-03-06T09:00:00.000Z',
        },
      ],
    },
    orders: [anOrder()],
    surveys: [
      {
        title: 'How was the delivery?',
        sentAt: '2026-03-04T10:00:00.000Z',
        answeredAt: null,
        link: '/s/00000000-0000-4000-8000-000000000099',
      },
    ],
    manager: { name: 'Elio Bianchi', email: 'elio@bakery.test', phone: '+39 06 1234 5678', company },
    ...extra,
  };
}

type Routes = Record<string, unknown>;

/** A fetch answering the portal's GETs from `routes` (by path and query); anything else is a 404 problem. */
export function portalFetch(routes: Routes) {
  const calls: string[] = [];
  const fetch = async (input: string) => {
    calls.push(input);
    const body = routes[input];
    if (body !== undefined) return jsonResponse(200, body);
    return jsonResponse(
      404,
      { type: 'about:blank', title: 'Not found', status: 404, code: 'not_found', detail: input },
      'application/problem+json',
    );
  };
  return { fetch, calls };
}
