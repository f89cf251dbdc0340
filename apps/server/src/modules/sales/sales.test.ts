import type { TOrder, TQuote } from '@clientela/contract';
import { extractText } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { type Browser, get, makeBakery, makeWorkspace, post, signIn, useTestApp } from '../../test/harness.ts';
import { aPng } from '../workspaces/test-logos.ts';
import { expireQuotes } from './quotes.service.ts';

const t = useTestApp();

const put = (browser: Browser, url: string, payload: Record<string, unknown>) => browser.request({ method: 'PUT', url, payload });
const patch = (browser: Browser, url: string, payload: Record<string, unknown>) => browser.request({ method: 'PATCH', url, payload });
const IMAGE = /\/Subtype\s*\/Image/;
const status = (browser: Browser, url: string, payload: Record<string, unknown>) => browser.request({ method: 'POST', url, payload });

/** A bakery with a catalogue: a wholesale list in EUR with rye bread and croissants. */
async function bakeryWithCatalogue() {
  const bakery = await makeBakery(t);
  const { managerA } = bakery;
  const list = await post(managerA.browser, '/api/v1/price-lists', { name: 'Wholesale', currency: 'EUR' });
  const rye = await post(managerA.browser, '/api/v1/products', {
    sku: 'RYE-800',
    name: 'Rye loaf 800 g',
    vatRate: '10',
    prices: [{ priceListId: list.id, price: '3.35' }],
  });
  const croissant = await post(managerA.browser, '/api/v1/products', {
    sku: 'CRS-12',
    name: 'Butter croissants, box of 12',
    unit: 'box',
    vatRate: '10',
    prices: [{ priceListId: list.id, price: '14.90' }],
  });
  return { ...bakery, list, rye, croissant };
}

