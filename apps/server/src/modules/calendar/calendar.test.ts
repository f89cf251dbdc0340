import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { type Browser, makeBakery, post, useTestApp } from '../../test/harness.ts';

const t = useTestApp();

const day = (offset: number, time = '10:00:00') => `${new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)}T${time}Z`;
const week = () => `from=${encodeURIComponent(day(-1, '00:00:00'))}&to=${encodeURIComponent(day(7, '00:00:00'))}`;
const keys = async (browser: Browser, scope: string) =>
  (await browser.request({ method: 'GET', url: `/api/v1/calendar?${week()}&scope=${scope}` }))
    .json()
    .data.map((e: { title: string; kind: string }) => `${e.kind}:${e.title}`);

describe('calendar', () => {
  it('shows meetings, planned calls, follow-ups and contract ends for me, my unit or the company, as far as I may see', async () => {
    const { owner, managerA, employeeA, employeeB } = await makeBakery(t);
    const elios = await post(employeeA.browser, '/api/v1/companies', { name: 'Forno Elio' });
    const beas = await post(employeeB.browser, '/api/v1/companies', { name: 'Pasticceria Bea' });
    await post(employeeA.browser, '/api/v1/activities', {
      type: 'meeting',
      subject: 'Tasting',
      occurredAt: day(2),
      durationMinutes: 90,
      companyIds: [elios.id],
    });
    await post(employeeA.browser, '/api/v1/activities', {
      type: 'call',
      subject: 'Price list',
      occurredAt: day(-3),
      followUpAt: day(1, '09:00:00'),
      companyIds: [elios.id],
    });
    await post(employeeA.browser, '/api/v1/activities', {
      type: 'note',
      subject: 'Not an appointment',
      occurredAt: day(2),
      companyIds: [elios.id],
    });
    await post(employeeB.browser, '/api/v1/activities', {
      type: 'visit',
      subject: 'Bea visits',
      occurredAt: day(3),
      companyIds: [beas.id],
    });
    await post(employeeA.browser, '/api/v1/contracts', {
      number: 'E-7',
      subject: 'Bread',
      companyId: elios.id,
      endDate: day(4).slice(0, 10),
    });

    expect(await keys(employeeA.browser, 'me')).toEqual(['follow_up:Price list', 'activity:Tasting', 'contract_end:E-7 · Bread']);
    // The manager's unit holds Elio, not Bea; the admin's company view holds both shops.
    expect(await keys(managerA.browser, 'me')).toEqual([]);
    expect(await keys(managerA.browser, 'unit')).toEqual(['follow_up:Price list', 'activity:Tasting', 'contract_end:E-7 · Bread']);
    expect(await keys(owner, 'company')).toEqual([
      'follow_up:Price list',
      'activity:Tasting',
      'activity:Bea visits',
      'contract_end:E-7 · Bread',
    ]);
    // Bea asks for the company's calendar but sees only what she may read.
    expect(await keys(employeeB.browser, 'company')).toEqual(['activity:Bea visits']);

    const meeting = (await employeeA.browser.request({ method: 'GET', url: `/api/v1/calendar?${week()}` })).json().data[1];
    expect(meeting).toMatchObject({
      start: `${day(2).slice(0, 19)}.000Z`,
      end: `${day(2, '11:30:00').slice(0, 19)}.000Z`,
      allDay: false,
      links: [{ name: 'Forno Elio' }],
    });

    for (const [query, path] of [
      [`from=${day(2)}&to=${day(1)}`, 'to'],
      [`from=${day(0)}&to=${day(90)}`, 'to'],
      [`from=tomorrow&to=${day(1)}`, 'from'],
      [`${week()}&scope=everyone`, 'scope'],
    ]) {
      const response = await employeeA.browser.request({ method: 'GET', url: `/api/v1/calendar?${query}` });
      expect(response.statusCode, query).toBe(400);
      expect(response.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
  });

  it('gives each person a secret iCalendar address that calendar programs read without signing in, until revoked', async () => {
    const { employeeA, employeeB } = await makeBakery(t);
    const elios = await post(employeeA.browser, '/api/v1/companies', { name: 'Forno Elio' });
    await post(employeeA.browser, '/api/v1/activities', {
      type: 'meeting',
      subject: 'Tasting',
      occurredAt: day(2),
      durationMinutes: 90,
      companyIds: [elios.id],
    });
    await post(employeeA.browser, '/api/v1/contracts', {
      number: 'E-7',
      subject: 'Bread',
      companyId: elios.id,
      endDate: day(4).slice(0, 10),
    });
    await post(employeeB.browser, '/api/v1/activities', {
      type: 'visit',
      subject: 'Bea visits',
      occurredAt: day(3),
      companyIds: [(await post(employeeB.browser, '/api/v1/companies', { name: 'Pasticceria Bea' })).id],
    });

    expect((await employeeA.browser.request({ method: 'GET', url: '/api/v1/calendar/feed' })).json()).toEqual({
      url: null,
      createdAt: null,
    });
    const feed = (await employeeA.browser.request({ method: 'POST', url: '/api/v1/calendar/feed' })).json();
    expect(feed.url).toMatch(/^http:\/\/[^/]+\/api\/calendar\/[\w-]{40,}\.ics$/);
    expect((await employeeA.browser.request({ method: 'GET', url: '/api/v1/calendar/feed' })).json()).toEqual({
      url: null,
      createdAt: feed.createdAt,
    });

    const path = new URL(feed.url).pathname;
    const response = await t.app.inject({ method: 'GET', url: path });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    // RFC 5545: CRLF line ends, the calendar's required properties, and a parser reads it.
    expect(response.body).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\nPRODID:/);
    const calendar = new ICAL.Component(ICAL.parse(response.body));
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events.map((e) => e.summary).sort()).toEqual(['E-7 · Bread', 'Tasting']);
    for (const event of calendar.getAllSubcomponents('vevent')) {
      expect(event.getFirstPropertyValue('uid')).toBeTruthy();
      expect(event.getFirstPropertyValue('dtstamp')).toBeTruthy();
    }
    const tasting = events.find((e) => e.summary === 'Tasting') as ICAL.Event;
    expect(tasting.startDate.toJSDate().toISOString()).toBe(`${day(2).slice(0, 19)}.000Z`);
    expect(tasting.endDate.toJSDate().toISOString()).toBe(`${day(2, '11:30:00').slice(0, 19)}.000Z`);
    const ending = events.find((e) => e.summary === 'E-7 · Bread') as ICAL.Event;
    expect(ending.startDate.isDate).toBe(true);
    expect(ending.startDate.toString()).toBe(day(4).slice(0, 10));

    // A new address revokes the old; revoking ends the feed; guessing finds nothing.
    const second = (await employeeA.browser.request({ method: 'POST', url: '/api/v1/calendar/feed' })).json();
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: new URL(second.url).pathname })).statusCode).toBe(200);
    expect((await employeeA.browser.request({ method: 'DELETE', url: '/api/v1/calendar/feed' })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: new URL(second.url).pathname })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/calendar/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.ics' })).statusCode).toBe(
      404,
    );
  });
});
