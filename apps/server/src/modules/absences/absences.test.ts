import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Browser, get, makeBakery, post, useTestApp } from '../../test/harness.ts';
import { sweepReminders } from '../tasks/reminders.ts';
import { absences, applyAbsenceMoves } from './index.ts';

const t = useTestApp();

const isoDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const move = (browser: Browser, id: string, payload: Record<string, unknown>) =>
  browser.request({ method: 'POST', url: `/api/v1/tasks/${id}/transitions`, payload });
const notices = async (browser: Browser) =>
  (await get(browser, '/api/v1/notifications')).data.map((n: { kind: string; title: string; detail: Record<string, string> | null }) => ({
    kind: n.kind,
    title: n.title,
    detail: n.detail,
  }));
const ids = async (browser: Browser, url: string) => (await get(browser, url)).data.map((x: { id: string }) => x.id);

describe('absences', () => {
  it('show mode: the deputy reads and acts on the absent person’s tasks while they are away, and no longer after', async () => {
    const { employeeA, employeeA2, employeeB } = await makeBakery(t);
    // Bea sends Elio a task; Elio goes away with Ezio as his deputy.
    const task = await post(employeeB.browser, '/api/v1/tasks', { title: 'Price list for Caffè Roma', assigneeId: employeeA.user.id });
    expect((await employeeA2.browser.request({ method: 'GET', url: `/api/v1/tasks/${task.id}` })).statusCode).toBe(404);
    const absence = await post(employeeA.browser, '/api/v1/absences', {
      deputyId: employeeA2.user.id,
      startsOn: isoDay(0),
      endsOn: isoDay(7),
      note: 'Holidays',
    });
    expect(absence).toMatchObject({
      user: { id: employeeA.user.id, name: 'Elio' },
      deputy: { id: employeeA2.user.id, name: 'Ezio' },
      startsOn: isoDay(0),
      endsOn: isoDay(7),
      mode: 'show',
      note: 'Holidays',
      current: true,
    });

    // Ezio sees it, opens it (it is received), accepts it for Elio; it stays Elio's, and Bea is told.
    expect(await ids(employeeA2.browser, '/api/v1/tasks')).toEqual([task.id]);
    // It is among the tasks assigned to him ("mine") while he covers.
    expect(await ids(employeeA2.browser, '/api/v1/tasks?filter[mine]=true')).toEqual([task.id]);
    expect((await get(employeeA2.browser, `/api/v1/tasks/${task.id}`)).status).toBe('received');
    const accepted = await move(employeeA2.browser, task.id, { to: 'accepted', committedDate: isoDay(3) });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', assignee: { name: 'Elio' } });
    expect(accepted.json().timeline.at(-1)).toMatchObject({ actor: { name: 'Ezio' }, to: 'accepted' });
    expect((await notices(employeeB.browser))[0]).toMatchObject({ kind: 'task_accepted' });
    // Both see the absence; Ezio as its deputy.
    expect(await ids(employeeA2.browser, '/api/v1/absences?filter[upcoming]=true')).toEqual([absence.id]);

    // Once the absence is over, Ezio neither reads nor moves Elio's task.
    await t.db.update(absences).set({ startsOn: '2020-01-01', endsOn: '2020-01-10' }).where(eq(absences.id, absence.id));
    expect((await employeeA2.browser.request({ method: 'GET', url: `/api/v1/tasks/${task.id}` })).statusCode).toBe(404);
    expect((await move(employeeA2.browser, task.id, { to: 'in_progress' })).statusCode).toBe(404);
    expect(await ids(employeeA2.browser, '/api/v1/tasks')).toEqual([]);
    expect(await ids(employeeA2.browser, '/api/v1/tasks?filter[mine]=true')).toEqual([]);
    expect(await ids(employeeA2.browser, '/api/v1/absences?filter[upcoming]=true')).toEqual([]);
    expect((await get(employeeA2.browser, '/api/v1/absences')).data[0].current).toBe(false);
    expect((await move(employeeA.browser, task.id, { to: 'in_progress' })).statusCode).toBe(200);
  });

  it('sends a new task for a person who is away to their deputy, and tells the sender', async () => {
    const { employeeA, employeeA2, employeeB } = await makeBakery(t);
    await post(employeeA.browser, '/api/v1/absences', { deputyId: employeeA2.user.id, startsOn: isoDay(0), endsOn: isoDay(2) });
    const task = await post(employeeB.browser, '/api/v1/tasks', { title: 'Deliver 40 loaves', assigneeId: employeeA.user.id });
    expect(task).toMatchObject({
      assignee: { id: employeeA2.user.id, name: 'Ezio' },
      redirected: { absent: { id: employeeA.user.id, name: 'Elio' }, deputy: { id: employeeA2.user.id, name: 'Ezio' } },
    });
    expect(task.timeline[0].note).toContain('Elio');
    expect(await notices(employeeB.browser)).toEqual([
      { kind: 'task_redirected', title: 'Deliver 40 loaves', detail: { absent: 'Elio', deputy: 'Ezio' } },
    ]);
    expect(await notices(employeeA2.browser)).toEqual([
      { kind: 'task_covered', title: 'Deliver 40 loaves', detail: { absent: 'Elio', deputy: 'Ezio' } },
    ]);
    expect(await notices(employeeA.browser)).toEqual([]);
    // A task to someone who is here is not redirected.
    expect((await post(employeeB.browser, '/api/v1/tasks', { title: 'Flour', assigneeId: employeeA2.user.id })).redirected).toBeNull();
  });

  it('move mode: hands the open tasks to the deputy once, even when two sweeps run together', async () => {
    const { owner, employeeA, employeeA2, employeeB } = await makeBakery(t);
    const open = await post(employeeB.browser, '/api/v1/tasks', { title: 'Open one', assigneeId: employeeA.user.id });
    const declined = await post(employeeB.browser, '/api/v1/tasks', { title: 'Declined one', assigneeId: employeeA.user.id });
    await move(employeeA.browser, declined.id, { to: 'declined', reason: 'Not mine' });
    const accepted = await post(employeeB.browser, '/api/v1/tasks', { title: 'Accepted one', assigneeId: employeeA.user.id });
    await move(employeeA.browser, accepted.id, { to: 'accepted', committedDate: isoDay(5) });

    // Marked for tomorrow: nothing moves today.
    const absence = await post(employeeA.browser, '/api/v1/absences', {
      deputyId: employeeA2.user.id,
      startsOn: isoDay(1),
      endsOn: isoDay(3),
      mode: 'move',
    });
    expect(absence.current).toBe(false);
    expect(await ids(employeeA2.browser, '/api/v1/tasks')).toEqual([]);

    const tomorrow = new Date(`${isoDay(1)}T12:00:00Z`);
    const [first, second] = await Promise.all([applyAbsenceMoves(t.db, tomorrow), applyAbsenceMoves(t.db, tomorrow)]);
    expect((first ?? 0) + (second ?? 0)).toBe(2);
    expect(await applyAbsenceMoves(t.db, tomorrow)).toBe(0);
    const mine = await get(employeeA2.browser, '/api/v1/tasks?filter[mine]=true');
    expect(mine.data.map((x: { title: string }) => x.title).sort()).toEqual(['Accepted one', 'Open one']);
    const handed = await get(employeeA2.browser, `/api/v1/tasks/${open.id}`);
    expect(handed.timeline.filter((e: { note: string | null }) => e.note?.includes('Elio'))).toHaveLength(1);
    expect((await get(owner, `/api/v1/tasks/${declined.id}`)).assignee.name).toBe('Elio');
    const covered = await notices(employeeA2.browser);
    expect(covered.map((n: { title: string }) => n.title).sort()).toEqual(['Accepted one', 'Open one']);
    expect(
      covered.every((n: { kind: string; detail: Record<string, string> }) => n.kind === 'task_covered' && n.detail.absent === 'Elio'),
    ).toBe(true);

    // Marked for today, a move absence hands the tasks over at once.
    const later = await post(employeeB.browser, '/api/v1/tasks', { title: 'Later one', assigneeId: employeeA2.user.id });
    await post(employeeA2.browser, '/api/v1/absences', {
      deputyId: employeeB.user.id,
      startsOn: isoDay(0),
      endsOn: isoDay(0),
      mode: 'move',
    });
    expect((await get(employeeB.browser, `/api/v1/tasks/${later.id}`)).assignee.name).toBe('Bea');
  });

  it('reminds the deputy too of a task of the person they cover that is due or overdue', async () => {
    const { employeeA, employeeA2, employeeB } = await makeBakery(t);
    const dueAt = new Date(Date.now() + 3_600_000);
    await post(employeeB.browser, '/api/v1/tasks', {
      title: 'Due within the hour',
      assigneeId: employeeA.user.id,
      dueAt: dueAt.toISOString(),
    });
    await post(employeeA.browser, '/api/v1/absences', { deputyId: employeeA2.user.id, startsOn: isoDay(0), endsOn: isoDay(2) });
    await sweepReminders(t.db, new Date());
    for (const person of [employeeA, employeeA2])
      expect((await notices(person.browser)).map((n: { kind: string; title: string }) => `${n.kind}:${n.title}`)).toContain(
        'task_due_soon:Due within the hour',
      );
  });

  it('move mode: hands nothing to a deputy who has left meanwhile', async () => {
    const { owner, employeeA, employeeA2, employeeB } = await makeBakery(t);
    const task = await post(employeeB.browser, '/api/v1/tasks', { title: 'Still Elio’s', assigneeId: employeeA.user.id });
    await post(employeeA.browser, '/api/v1/absences', {
      deputyId: employeeA2.user.id,
      startsOn: isoDay(1),
      endsOn: isoDay(3),
      mode: 'move',
    });
    const left = await owner.request({ method: 'PATCH', url: `/api/v1/users/${employeeA2.user.id}`, payload: { active: false } });
    expect(left.statusCode).toBe(200);
    expect(await applyAbsenceMoves(t.db, new Date(`${isoDay(1)}T12:00:00Z`))).toBe(0);
    expect((await get(owner, `/api/v1/tasks/${task.id}`)).assignee.name).toBe('Elio');
  });

  it('is marked, read and cancelled only by those allowed (per route)', async () => {
    const { owner, managerA, employeeA, employeeA2, employeeB } = await makeBakery(t);
    const body = (userId: string, deputyId: string, startsOn = isoDay(1), endsOn = isoDay(2)) => ({ userId, deputyId, startsOn, endsOn });

    // An employee marks only their own; a manager those of their shop; an admin anyone's.
    const notHis = await employeeA.browser.request({
      method: 'POST',
      url: '/api/v1/absences',
      payload: body(employeeA2.user.id, employeeA.user.id),
    });
    expect(notHis.statusCode).toBe(403);
    const otherShop = await managerA.browser.request({
      method: 'POST',
      url: '/api/v1/absences',
      payload: body(employeeB.user.id, employeeA.user.id),
    });
    expect(otherShop.statusCode).toBe(403);
    const byManager = await post(managerA.browser, '/api/v1/absences', body(employeeA2.user.id, employeeA.user.id));
    const byAdmin = await post(owner, '/api/v1/absences', body(employeeB.user.id, managerA.user.id));

    // Each reads their own, the ones they cover, and those within their reach.
    expect(await ids(employeeA2.browser, '/api/v1/absences')).toEqual([byManager.id]);
    expect(await ids(employeeA.browser, '/api/v1/absences')).toEqual([byManager.id]);
    expect((await ids(managerA.browser, '/api/v1/absences')).sort()).toEqual([byManager.id, byAdmin.id].sort());
    expect((await ids(owner, '/api/v1/absences')).sort()).toEqual([byManager.id, byAdmin.id].sort());
    expect(await ids(employeeB.browser, '/api/v1/absences')).toEqual([byAdmin.id]);
    expect(await ids(owner, `/api/v1/absences?filter[user]=${employeeB.user.id}`)).toEqual([byAdmin.id]);

    // Those who may not see it get 404, its deputy 403; the absent person cancels it.
    const del = (browser: Browser, id: string) => browser.request({ method: 'DELETE', url: `/api/v1/absences/${id}` });
    expect((await del(employeeB.browser, byManager.id)).statusCode).toBe(404);
    expect((await del(employeeA.browser, byManager.id)).statusCode).toBe(403);
    expect((await del(employeeA2.browser, byManager.id)).statusCode).toBe(204);
    expect((await del(employeeA2.browser, byManager.id)).statusCode).toBe(404);
    // The manager of the other shop's person may not cancel; an admin may.
    expect((await del(managerA.browser, byAdmin.id)).statusCode).toBe(403);
    expect((await del(owner, byAdmin.id)).statusCode).toBe(204);
    expect(await ids(owner, '/api/v1/absences')).toEqual([]);
  });

  it('refuses bad input naming the field, and an overlap with 409, and writes nothing', async () => {
    const { owner, employeeA, employeeA2, employeeB } = await makeBakery(t);
    const foreign = await post(employeeB.browser, '/api/v1/companies', { name: 'Pasticceria Bea' });
    const ok = { deputyId: employeeA2.user.id, startsOn: isoDay(1), endsOn: isoDay(3) };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...ok, startsOn: isoDay(3), endsOn: isoDay(1) }, 'endsOn'],
      [{ ...ok, deputyId: employeeA.user.id }, 'deputyId'],
      [{ ...ok, deputyId: foreign.id }, 'deputyId'],
      [{ ...ok, deputyId: 'nobody' }, 'deputyId'],
      [{ ...ok, startsOn: '2020-01-01', endsOn: '2020-01-05' }, 'endsOn'],
      [{ ...ok, startsOn: 'tomorrow' }, 'startsOn'],
      [{ ...ok, startsOn: '0000-01-01' }, 'startsOn'],
      [{ ...ok, mode: 'hide' }, 'mode'],
      [{ ...ok, userId: foreign.id }, 'userId'],
      [{ ...ok, colour: 'red' }, 'colour'],
    ];
    for (const [payload, path] of cases) {
      const response = await employeeA.browser.request({ method: 'POST', url: '/api/v1/absences', payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(
        response.json().errors.map((e: { path: string }) => e.path),
        JSON.stringify(payload),
      ).toContain(path);
    }
    expect((await get(owner, '/api/v1/absences')).total).toBe(0);

    await post(employeeA.browser, '/api/v1/absences', ok);
    const overlap = await employeeA.browser.request({
      method: 'POST',
      url: '/api/v1/absences',
      payload: { ...ok, startsOn: isoDay(3), endsOn: isoDay(5) },
    });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().code).toBe('absence_overlaps');
    expect((await get(owner, '/api/v1/absences')).total).toBe(1);
    // The day after is free.
    await post(employeeA.browser, '/api/v1/absences', { ...ok, startsOn: isoDay(4), endsOn: isoDay(5) });
    const bad = await employeeA.browser.request({ method: 'GET', url: '/api/v1/absences?filter[user]=nobody' });
    expect(bad.json().errors[0].path).toBe('filter[user]');
  });

  it('keeps each workspace to its own', async () => {
    const a = await makeBakery(t);
    const b = await makeBakery(t);
    const absence = await post(a.employeeA.browser, '/api/v1/absences', {
      deputyId: a.employeeA2.user.id,
      startsOn: isoDay(0),
      endsOn: isoDay(1),
    });
    expect(await ids(b.owner, '/api/v1/absences')).toEqual([]);
    expect((await b.owner.request({ method: 'DELETE', url: `/api/v1/absences/${absence.id}` })).statusCode).toBe(404);
    // A deputy from another workspace is no one here.
    const across = await b.employeeA.browser.request({
      method: 'POST',
      url: '/api/v1/absences',
      payload: { deputyId: a.employeeA2.user.id, startsOn: isoDay(0), endsOn: isoDay(1) },
    });
    expect(across.json().errors[0].path).toBe('deputyId');
    expect(await ids(a.owner, '/api/v1/absences')).toEqual([absence.id]);
  });
});