describe('quotes, orders, payments and credit', () => {
  it('prices a quote from the catalogue exactly, writes its PDF in the customer language, and turns it into an order once accepted', async () => {
    const { employeeA, employeeB, list, rye, croissant } = await bakeryWithCatalogue();
    const hotel = await post(employeeA.browser, '/api/v1/companies', { name: 'Гостиница «Волга»' });
    const contact = await post(employeeA.browser, '/api/v1/contacts', {
      firstName: 'Ирина',
      lastName: 'Петрова',
      companies: [{ companyId: hotel.id, role: 'buyer' }],
    });
    const quote: TQuote = await post(employeeA.browser, '/api/v1/quotes', {
      companyId: hotel.id,
      contactId: contact.id,
      language: 'ru',
      validUntil: '2099-12-31',
      lines: [
        { productId: rye.id, quantity: '120' },
        { productId: croissant.id, quantity: '15', discountPercent: '7.5' },
      ],
      notes: 'Доставка по вторникам и пятницам',
    });
    // 120 × 3.35 = 402.00, VAT 10 % 40.20; 15 × 14.90 = 223.50 less 7.5 % = 206.7375 → 206.74, VAT 20.674 → 20.67.
    expect(quote).toMatchObject({
      number: expect.stringMatching(/^Q-\d{4}-0001$/),
      version: 1,
      status: 'draft',
      priceListId: list.id,
      currency: 'EUR',
      language: 'ru',
      net: '608.74',
      vat: '60.87',
      total: '669.61',
      totalBase: '669.61',
    });
    expect(quote.lines.map((l) => [l.description, l.quantity, l.unit, l.unitPrice, l.discountPercent, l.net, l.vat, l.total])).toEqual([
      ['Rye loaf 800 g', '120.000', 'pcs', '3.35', '0.00', '402.00', '40.20', '442.20'],
      ['Butter croissants, box of 12', '15.000', 'box', '14.90', '7.50', '206.74', '20.67', '227.41'],
    ]);

    // A line the list cannot price, and a product of nobody's, are named; nothing is written.
    const unpriced = await employeeA.browser.request({
      method: 'POST',
      url: '/api/v1/quotes',
      payload: {
        companyId: hotel.id,
        priceListId: null,
        currency: 'EUR',
        lines: [
          { productId: rye.id, quantity: '1' },
          { productId: hotel.id, quantity: '1' },
        ],
      },
    });
    expect(unpriced.statusCode).toBe(400);
    expect(unpriced.json().errors.map((e: { path: string }) => e.path)).toEqual(['lines.0.unitPrice', 'lines.1.productId']);
    expect((await get(employeeA.browser, '/api/v1/quotes')).total).toBe(1);

    const pdf = await employeeA.browser.request({ method: 'GET', url: `/api/v1/quotes/${quote.id}/pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain(`${quote.number}-v1.pdf`);
    const { text, totalPages } = await extractText(new Uint8Array(pdf.rawPayload), { mergePages: true });
    // Two lines fit on one page, its footer included.
    expect(totalPages).toBe(1);
    expect(text).toContain('Коммерческое предложение');
    expect(text).toContain('Bakery Rossi');
    expect(text).toContain('Гостиница «Волга»');
    expect(text).toContain('Ирина Петрова');
    expect(text).toContain('Butter croissants, box of 12');
    expect(text.replace(/\s/g, '')).toContain('669,61€'); // the Russian way of writing 669.61 EUR
    expect(text).toContain('Доставка по вторникам и пятницам');
    // Without a letterhead kept, the workspace's name heads it and no image is embedded.
    expect(pdf.rawPayload.toString('latin1')).not.toMatch(IMAGE);
    // Nobody else's: another shop's employee neither reads it nor prints it.
    expect((await employeeB.browser.request({ method: 'GET', url: `/api/v1/quotes/${quote.id}/pdf` })).statusCode).toBe(404);

    // Sent, it no longer changes; a new version does, with the same number.
    expect((await status(employeeA.browser, `/api/v1/quotes/${quote.id}/status`, { status: 'sent' })).json().status).toBe('sent');
    const frozen = await patch(employeeA.browser, `/api/v1/quotes/${quote.id}`, { notes: 'changed' });
    expect(frozen.json()).toMatchObject({ code: 'status_transition_invalid' });
    const v2: TQuote = await post(employeeA.browser, `/api/v1/quotes/${quote.id}/versions`, {});
    expect(v2).toMatchObject({ number: quote.number, version: 2, status: 'draft', total: '669.61' });
    const cheaper = (
      await patch(employeeA.browser, `/api/v1/quotes/${v2.id}`, { lines: [{ productId: rye.id, quantity: '100', discountPercent: '5' }] })
    ).json();
    expect(cheaper).toMatchObject({ net: '318.25', vat: '31.83', total: '350.08' }); // 335.00 less 5 % = 318.25; VAT 31.825 → 31.83
    // Not accepted yet: no order.
    expect((await status(employeeA.browser, `/api/v1/quotes/${v2.id}/order`, {})).json().code).toBe('status_transition_invalid');
    await status(employeeA.browser, `/api/v1/quotes/${v2.id}/status`, { status: 'sent' });
    await status(employeeA.browser, `/api/v1/quotes/${v2.id}/status`, { status: 'accepted' });
    const order: TOrder = await post(employeeA.browser, `/api/v1/quotes/${v2.id}/order`, {});
    expect(order).toMatchObject({
      number: expect.stringMatching(/^O-\d{4}-0001$/),
      status: 'new',
      quoteId: v2.id,
      quote: { id: v2.id, number: quote.number, version: 2 },
      company: { id: hotel.id },
      total: '350.08',
      paid: '0.00',
      receivable: '0.00',
    });
    expect(order.lines.map((l) => [l.description, l.quantity, l.discountPercent, l.total])).toEqual([
      ['Rye loaf 800 g', '100.000', '5.00', '350.08'],
    ]);
    expect((await get(employeeA.browser, `/api/v1/quotes/${v2.id}`)).orderId).toBe(order.id);
    // Once.
    expect((await status(employeeA.browser, `/api/v1/quotes/${v2.id}/order`, {})).json().code).toBe('status_transition_invalid');
  });

  it("heads a quote's PDF with the workspace's letterhead and logo, its labels in the customer's language", async () => {
    const { owner, employeeA, rye } = await bakeryWithCatalogue();
    await patch(owner, '/api/v1/workspace', {
      legalName: 'Panificio Rossi S.r.l.',
      address: 'Via Roma 12, 00184 Roma',
      taxNumber: 'IT01234567890',
      phone: '+39 06 1234 5678',
      email: 'ordini@rossi.example',
      website: 'https://rossi.example',
    });
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(aPng(300, 100, true))], { type: 'image/png' }), 'logo.png');
    const body = new Response(form);
    const logo = await owner.request({
      method: 'PUT',
      url: '/api/v1/workspace/logo',
      payload: Buffer.from(await body.arrayBuffer()),
      headers: { 'content-type': body.headers.get('content-type') as string },
    });
    expect(logo.json().hasLogo).toBe(true);
    const hotel = await post(employeeA.browser, '/api/v1/companies', { name: 'Гостиница «Волга»' });
    const pdfOf = async (language: string) => {
      const quote: TQuote = await post(employeeA.browser, '/api/v1/quotes', {
        companyId: hotel.id,
        language,
        lines: [{ productId: rye.id, quantity: '10' }],
      });
      const pdf = await employeeA.browser.request({ method: 'GET', url: `/api/v1/quotes/${quote.id}/pdf` });
      expect(pdf.statusCode).toBe(200);
      return { bytes: pdf.rawPayload, text: (await extractText(new Uint8Array(pdf.rawPayload), { mergePages: true })).text };
    };

    const russian = await pdfOf('ru');
    expect(russian.bytes.toString('latin1')).toMatch(IMAGE);
    for (const line of ['Panificio Rossi S.r.l.', 'Via Roma 12, 00184 Roma', 'ИНН IT01234567890', 'Тел. +39 06 1234 5678']) {
      expect(russian.text).toContain(line);
    }
    expect(russian.text).toContain('ordini@rossi.example');
    expect(russian.text).toContain('https://rossi.example');
    expect(russian.text).toContain('Коммерческое предложение');
    const italian = await pdfOf('it');
    expect(italian.text).toContain('P.IVA IT01234567890');
    expect(italian.text).toContain('Tel. +39 06 1234 5678');
    expect((await pdfOf('en')).text).toContain('Tax no. IT01234567890');

    // Without the logo, the letterhead is text only.
    await owner.request({ method: 'DELETE', url: '/api/v1/workspace/logo' });
    const plain = await pdfOf('en');
    expect(plain.bytes.toString('latin1')).not.toMatch(IMAGE);
    expect(plain.text).toContain('Panificio Rossi S.r.l.');
  });

  it('takes an order made by hand, changes its lines only while it is new, and keeps it within the branch of whoever moves it', async () => {
    const { managerA, employeeA, shopA, shopB, rye, croissant } = await bakeryWithCatalogue();
    const bar = await post(employeeA.browser, '/api/v1/companies', { name: 'Bar Centrale' });
    const order: TOrder = await post(employeeA.browser, '/api/v1/orders', {
      companyId: bar.id,
      lines: [
        { productId: croissant.id, quantity: '4', discountPercent: '10' },
        { description: 'Delivery', quantity: '1', unitPrice: '12.50', vatRate: '22' },
      ],
    });
    // 4 × 14.90 = 59.60 less 10 % = 53.64, VAT 10 % 5.36; delivery 12.50 + 22 % 2.75.
    expect(order).toMatchObject({ status: 'new', unit: { id: shopA.id }, quote: null, net: '66.14', vat: '8.11', total: '74.25' });

    // While new, its lines change and the totals follow; a bad line is named and nothing is written.
    const bad = await patch(employeeA.browser, `/api/v1/orders/${order.id}`, {
      lines: [{ productId: rye.id, quantity: '0' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([{ path: 'lines.0.quantity', message: expect.any(String) }]);
    const changed = (
      await patch(employeeA.browser, `/api/v1/orders/${order.id}`, { lines: [{ productId: rye.id, quantity: '20' }], notes: 'Back door' })
    ).json();
    expect(changed).toMatchObject({ net: '67.00', vat: '6.70', total: '73.70', notes: 'Back door' });
    expect(changed.lines).toHaveLength(1);

    // A manager of one shop cannot hand the order to another shop it does not run.
    const moved = await patch(managerA.browser, `/api/v1/orders/${order.id}`, { unitId: shopB.id });
    expect(moved.statusCode).toBe(403);
    expect((await get(employeeA.browser, `/api/v1/orders/${order.id}`)).unit.id).toBe(shopA.id);

    // Confirmed, its lines are fixed.
    await status(employeeA.browser, `/api/v1/orders/${order.id}/status`, { status: 'confirmed' });
    const frozen = await patch(employeeA.browser, `/api/v1/orders/${order.id}`, { lines: [{ productId: rye.id, quantity: '1' }] });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json()).toMatchObject({ code: 'status_transition_invalid', errors: [{ path: 'lines' }] });
    expect((await get(employeeA.browser, `/api/v1/orders/${order.id}`)).total).toBe('73.70');
  });

  it('blocks confirming or shipping past a company or group credit limit for an employee, and lets a manager through with a recorded reason', async () => {
    const { owner, managerA, employeeA, employeeB, rye } = await bakeryWithCatalogue();
    // Two legal entities of one owner: credit is given to the group.
    const group = await post(owner, '/api/v1/company-groups', { name: 'Volga hotels' });
    const north = await post(employeeA.browser, '/api/v1/companies', { name: 'Volga North', groupId: group.id });
    const south = await post(employeeA.browser, '/api/v1/companies', { name: 'Volga South', groupId: group.id });
    expect((await put(employeeA.browser, `/api/v1/credit/groups/${group.id}`, { limit: '1000.00' })).statusCode).toBe(403);
    expect((await put(managerA.browser, `/api/v1/credit/groups/${group.id}`, { limit: '1000.00' })).statusCode).toBe(200);

    // North owes 737.00 on a confirmed order (200 × 3.35 = 670.00 + 10 % VAT).
    const first: TOrder = await post(employeeA.browser, '/api/v1/orders', {
      companyId: north.id,
      lines: [{ productId: rye.id, quantity: '200' }],
    });
    expect(first.total).toBe('737.00');
    expect((await status(employeeA.browser, `/api/v1/orders/${first.id}/status`, { status: 'confirmed' })).json().status).toBe('confirmed');
    expect(await get(employeeA.browser, `/api/v1/credit/companies/${south.id}`)).toMatchObject({
      baseCurrency: 'EUR',
      limit: null,
      exposure: '0',
      group: { id: group.id, name: 'Volga hotels', limit: '1000.00', exposure: '737.00' },
    });

    // South orders 368.50 more: through the other entity, the group would owe 1,105.50.
    const second: TOrder = await post(employeeA.browser, '/api/v1/orders', {
      companyId: south.id,
      lines: [{ productId: rye.id, quantity: '100' }],
    });
    const blocked = await status(employeeA.browser, `/api/v1/orders/${second.id}/status`, { status: 'confirmed' });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json()).toMatchObject({ code: 'credit_limit_exceeded', errors: [{ path: 'group' }] });
    // An employee's own "reason" is no override.
    const selfOverride = await status(employeeA.browser, `/api/v1/orders/${second.id}/status`, {
      status: 'confirmed',
      overrideReason: 'I know them',
    });
    expect(selfOverride.statusCode).toBe(403);
    expect((await get(employeeA.browser, `/api/v1/orders/${second.id}`)).status).toBe('new');
    // The manager must give a reason, and it is kept with who and when.
    expect((await status(managerA.browser, `/api/v1/orders/${second.id}/status`, { status: 'confirmed' })).json().code).toBe(
      'credit_limit_exceeded',
    );
    const confirmed = (
      await status(managerA.browser, `/api/v1/orders/${second.id}/status`, {
        status: 'confirmed',
        overrideReason: 'Pays every month on the 5th',
      })
    ).json();
    expect(confirmed).toMatchObject({
      status: 'confirmed',
      creditOverride: { by: { id: managerA.user.id }, reason: 'Pays every month on the 5th' },
    });
    // Shipping is checked again: the employee is stopped, the manager overrides.
    expect((await status(employeeA.browser, `/api/v1/orders/${second.id}/status`, { status: 'shipped' })).json().code).toBe(
      'credit_limit_exceeded',
    );

    // North pays 500.00 of its order: the group exposure falls to 605.50 and shipping fits.
    const payment = await post(employeeA.browser, '/api/v1/payments', { orderId: first.id, amount: '500.00', reference: 'Bank 0412' });
    expect(payment).toMatchObject({ amount: '500.00', currency: 'EUR', amountBase: '500.00', order: { id: first.id } });
    const tooMuch = await employeeA.browser.request({
      method: 'POST',
      url: '/api/v1/payments',
      payload: { orderId: first.id, amount: '237.01' },
    });
    expect(tooMuch.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'amount' }] });
    expect((await get(employeeA.browser, `/api/v1/credit/companies/${north.id}`)).group.exposure).toBe('605.50');
    expect((await status(employeeA.browser, `/api/v1/orders/${second.id}/status`, { status: 'shipped' })).json().status).toBe('shipped');

    // A company limit applies on its own too, and a cancelled order no longer counts.
    // North still owes 237.00; 10 more loaves (36.85) would make 273.85.
    await put(managerA.browser, `/api/v1/credit/companies/${north.id}`, { limit: '250.00' });
    const third: TOrder = await post(employeeA.browser, '/api/v1/orders', {
      companyId: north.id,
      lines: [{ productId: rye.id, quantity: '10' }],
    });
    expect((await status(employeeA.browser, `/api/v1/orders/${third.id}/status`, { status: 'confirmed' })).json().errors).toEqual([
      { path: 'company', message: expect.any(String) },
    ]);
    await status(employeeA.browser, `/api/v1/orders/${first.id}/status`, { status: 'cancelled' });
    expect((await status(employeeA.browser, `/api/v1/orders/${third.id}/status`, { status: 'confirmed' })).json().status).toBe('confirmed');
    // Invoiced and paid make the receivable.
    const invoiced = (await patch(employeeA.browser, `/api/v1/orders/${second.id}`, { invoiced: '368.50' })).json();
    expect(invoiced).toMatchObject({ invoiced: '368.50', paid: '0.00', receivable: '368.50' });
    expect((await patch(employeeA.browser, `/api/v1/orders/${second.id}`, { invoiced: '368.51' })).json().errors).toEqual([
      { path: 'invoiced', message: expect.any(String) },
    ]);
    expect((await get(employeeA.browser, `/api/v1/credit/companies/${south.id}`)).receivable).toBe('368.50');
    // A delivered order cannot go back.
    await status(employeeA.browser, `/api/v1/orders/${second.id}/status`, { status: 'delivered' });
    expect((await status(employeeA.browser, `/api/v1/orders/${second.id}/status`, { status: 'new' })).json().code).toBe(
      'status_transition_invalid',
    );

    // Sales by branch, by product and by month: the cancelled order is left out, amounts are exact.
    const byUnit = await get(managerA.browser, '/api/v1/orders/summary?groupBy=unit');
    expect(byUnit).toMatchObject({ baseCurrency: 'EUR', withoutRate: 0, rows: [{ name: 'Via Roma', orders: 2, totalBase: '405.35' }] });
    const byProduct = await get(managerA.browser, '/api/v1/orders/summary?groupBy=product');
    expect(byProduct.rows).toEqual([{ key: rye.id, name: 'Rye loaf 800 g', orders: 2, totalBase: '405.35', quantity: '110.000' }]);
    const byMonth = await get(managerA.browser, '/api/v1/orders/summary?groupBy=month');
    expect(byMonth.rows).toEqual([
      { key: expect.stringMatching(/^\d{4}-\d{2}$/), name: null, orders: 2, totalBase: '405.35', quantity: null },
    ]);
    // Another shop's employee adds up nothing of it.
    expect((await get(employeeB.browser, '/api/v1/orders/summary?groupBy=unit')).rows).toEqual([]);
    expect((await employeeB.browser.request({ method: 'GET', url: '/api/v1/orders/summary?groupBy=customer' })).statusCode).toBe(400);

    // Another workspace sees none of it.
    const { admin } = await makeWorkspace(t);
    const stranger = await signIn(t, admin.email);
    expect((await get(stranger, `/api/v1/orders/${second.id}`)).code).toBe('not_found');
    expect((await get(stranger, `/api/v1/credit/companies/${north.id}`)).code).toBe('not_found');
    expect(
      (await stranger.request({ method: 'POST', url: '/api/v1/payments', payload: { orderId: second.id, amount: '1.00' } })).statusCode,
    ).toBe(404);
  });

  it('adds an order in another currency to the exposure at the rate of its date, and refuses to confirm it without a rate', async () => {
    const { owner, managerA, employeeA } = await bakeryWithCatalogue();
    await put(owner, '/api/v1/currencies', { currencies: ['USD'] });
    const usd = await post(managerA.browser, '/api/v1/price-lists', { name: 'Export', currency: 'USD' });
    const cake = await post(managerA.browser, '/api/v1/products', {
      name: 'Panettone 1 kg',
      vatRate: '0',
      prices: [{ priceListId: usd.id, price: '21.99' }],
    });
    const importer = await post(employeeA.browser, '/api/v1/companies', { name: 'Brooklyn Deli' });
    const order: TOrder = await post(employeeA.browser, '/api/v1/orders', {
      companyId: importer.id,
      priceListId: usd.id,
      orderedOn: '2026-03-10',
      lines: [{ productId: cake.id, quantity: '37' }],
    });
    expect(order).toMatchObject({ currency: 'USD', total: '813.63', totalBase: null });
    const noRate = await status(employeeA.browser, `/api/v1/orders/${order.id}/status`, { status: 'confirmed' });
    expect(noRate.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'currency' }] });
    await put(owner, '/api/v1/currencies/rates', { rates: [{ currency: 'USD', on: '2026-03-01', rate: '0.9173' }] });
    // 813.63 × 0.9173 = 746.342799 → 746.34
    expect((await get(employeeA.browser, `/api/v1/orders/${order.id}`)).totalBase).toBe('746.34');
    await put(managerA.browser, `/api/v1/credit/companies/${importer.id}`, { limit: '746.34' });
    expect((await status(employeeA.browser, `/api/v1/orders/${order.id}/status`, { status: 'confirmed' })).json().status).toBe('confirmed');
    expect((await get(employeeA.browser, `/api/v1/credit/companies/${importer.id}`)).exposure).toBe('746.34');
    // A payment on another day converts at that day's rate; the exposure follows the order's own rate.
    await put(owner, '/api/v1/currencies/rates', { rates: [{ currency: 'USD', on: '2026-04-01', rate: '0.9' }] });
    const paid = await post(employeeA.browser, '/api/v1/payments', { orderId: order.id, amount: '13.63', paidOn: '2026-04-02' });
    expect(paid.amountBase).toBe('12.27'); // 13.63 × 0.9 = 12.267
    expect((await get(employeeA.browser, `/api/v1/credit/companies/${importer.id}`)).exposure).toBe('733.84'); // 800.00 × 0.9173
  });

  it('expires a sent quote the day after its last valid day in its owner time zone, and leaves drafts and valid ones alone', async () => {
    const { employeeA, rye } = await bakeryWithCatalogue();
    expect((await patch(employeeA.browser, '/api/v1/me', { timeZone: 'Europe/Rome' })).statusCode).toBe(200);
    const shop = await post(employeeA.browser, '/api/v1/companies', { name: 'Bar Centrale' });
    const quote = (validUntil: string) =>
      post(employeeA.browser, '/api/v1/quotes', {
        companyId: shop.id,
        issuedOn: '2026-01-05',
        validUntil,
        lines: [{ productId: rye.id, quantity: '1' }],
      });
    const lapsing: TQuote = await quote('2026-01-31');
    const draft: TQuote = await quote('2026-01-31');
    const later: TQuote = await quote('2026-02-28');
    for (const q of [lapsing, later]) await status(employeeA.browser, `/api/v1/quotes/${q.id}/status`, { status: 'sent' });
    // 31 January, 23:30 in Rome (the owner's zone) is still its last valid day.
    expect(await expireQuotes(t.db, new Date('2026-01-31T22:30:00Z'))).toBe(0);
    // Half an hour later it is 1 February there.
    expect(await expireQuotes(t.db, new Date('2026-01-31T23:30:00Z'))).toBe(1);
    expect((await get(employeeA.browser, `/api/v1/quotes/${lapsing.id}`)).status).toBe('expired');
    expect((await get(employeeA.browser, `/api/v1/quotes/${draft.id}`)).status).toBe('draft');
    expect((await get(employeeA.browser, `/api/v1/quotes/${later.id}`)).status).toBe('sent');
    // Expired, it may be sent again only as a new version.
    expect((await status(employeeA.browser, `/api/v1/quotes/${lapsing.id}/status`, { status: 'accepted' })).json().code).toBe(
      'status_transition_invalid',
    );
  });
});
