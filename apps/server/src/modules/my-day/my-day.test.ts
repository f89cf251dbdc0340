import { MY_DAY_CAP, type TMyDay } from '@clientela/contract';
import { describe, expect, it } from 'vitest';
import { type Browser, get, makeBakery, makeWorkspace, post, signIn, useTestApp } from '../../test/harness.ts';
import { absences } from '../absences/absences.table.ts';
import { addDays, dayIn, startOfDay } from './zoned-day.ts';

const t = useTestApp();

const ZONE = 'Pacific/Auckland';
const myDay = async (browser: Browser): Promise<TMyDay> => get(browser, '/api/v1/my-day');
const ids = (section: { items: { id: string }[] }) => section.items.map((item) => item.id).sort();
const sorted = (...list: string[]) => [...list].sort();
/** An instant `minutes` after the start of the day `offset` days from today, in `ZONE`. */
const local = (offset: number, minutes: number) => {
  const day = addDays(dayIn(ZONE, new Date()), offset);
  return new Date(startOfDay(day, ZONE).getTime() + minutes * 60_000).toISOString();
};
const day = (offset: number) => addDays(dayIn(ZONE, new Date()), offset);

describe('my day', () => {
  it('needs a signed-in person', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/my-day' })).statusCode).toBe(401);
  });

  it("lists each section's own items in the reader's time zone, and nobody else's", async () => {
    const { owner, managerA, employeeA, employeeA2, employeeB, shopA, shopB } = await makeBakery(t);
    const elio = employeeA;
    expect((await elio.browser.request({ method: 'PATCH', url: '/api/v1/me', payload: { timeZone: ZONE } })).statusCode).toBe(200);

    const task = (from: Browser, payload: Record<string, unknown>) => post(from, '/api/v1/tasks', payload);
    const overdue = await task(managerA.browser, { title: 'Yesterday late', assigneeId: elio.user.id, dueAt: local(-1, 23 * 60 + 30) });
    const lateToday = await task(managerA.browser, { title: 'Today 23:30', assigneeId: elio.user.id, dueAt: local(0, 23 * 60 + 30) });
    const early = await task(managerA.browser, { title: 'Today 00:00', assigneeId: elio.user.id, dueAt: local(0, 0) });
    const tomorrow = await task(managerA.browser, { title: 'Tomorrow 00:30', assigneeId: elio.user.id, dueAt: local(1, 30) });
    const queued = await task(managerA.browser, { title: 'For the shop', queueUnitId: shopA.id });
    const otherShop = await task(managerA.browser, { title: 'For Via Milano', queueUnitId: shopB.id, dueAt: local(0, 600) });
    const ezios = await task(managerA.browser, { title: "Ezio's today", assigneeId: employeeA2.user.id, dueAt: local(0, 600) });
    // Elio sends one to Ezio, who finishes it: it waits for Elio's confirmation.
    const sent = await task(elio.browser, { title: 'Count the flour', assigneeId: employeeA2.user.id });
    const move = (to: string, extra: Record<string, unknown> = {}) =>
      employeeA2.browser.request({ method: 'POST', url: `/api/v1/tasks/${sent.id}/transitions`, payload: { to, ...extra } });
    expect((await move('accepted', { committedDate: day(3) })).statusCode).toBe(200);
    expect((await move('done', { result: '40 sacks' })).statusCode).toBe(200);
    // A task Elio accepted and finished is no longer open: not overdue, not to accept.
    const finished = await task(managerA.browser, { title: 'Finished', assigneeId: elio.user.id, dueAt: local(-2, 600) });
    for (const [to, extra] of [
      ['accepted', { committedDate: day(0) }],
      ['done', { result: 'Done' }],
    ] as const)
      expect(
        (await elio.browser.request({ method: 'POST', url: `/api/v1/tasks/${finished.id}/transitions`, payload: { to, ...extra } }))
          .statusCode,
      ).toBe(200);

    const bakery = await post(elio.browser, '/api/v1/companies', { name: 'Forno Bianchi' });
    const log = (from: Browser, payload: Record<string, unknown>) => post(from, '/api/v1/activities', payload);
    const meeting = await log(elio.browser, {
      type: 'meeting',
      subject: 'Tasting',
      occurredAt: local(0, 15 * 60),
      companyIds: [bakery.id],
    });
    await log(elio.browser, { type: 'meeting', subject: 'Yesterday', occurredAt: local(-1, 15 * 60), companyIds: [bakery.id] });
    await log(elio.browser, { type: 'email', subject: 'Mail today', occurredAt: local(0, 9 * 60), companyIds: [bakery.id] });
    const call = await log(elio.browser, {
      type: 'call',
      occurredAt: local(-5, 600),
      followUpAt: local(-1, 600),
      companyIds: [bakery.id],
    });
    await log(elio.browser, { type: 'call', occurredAt: local(-5, 600), followUpAt: local(3, 600), companyIds: [bakery.id] });
    const ezioCompany = await post(employeeA2.browser, '/api/v1/companies', { name: 'Pasticceria Neri' });
    const ezioMeeting = await log(employeeA2.browser, {
      type: 'visit',
      subject: "Ezio's visit",
      occurredAt: local(0, 11 * 60),
      companyIds: [ezioCompany.id],
    });

    const agreement = (from: Browser, payload: Record<string, unknown>) =>
      // Agreed a month ago: "today" in Auckland may be a day ahead of the server's date.
      post(from, '/api/v1/agreements', { title: 'Page 3', companyId: bakery.id, agreedOn: day(-30), ...payload });
    const soon = await agreement(elio.browser, { title: 'Price kept', validUntil: day(10) });
    const lapsed = await agreement(elio.browser, { title: 'Slot held', validUntil: day(-1) });
    await agreement(elio.browser, { title: 'Far', validUntil: day(60) });
    await agreement(elio.browser, { title: 'Kept', status: 'fulfilled', validUntil: day(5) });
    await agreement(owner, { title: "Anna's", validUntil: day(5) });

    const contract = (payload: Record<string, unknown>) => post(elio.browser, '/api/v1/contracts', { companyId: bakery.id, ...payload });
    const ending = await contract({ number: 'C-1', subject: 'Bread', endDate: day(20) });
    const ended = await contract({ number: 'C-2', subject: 'Rolls', endDate: day(-5) });
    await contract({ number: 'C-3', subject: 'Cakes', endDate: day(90) });
    await contract({ number: 'C-4', subject: 'Buns', endDate: day(-5), renewal: 'ended' });

    const seen = await myDay(elio.browser);
    expect(seen.date).toBe(day(0));
    expect(seen.timeZone).toBe(ZONE);
    expect(ids(seen.overdue)).toEqual([overdue.id]);
    expect(ids(seen.dueToday)).toEqual(sorted(early.id, lateToday.id));
    expect(seen.dueToday.total).toBe(2);
    expect(seen.dueToday.items.map((i) => i.title)).toEqual(['Today 00:00', 'Today 23:30']);
    expect(ids(seen.toAccept)).toEqual(sorted(overdue.id, lateToday.id, early.id, tomorrow.id, queued.id));
    expect(ids(seen.toConfirm)).toEqual([sent.id]);
    expect(seen.toConfirm.items[0]).toMatchObject({ status: 'done', result: '40 sacks', coveringFor: null });
    expect(ids(seen.meetings)).toEqual([meeting.id]);
    expect(seen.meetings.items[0]).toMatchObject({
      type: 'meeting',
      subject: 'Tasting',
      links: [{ type: 'company', id: bakery.id, name: 'Forno Bianchi' }],
      coveringFor: null,
    });
    expect(ids(seen.followUps)).toEqual([call.id]);
    expect(seen.followUps.items[0]?.at).toBe(local(-1, 600));
    expect(seen.agreements.items.map((a) => [a.id, a.expired])).toEqual([
      [lapsed.id, true],
      [soon.id, false],
    ]);
    expect(seen.agreements.items[0]?.company).toEqual({ id: bakery.id, name: 'Forno Bianchi' });
    expect(seen.contracts.items.map((c) => [c.id, c.expired])).toEqual([
      [ended.id, true],
      [ending.id, false],
    ]);
    expect(seen.covering).toEqual({ items: [], total: 0 });
    for (const section of [seen.overdue, seen.dueToday, seen.toAccept])
      expect(ids(section)).not.toEqual(expect.arrayContaining([ezios.id, otherShop.id, finished.id]));
    expect(ids(seen.meetings)).not.toContain(ezioMeeting.id);

    // Bea, in the other shop, sees none of it; her shop's queue is hers to accept.
    const bea = await myDay(employeeB.browser);
    expect(ids(bea.toAccept)).toEqual([otherShop.id]);
    for (const key of ['overdue', 'dueToday', 'toConfirm', 'meetings', 'followUps', 'agreements', 'contracts'] as const)
      expect(bea[key].total).toBe(0);

    // Another workspace sees nothing of the bakery.
    const { admin } = await makeWorkspace(t, { workspaceName: 'Other' });
    const stranger = await myDay(await signIn(t, admin.email));
    for (const key of ['overdue', 'dueToday', 'toAccept', 'toConfirm', 'meetings', 'followUps', 'agreements', 'contracts'] as const)
      expect(stranger[key]).toEqual({ items: [], total: 0 });
  });

  it('shows the deputy the work of the colleague they cover for, each item saying whose it is', async () => {
    const { managerA, employeeA, employeeA2, employeeB } = await makeBakery(t);
    const [elio, ezio, bea] = [employeeA, employeeA2, employeeB];
    // Everyone here lives in UTC: today is the UTC date.
    const days = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const today = await post(managerA.browser, '/api/v1/tasks', {
      title: 'Deliver the cake',
      assigneeId: ezio.user.id,
      dueAt: `${days(0)}T12:00:00Z`,
    });
    const late = await post(managerA.browser, '/api/v1/tasks', {
      title: 'Call the mill',
      assigneeId: ezio.user.id,
      dueAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
    });
    await post(managerA.browser, '/api/v1/tasks', {
      title: "Bea's",
      assigneeId: bea.user.id,
      dueAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
    });
    const company = await post(ezio.browser, '/api/v1/companies', { name: 'Pasticceria Neri' });
    const visit = await post(ezio.browser, '/api/v1/activities', {
      type: 'visit',
      subject: 'Wedding cake',
      occurredAt: `${days(0)}T12:00:00Z`,
      followUpAt: new Date(Date.now() - 86_400_000).toISOString(),
      companyIds: [company.id],
    });
    const before = await myDay(elio.browser);
    expect([before.overdue.total, before.dueToday.total, before.meetings.total, before.followUps.total]).toEqual([0, 0, 0, 0]);

    const ws = elio.browser.session.user.workspace.id;
    await t.db.insert(absences).values([
      { workspaceId: ws, userId: ezio.user.id, deputyId: elio.user.id, startsOn: days(-1), endsOn: days(2), createdBy: managerA.user.id },
      // Bea's absence is over: Elio no longer covers for her.
      { workspaceId: ws, userId: bea.user.id, deputyId: elio.user.id, startsOn: days(-10), endsOn: days(-3), createdBy: managerA.user.id },
    ]);

    const covering = await myDay(elio.browser);
    const ezioRef = { id: ezio.user.id, name: 'Ezio' };
    expect(covering.covering).toEqual({
      items: [{ person: ezioRef, startsOn: days(-1), endsOn: days(2), note: null }],
      total: 1,
    });
    expect(covering.overdue.items.map((i) => [i.id, i.coveringFor])).toEqual([[late.id, ezioRef]]);
    expect(covering.dueToday.items.map((i) => [i.id, i.coveringFor])).toEqual([[today.id, ezioRef]]);
    // Ezio's task waiting for his acceptance stays his: the deputy sees it due, not to accept.
    expect(covering.toAccept.total).toBe(0);
    expect(covering.meetings.items.map((i) => [i.id, i.coveringFor])).toEqual([[visit.id, ezioRef]]);
    expect(covering.followUps.items.map((i) => [i.id, i.coveringFor])).toEqual([[visit.id, ezioRef]]);
    // Elio may not read Ezio's customer: the visit shows, its company does not.
    expect(covering.meetings.items[0]?.links).toEqual([]);

    // Ezio himself sees his own day, covering nobody.
    const own = await myDay(ezio.browser);
    expect(own.dueToday.items.map((i) => [i.id, i.coveringFor])).toEqual([[today.id, null]]);
    expect(own.covering.total).toBe(0);
  });

  it('shows the first of a full day of calls in their order, and counts them all', async () => {
    const { admin } = await makeWorkspace(t);
    const browser = await signIn(t, admin.email);
    expect((await browser.request({ method: 'PATCH', url: '/api/v1/me', payload: { timeZone: ZONE } })).statusCode).toBe(200);
    const company = await post(browser, '/api/v1/companies', { name: 'Forno Rossi' });
    const count = MY_DAY_CAP + 3;
    // Logged last first: call i at 01:00 + i minutes, its follow-up due at 00:00 + i minutes.
    for (let i = count - 1; i >= 0; i--) {
      await post(browser, '/api/v1/activities', {
        type: 'call',
        subject: `Call ${i}`,
        occurredAt: local(0, 60 + i),
        followUpAt: local(0, i),
        companyIds: [company.id],
      });
    }
    const seen = await myDay(browser);
    const first = Array.from({ length: MY_DAY_CAP }, (_, i) => `Call ${i}`);
    for (const section of [seen.meetings, seen.followUps]) {
      expect(section.total).toBe(count);
      expect(section.items.map((item) => item.subject)).toEqual(first);
    }
  });
});
