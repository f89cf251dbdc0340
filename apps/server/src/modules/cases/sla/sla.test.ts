import { describe, expect, it } from 'vitest';
import { get, makeBakery, post, useTestApp } from '../../../test/harness.ts';
import { makeCaseType } from './sla-fixtures.ts';

const t = useTestApp();
const hours = [1, 2, 3, 4, 5].map((day) => ({ day, from: 9 * 60, to: 18 * 60 }));
const paths = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path).sort();

describe('SLA policies', () => {
  it('lets admins create, change and delete policies, and everyone read them', async () => {
    const { owner, managerA, employeeA } = await makeBakery(t);
    const type = await makeCaseType(t.db, owner.session.user.workspace.id);
    const created = await post(owner, '/api/v1/sla-policies', {
      name: 'Urgent complaints',
      typeId: type.id,
      priority: 'urgent',
      firstResponseMinutes: 60,
      resolutionMinutes: 480,
      warnBeforeMinutes: 30,
    });
    expect(created).toMatchObject({
      name: 'Urgent complaints',
      type: { id: type.id, name: 'Product complaint' },
      priority: 'urgent',
      firstResponseMinutes: 60,
      resolutionMinutes: 480,
      warnBeforeMinutes: 30,
      active: true,
    });
    const catchAll = await post(owner, '/api/v1/sla-policies', { name: 'Everything', firstResponseMinutes: 240, resolutionMinutes: 2400 });
    expect(catchAll).toMatchObject({ type: null, priority: null, warnBeforeMinutes: 60 });

    const list = await get(employeeA.browser, '/api/v1/sla-policies');
    expect(list.data.map((p: { name: string }) => p.name)).toEqual(['Urgent complaints', 'Everything']);

    const denied = await managerA.browser.request({
      method: 'POST',
      url: '/api/v1/sla-policies',
      payload: { name: 'Mine', firstResponseMinutes: 1, resolutionMinutes: 2 },
    });
    expect(denied.statusCode).toBe(403);
    const deniedPatch = await employeeA.browser.request({
      method: 'PATCH',
      url: `/api/v1/sla-policies/${created.id}`,
      payload: { resolutionMinutes: 9999 },
    });
    expect(deniedPatch.statusCode).toBe(403);

    const changed = await owner.request({
      method: 'PATCH',
      url: `/api/v1/sla-policies/${created.id}`,
      payload: { resolutionMinutes: 960, active: false },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ resolutionMinutes: 960, active: false, firstResponseMinutes: 60, priority: 'urgent' });

    expect((await employeeA.browser.request({ method: 'DELETE', url: `/api/v1/sla-policies/${created.id}` })).statusCode).toBe(403);
    expect((await owner.request({ method: 'DELETE', url: `/api/v1/sla-policies/${created.id}` })).statusCode).toBe(204);
    expect((await owner.request({ method: 'DELETE', url: `/api/v1/sla-policies/${created.id}` })).statusCode).toBe(404);
    expect((await get(owner, '/api/v1/sla-policies')).data).toHaveLength(1);
  });

  it('refuses an unknown type or priority, a first response after the resolution, and a second policy for the same scope', async () => {
    const { owner } = await makeBakery(t);
    const other = await makeBakery(t);
    const foreignType = await makeCaseType(t.db, other.owner.session.user.workspace.id);
    const type = await makeCaseType(t.db, owner.session.user.workspace.id);
    const send = (payload: Record<string, unknown>) => owner.request({ method: 'POST', url: '/api/v1/sla-policies', payload });

    const unknownType = await send({ name: 'X', typeId: foreignType.id, firstResponseMinutes: 10, resolutionMinutes: 20 });
    expect(unknownType.statusCode).toBe(400);
    expect(unknownType.headers['content-type']).toContain('application/problem+json');
    expect(paths(unknownType.json())).toEqual(['typeId']);
    const badPriority = await send({ name: 'X', priority: 'whenever', firstResponseMinutes: 10, resolutionMinutes: 20 });
    expect(badPriority.statusCode).toBe(400);
    expect(paths(badPriority.json())).toEqual(['priority']);
    const backwards = await send({ name: 'X', firstResponseMinutes: 100, resolutionMinutes: 20 });
    expect(backwards.statusCode).toBe(400);
    expect(paths(backwards.json())).toEqual(['firstResponseMinutes']);
    const zero = await send({ name: '', firstResponseMinutes: 0, resolutionMinutes: 20 });
    expect(zero.statusCode).toBe(400);
    expect(paths(zero.json())).toEqual(['firstResponseMinutes', 'name']);

    await post(owner, '/api/v1/sla-policies', {
      name: 'High',
      typeId: type.id,
      priority: 'high',
      firstResponseMinutes: 10,
      resolutionMinutes: 20,
    });
    const twice = await send({ name: 'High again', typeId: type.id, priority: 'high', firstResponseMinutes: 10, resolutionMinutes: 20 });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'conflict' });
    // The same type with any priority is another scope.
    expect((await send({ name: 'Any priority', typeId: type.id, firstResponseMinutes: 10, resolutionMinutes: 20 })).statusCode).toBe(201);
    const low = await post(owner, '/api/v1/sla-policies', {
      name: 'Low',
      typeId: type.id,
      priority: 'low',
      firstResponseMinutes: 10,
      resolutionMinutes: 20,
    });
    const clash = await owner.request({ method: 'PATCH', url: `/api/v1/sla-policies/${low.id}`, payload: { priority: 'high' } });
    expect(clash.statusCode).toBe(409);
    expect((await get(owner, '/api/v1/sla-policies')).data.find((p: { id: string }) => p.id === low.id).priority).toBe('low');
  });

  it("answers 404 for another workspace's policy", async () => {
    const { owner } = await makeBakery(t);
    const other = await makeBakery(t);
    const theirs = await post(other.owner, '/api/v1/sla-policies', { name: 'Theirs', firstResponseMinutes: 10, resolutionMinutes: 20 });
    const patch = await owner.request({ method: 'PATCH', url: `/api/v1/sla-policies/${theirs.id}`, payload: { name: 'Mine now' } });
    expect(patch.statusCode).toBe(404);
    expect((await owner.request({ method: 'DELETE', url: `/api/v1/sla-policies/${theirs.id}` })).statusCode).toBe(404);
    expect((await get(owner, '/api/v1/sla-policies')).data).toEqual([]);
    expect((await get(other.owner, '/api/v1/sla-policies')).data[0].name).toBe('Theirs');
  });
});

