import type { TCreditStatus, TOrder, TQuote, TSalesLine } from '@clientela/contract';
import { jsonResponse } from '../../test/render.tsx';

export const COMPANY = { id: '00000000-0000-4000-8000-000000000501', name: 'Forno Rossi' };
export const LIST_ID = '00000000-0000-4000-8000-000000000a01';

/** A priced line for tests: 15 × 14.90 less 7.5 %, VAT 10 %. */
export function aLine(extra: Partial<TSalesLine> = {}): TSalesLine {
  return {
    id: '00000000-0000-4000-8000-000000000b01',
    position: 0,
    product: { id: '00000000-0000-4000-8000-000000000c01', name: 'Ciabatta', sku: 'P-4' },
    description: 'Ciabatta',
    quantity: '15.000',
    unit: 'pcs',
    unitPrice: '14.90',
    discountPercent: '7.50',
    vatRate: '10.00',
    net: '206.74',
    vat: '20.67',
    total: '227.41',
    ...extra,
  };
}

/** A quote for tests: a draft in euros with one line, unless told. */
export function aQuote(extra: Partial<TQuote> = {}): TQuote {
  return {
    id: '00000000-0000-4000-8000-000000000d01',
    number: 'Q-2026-0007',
    version: 1,
    status: 'draft',
    company: COMPANY,
    contact: null,
    deal: null,
    owner: { id: '00000000-0000-4000-8000-000000000001', name: 'Anna Rossi' },
    unitId: null,
    priceListId: LIST_ID,
    currency: 'EUR',
    language: 'it',
    issuedOn: '2026-12-01',
    validUntil: '2026-12-31',
    lines: [aLine()],
    net: '206.74',
    vat: '20.67',
    total: '227.41',
    totalBase: '227.41',
    baseCurrency: 'EUR',
    notes: null,
    orderId: null,
    mayChange: true,
    createdAt: '2026-12-01T09:00:00.000Z',
    updatedAt: '2026-12-01T09:00:00.000Z',
    ...extra,
  };
}

/** An order for tests: new, in euros, 1,220.00 with nothing invoiced or paid, unless told. */
export function anOrder(extra: Partial<TOrder> = {}): TOrder {
  return {
    id: '00000000-0000-4000-8000-000000000e01',
    number: 'O-2026-0012',
    status: 'new',
    company: COMPANY,
    contact: null,
    deal: null,
    quoteId: null,
    quote: null,
    owner: { id: '00000000-0000-4000-8000-000000000003', name: 'Elio Conti' },
    unit: { id: '00000000-0000-4000-8000-000000000f01', name: 'Via Roma shop' },
    priceListId: LIST_ID,
    currency: 'EUR',
    orderedOn: '2026-12-02',
    lines: [
      aLine({
        net: '1000.00',
        vat: '220.00',
        total: '1220.00',
        quantity: '100.000',
        unitPrice: '10.00',
        discountPercent: '0.00',
        vatRate: '22.00',
      }),
    ],
    net: '1000.00',
    vat: '220.00',
    total: '1220.00',
    totalBase: '1220.00',
    baseCurrency: 'EUR',
    invoiced: '0.00',
    paid: '0.00',
    receivable: '0.00',
    creditOverride: null,
    notes: null,
    mayChange: true,
    createdAt: '2026-12-02T09:00:00.000Z',
    updatedAt: '2026-12-02T09:00:00.000Z',
    ...extra,
  };
}

/** Where the test company stands on credit: 4,200.00 of 5,000.00 used, in a group without a limit. */
export function aCreditStatus(extra: Partial<TCreditStatus> = {}): TCreditStatus {
  return {
    baseCurrency: 'EUR',
    limit: '5000.00',
    exposure: '4200.00',
    receivable: '1800.00',
    group: { id: '00000000-0000-4000-8000-000000000901', name: 'Rossi Group', limit: '9000.00', exposure: '8500.00' },
    ...extra,
  };
}

/** A problem+json answer as the API sends it. */
export const problem = (status: number, code: string, errors: { path: string; message: string }[] = []) =>
  jsonResponse(status, { type: 'about:blank', title: code, status, code, detail: code, errors }, 'application/problem+json');