describe('working calendars', () => {
  it('keeps a default calendar and one per unit, set by admins and read by all', async () => {
    const { owner, shopA, employeeA } = await makeBakery(t);
    const fallback = await post(owner, '/api/v1/working-calendars', {
      name: 'Office hours',
      timeZone: 'Europe/Rome',
      hours,
      holidays: ['2026-12-25', '2026-01-06', '2026-12-25'],
    });
    expect(fallback).toMatchObject({ name: 'Office hours', unit: null, timeZone: 'Europe/Rome', holidays: ['2026-01-06', '2026-12-25'] });
    expect(fallback.hours).toHaveLength(5);
    const shop = await post(owner, '/api/v1/working-calendars', {
      name: 'Via Roma shop',
      unitId: shopA.id,
      timeZone: 'Europe/Rome',
      hours: [...hours, { day: 6, from: 8 * 60, to: 13 * 60 }],
    });
    expect(shop.unit).toEqual({ id: shopA.id, name: 'Via Roma' });

    const list = await get(employeeA.browser, '/api/v1/working-calendars');
    expect(list.data.map((c: { name: string }) => c.name)).toEqual(['Office hours', 'Via Roma shop']);

    const denied = await employeeA.browser.request({
      method: 'POST',
      url: '/api/v1/working-calendars',
      payload: { name: 'X', timeZone: 'UTC', hours },
    });
    expect(denied.statusCode).toBe(403);

    const changed = await owner.request({
      method: 'PATCH',
      url: `/api/v1/working-calendars/${shop.id}`,
      payload: { timeZone: 'Europe/Moscow', holidays: ['2026-05-09'] },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ timeZone: 'Europe/Moscow', holidays: ['2026-05-09'], name: 'Via Roma shop' });
    expect(changed.json().hours).toHaveLength(6);

    expect((await owner.request({ method: 'DELETE', url: `/api/v1/working-calendars/${shop.id}` })).statusCode).toBe(204);
    expect((await get(owner, '/api/v1/working-calendars')).data).toHaveLength(1);
  });

  it('refuses overlapping intervals, an unknown unit or time zone, no hours, and a second calendar for the same unit', async () => {
    const { owner, shopA } = await makeBakery(t);
    const other = await makeBakery(t);
    const send = (payload: Record<string, unknown>) => owner.request({ method: 'POST', url: '/api/v1/working-calendars', payload });

    const overlapping = await send({
      name: 'X',
      timeZone: 'Europe/Rome',
      hours: [
        { day: 1, from: 540, to: 780 },
        { day: 2, from: 600, to: 700 },
        { day: 1, from: 720, to: 1080 },
      ],
    });
    expect(overlapping.statusCode).toBe(400);
    expect(paths(overlapping.json())).toEqual(['hours.2']);
    const backwards = await send({ name: 'X', timeZone: 'Europe/Rome', hours: [{ day: 1, from: 600, to: 540 }] });
    expect(backwards.statusCode).toBe(400);
    expect(paths(backwards.json())).toEqual(['hours.0.to']);
    const outOfDay = await send({ name: 'X', timeZone: 'Europe/Rome', hours: [{ day: 7, from: 0, to: 1441 }] });
    expect(paths(outOfDay.json())).toEqual(['hours.0.day', 'hours.0.to']);
    const zone = await send({ name: 'X', timeZone: 'Europe/Atlantis', hours });
    expect(zone.statusCode).toBe(400);
    expect(paths(zone.json())).toEqual(['timeZone']);
    const empty = await send({ name: 'X', timeZone: 'Europe/Rome', hours: [] });
    expect(empty.statusCode).toBe(400);
    expect(paths(empty.json())).toEqual(['hours']);
    const foreignUnit = await send({ name: 'X', unitId: other.shopA.id, timeZone: 'Europe/Rome', hours });
    expect(foreignUnit.statusCode).toBe(400);
    expect(paths(foreignUnit.json())).toEqual(['unitId']);

    await post(owner, '/api/v1/working-calendars', { name: 'Shop', unitId: shopA.id, timeZone: 'Europe/Rome', hours });
    const twice = await send({ name: 'Shop again', unitId: shopA.id, timeZone: 'Europe/Rome', hours });
    expect(twice.statusCode).toBe(409);
    expect(paths(twice.json())).toEqual(['unitId']);
    await post(owner, '/api/v1/working-calendars', { name: 'Default', timeZone: 'Europe/Rome', hours });
    const secondDefault = await send({ name: 'Default again', timeZone: 'Europe/Rome', hours });
    expect(secondDefault.statusCode).toBe(409);

    // Another workspace's calendar is not there for us.
    const theirs = await post(other.owner, '/api/v1/working-calendars', { name: 'Theirs', timeZone: 'UTC', hours });
    expect(
      (await owner.request({ method: 'PATCH', url: `/api/v1/working-calendars/${theirs.id}`, payload: { name: 'Y' } })).statusCode,
    ).toBe(404);
    expect((await owner.request({ method: 'DELETE', url: `/api/v1/working-calendars/${theirs.id}` })).statusCode).toBe(404);
  });
});
