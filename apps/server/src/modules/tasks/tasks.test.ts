import { describe, expect, it } from 'vitest';
import { type Browser, makeBakery, PASSWORD, signIn, type TestApp, uniqueEmail, useTestApp } from '../../test/harness.ts';

const t = useTestApp();

async function post(browser: Browser, url: string, payload: Record<string, unknown>) {
  const response = await browser.request({ method: 'POST', url, payload });
  if (response.statusCode !== 201) throw new Error(`${url} failed: ${response.body}`);
  return response.json();
}

const get = async (browser: Browser, url: string) => (await browser.request({ method: 'GET', url })).json();
const move = (browser: Browser, id: string, payload: Record<string, unknown>) =>
  browser.request({ method: 'POST', url: `/api/v1/tasks/${id}/transitions`, payload });
const isoDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** A unit (under `parentId`) with one employee in it. */
async function unitWithPerson(t: TestApp, owner: Browser, unitName: string, name: string, parentId: string | null = null) {
  const unit = await post(owner, '/api/v1/units', { name: unitName, parentId });
  const email = uniqueEmail(name);
  const user = await post(owner, '/api/v1/users', { email, name, password: PASSWORD, role: 'employee', unitId: unit.id });
  return { unit, user, browser: await signIn(t, email) };
}

describe('tasks', () => {
  it('goes from sender to a unit queue and back: lead time, receipt on opening, taking, acceptance, result, reopening, confirmation', async () => {
    const { owner, managerA, employeeA } = await makeBakery(t);
    const service = await unitWithPerson(t, owner, 'Service', 'Sergio');
    const customer = await post(employeeA.browser, '/api/v1/companies', { name: 'Hotel Aurora' });

    // Only an admin or a manager above the unit sets its lead times; everyone reads them.
    const leadTimes = { data: [{ kind: 'Equipment testing', days: 14 }] };
    const url = `/api/v1/units/${service.unit.id}/lead-times`;
    expect((await managerA.browser.request({ method: 'PUT', url, payload: leadTimes })).statusCode).toBe(403);
    expect((await service.browser.request({ method: 'PUT', url, payload: leadTimes })).statusCode).toBe(403);
    expect((await owner.request({ method: 'PUT', url, payload: leadTimes })).json()).toEqual(leadTimes);
    expect(await get(employeeA.browser, url)).toEqual(leadTimes);
    const advice = await get(employeeA.browser, `/api/v1/tasks/lead-time?unitId=${service.unit.id}&kind=equipment%20testing`);
    expect(advice).toEqual({ unitId: service.unit.id, kind: 'Equipment testing', days: 14, earliestDue: isoDay(14) });

    const task = await post(employeeA.browser, '/api/v1/tasks', {
      title: 'Test two air conditioners',
      kind: 'equipment testing',
      priority: 'high',
      queueUnitId: service.unit.id,
      dueAt: `${isoDay(15)}T10:00:00Z`,
      checklist: [{ text: 'Unit in room 12' }, { text: 'Unit in the hall' }],
      companyIds: [customer.id],
    });
    expect(task).toMatchObject({
      status: 'sent',
      assignee: null,
      queue: { id: service.unit.id, name: 'Service' },
      sender: { id: employeeA.user.id, name: 'Elio' },
      links: [{ type: 'company', id: customer.id, name: 'Hotel Aurora' }],
      checklist: [
        { text: 'Unit in room 12', done: false },
        { text: 'Unit in the hall', done: false },
      ],
      leadTime: { days: 14, earliestDue: isoDay(14) },
    });

    // The sender opening it does not mark it received; a queue member opening it does.
    expect((await get(employeeA.browser, `/api/v1/tasks/${task.id}`)).status).toBe('sent');
    const queue = await get(service.browser, '/api/v1/tasks?filter[myQueues]=true');
    expect(queue.data.map((x: { id: string }) => x.id)).toEqual([task.id]);
    const opened = await get(service.browser, `/api/v1/tasks/${task.id}`);
    expect(opened.status).toBe('received');
    // Sergio may not open Elio's customer: the task says it is about one record he cannot see.
    expect([opened.links, opened.hiddenLinks]).toEqual([[], 1]);
    expect((await get(employeeA.browser, `/api/v1/tasks/${task.id}`)).hiddenLinks).toBe(0);
    expect(opened.receivedAt).not.toBeNull();
    expect((await get(service.browser, `/api/v1/tasks/${task.id}`)).timeline).toHaveLength(2);

    // Accepting needs a committed date; the sender may not accept for them; accepting takes it from the queue.
    const undated = await move(service.browser, task.id, { to: 'accepted' });
    expect(undated.statusCode).toBe(400);
    expect(undated.json().errors[0].path).toBe('committedDate');
    expect((await move(employeeA.browser, task.id, { to: 'accepted', committedDate: isoDay(14) })).statusCode).toBe(403);
    const accepted = await move(service.browser, task.id, { to: 'accepted', committedDate: isoDay(14) });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({
      status: 'accepted',
      committedDate: isoDay(14),
      assignee: { id: service.user.id, name: 'Sergio' },
    });
    expect((await get(employeeA.browser, '/api/v1/tasks?filter[sentByMe]=true')).data[0]).toMatchObject({
      status: 'accepted',
      assignee: { name: 'Sergio' },
      committedDate: isoDay(14),
    });
    expect((await get(service.browser, '/api/v1/tasks?filter[myQueues]=true')).total).toBe(0);
    expect((await get(service.browser, '/api/v1/tasks?filter[mine]=true')).total).toBe(1);

    // A move its status does not allow is a conflict with a stable code.
    const early = await move(employeeA.browser, task.id, { to: 'confirmed' });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('task_transition_invalid');
    expect((await move(service.browser, task.id, { to: 'declined', reason: 'Too late' })).json().code).toBe('task_transition_invalid');

    // The assignee ticks the checklist but changes nothing else.
    const ticked = await service.browser.request({
      method: 'PATCH',
      url: `/api/v1/tasks/${task.id}`,
      payload: { checklist: [{ text: 'Unit in room 12', done: true }, { text: 'Unit in the hall' }] },
    });
    expect(ticked.json().checklist[0].done).toBe(true);
    expect(
      (await service.browser.request({ method: 'PATCH', url: `/api/v1/tasks/${task.id}`, payload: { title: 'Test one' } })).statusCode,
    ).toBe(403);

    expect((await move(service.browser, task.id, { to: 'in_progress' })).json().status).toBe('in_progress');
    expect((await move(service.browser, task.id, { to: 'done' })).json().errors[0].path).toBe('result');
    expect((await move(service.browser, task.id, { to: 'done', result: 'One unit leaks' })).json().result).toBe('One unit leaks');
    expect((await move(service.browser, task.id, { to: 'confirmed' })).statusCode).toBe(403);
    const reopened = (await move(employeeA.browser, task.id, { to: 'in_progress', note: 'And the hall unit?' })).json();
    expect(reopened).toMatchObject({ status: 'in_progress', result: null });
    await move(service.browser, task.id, { to: 'done', result: 'Both tested; one needs a new valve' });
    const confirmed = (await move(employeeA.browser, task.id, { to: 'confirmed', note: 'Thanks' })).json();
    expect(confirmed.status).toBe('confirmed');
    expect(confirmed.timeline.map((e: { from: string | null; to: string }) => `${e.from}>${e.to}`)).toEqual([
      'null>sent',
      'sent>received',
      'received>accepted',
      'accepted>in_progress',
      'in_progress>done',
      'done>in_progress',
      'in_progress>done',
      'done>confirmed',
    ]);
    expect(confirmed.timeline[5]).toMatchObject({ actor: { name: 'Elio' }, note: 'And the hall unit?' });
    expect(confirmed.timeline[7]).toMatchObject({ actor: { name: 'Elio' }, note: 'Thanks' });
  });

  it('is read and changed only by its sender, assignee, watchers, queue members, managers above it and admins (per route)', async () => {
    const { owner, shopA, managerA, employeeA, employeeA2, employeeB } = await makeBakery(t);
    const lab = await unitWithPerson(t, owner, 'Lab', 'Luca', shopA.id);
    const task = await post(employeeA.browser, '/api/v1/tasks', { title: 'Count the flour', assigneeId: employeeA2.user.id });
    const routes = (browser: Browser) => ({
      get: () => browser.request({ method: 'GET', url: `/api/v1/tasks/${task.id}` }),
      patch: () => browser.request({ method: 'PATCH', url: `/api/v1/tasks/${task.id}`, payload: { title: 'Count the sugar' } }),
      move: () => move(browser, task.id, { to: 'received' }),
      list: async () => (await get(browser, '/api/v1/tasks')).data.map((x: { id: string }) => x.id),
    });

    // Someone in another shop, and someone in a unit below the assignee's, see nothing of it.
    for (const outsider of [employeeB.browser, lab.browser]) {
      const r = routes(outsider);
      expect((await r.get()).statusCode).toBe(404);
      expect((await r.patch()).statusCode).toBe(404);
      expect((await r.move()).statusCode).toBe(404);
      expect(await r.list()).toEqual([]);
    }
    // The manager above the assignee and the admin read and change it; neither moves it for the assignee.
    for (const keeper of [managerA.browser, owner]) {
      const r = routes(keeper);
      expect((await r.get()).json().status).toBe('sent');
      expect((await r.patch()).statusCode).toBe(200);
      expect((await r.move()).statusCode).toBe(403);
      expect(await r.list()).toEqual([task.id]);
    }
    // A watcher reads it and changes nothing.
    await employeeA.browser.request({ method: 'PATCH', url: `/api/v1/tasks/${task.id}`, payload: { watcherIds: [employeeB.user.id] } });
    const watcher = routes(employeeB.browser);
    expect((await watcher.get()).json().watchers).toEqual([{ id: employeeB.user.id, name: 'Bea' }]);
    expect((await watcher.patch()).statusCode).toBe(403);
    expect((await watcher.move()).statusCode).toBe(403);
    expect(await watcher.list()).toEqual([task.id]);
    // The assignee reads it (and so receives it).
    expect((await routes(employeeA2.browser).get()).json().status).toBe('received');

    // A queue task is read by the members of that very unit, not by those of a unit below it.
    const queued = await post(employeeB.browser, '/api/v1/tasks', { title: 'Deliver 40 loaves', queueUnitId: shopA.id });
    expect((await employeeA2.browser.request({ method: 'GET', url: `/api/v1/tasks/${queued.id}` })).statusCode).toBe(200);
    expect((await lab.browser.request({ method: 'GET', url: `/api/v1/tasks/${queued.id}` })).statusCode).toBe(404);
    // Once taken, it stays the unit's: the other members still see who has it.
    expect((await move(employeeA2.browser, queued.id, { to: 'accepted', committedDate: isoDay(1) })).statusCode).toBe(200);
    expect((await get(employeeA.browser, `/api/v1/tasks/${queued.id}`)).assignee.name).toBe('Ezio');
    expect((await move(employeeA.browser, queued.id, { to: 'in_progress' })).statusCode).toBe(403);
    // A task to the lab's queue: its members and the manager of the shop above it read it, the shop's employees do not.
    const labTask = await post(employeeB.browser, '/api/v1/tasks', { title: 'Test the new yeast', queueUnitId: lab.unit.id });
    expect((await managerA.browser.request({ method: 'GET', url: `/api/v1/tasks/${labTask.id}` })).statusCode).toBe(200);
    expect((await employeeA2.browser.request({ method: 'GET', url: `/api/v1/tasks/${labTask.id}` })).statusCode).toBe(404);
    expect((await get(lab.browser, '/api/v1/tasks?filter[myQueues]=true')).data.map((x: { id: string }) => x.id)).toEqual([labTask.id]);
    expect((await get(managerA.browser, '/api/v1/tasks?filter[status]=received')).data.map((x: { id: string }) => x.id)).toEqual([task.id]);

    // Overdue: open tasks past their due time.
    await post(employeeA.browser, '/api/v1/tasks', { title: 'Late', assigneeId: employeeA2.user.id, dueAt: '2020-01-01T09:00:00Z' });
    expect((await get(employeeA2.browser, '/api/v1/tasks?filter[overdue]=true')).data.map((x: { title: string }) => x.title)).toEqual([
      'Late',
    ]);
  });

  it('pages tasks by due time, undated last', async () => {
    const { employeeA, employeeA2 } = await makeBakery(t);
    for (const [title, dueAt] of [
      ['C', null],
      ['A', '2030-01-01T09:00:00Z'],
      ['B', '2030-01-02T09:00:00Z'],
    ] as const)
      await post(employeeA.browser, '/api/v1/tasks', { title, assigneeId: employeeA2.user.id, dueAt });
    const titles: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await get(employeeA.browser, `/api/v1/tasks?sort=dueAt&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      titles.push(...page.data.map((x: { title: string }) => x.title));
      cursor = page.nextCursor;
    } while (cursor);
    expect(titles).toEqual(['A', 'B', 'C']);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const { owner, shopA, employeeA, employeeA2, employeeB } = await makeBakery(t);
    const beas = await post(employeeB.browser, '/api/v1/companies', { name: 'Pasticceria Bea' });
    const to = { assigneeId: employeeA2.user.id };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...to }, 'title'],
      [{ title: '', ...to }, 'title'],
      [{ title: 'x' }, 'assigneeId'],
      [{ title: 'x', ...to, queueUnitId: shopA.id }, 'assigneeId'],
      [{ title: 'x', assigneeId: beas.id }, 'assigneeId'],
      [{ title: 'x', queueUnitId: beas.id }, 'queueUnitId'],
      [{ title: 'x', ...to, priority: 'whenever' }, 'priority'],
      [{ title: 'x', ...to, dueAt: 'tomorrow' }, 'dueAt'],
      [{ title: 'x', ...to, checklist: [{ text: '' }] }, 'checklist.0.text'],
      [{ title: 'x', ...to, companyIds: [beas.id] }, 'companyIds.0'],
      [{ title: 'x', ...to, contractIds: [beas.id] }, 'contractIds.0'],
      [{ title: 'x', ...to, agreementIds: [beas.id] }, 'agreementIds.0'],
      [{ title: 'x', ...to, watcherIds: [beas.id] }, 'watcherIds.0'],
      [{ title: 'x', ...to, colour: 'red' }, 'colour'],
    ];
    for (const [payload, path] of cases) {
      const response = await employeeA.browser.request({ method: 'POST', url: '/api/v1/tasks', payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(
        response.json().errors.map((e: { path: string }) => e.path),
        JSON.stringify(payload),
      ).toContain(path);
    }
    expect((await get(owner, '/api/v1/tasks')).total).toBe(0);

    const task = await post(employeeA.browser, '/api/v1/tasks', { title: 'Fine', ...to });
    const badMove = await move(employeeA2.browser, task.id, { to: 'accepted', committedDate: 'soon' });
    expect(badMove.statusCode).toBe(400);
    expect(badMove.json().errors[0].path).toBe('committedDate');
    const badPatch = await employeeA.browser.request({
      method: 'PATCH',
      url: `/api/v1/tasks/${task.id}`,
      payload: { companyIds: [beas.id] },
    });
    expect(badPatch.json().errors[0].path).toBe('companyIds.0');
    expect((await get(employeeA.browser, `/api/v1/tasks/${task.id}`)).timeline).toHaveLength(1);
    const badTimes = await owner.request({
      method: 'PUT',
      url: `/api/v1/units/${shopA.id}/lead-times`,
      payload: { data: [{ kind: 'Cakes', days: -1 }] },
    });
    expect(badTimes.json().errors[0].path).toBe('data.0.days');
    const twice = await owner.request({
      method: 'PUT',
      url: `/api/v1/units/${shopA.id}/lead-times`,
      payload: {
        data: [
          { kind: 'Cakes', days: 2 },
          { kind: 'cakes', days: 3 },
        ],
      },
    });
    expect(twice.json().errors[0].path).toBe('data.1.kind');
    expect((await get(owner, `/api/v1/units/${shopA.id}/lead-times`)).data).toEqual([]);
  });

  it('is about a deal the sender may read; the assignee sees the deal only if they may read it too', async () => {
    const { managerA, employeeA, employeeB } = await makeBakery(t);
    const deal = await post(employeeA.browser, '/api/v1/deals', { title: 'Breakfast bread' });
    const send = (browser: Browser, payload: Record<string, unknown>) => browser.request({ method: 'POST', url: '/api/v1/tasks', payload });
    // Bea may not read Elio's deal: 400 naming it, and no task is sent.
    const refused = await send(employeeB.browser, { title: 'Peek', assigneeId: managerA.user.id, dealIds: [deal.id] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'dealIds.0' }] });
    expect((await get(employeeB.browser, '/api/v1/tasks?filter[sentByMe]=true')).total).toBe(0);

    const task = await post(employeeA.browser, '/api/v1/tasks', {
      title: 'Deliver the samples',
      assigneeId: employeeB.user.id,
      dealIds: [deal.id],
    });
    expect(task).toMatchObject({ deals: [{ id: deal.id, title: 'Breakfast bread' }], hiddenLinks: 0 });
    // Bea has the task, not the deal: she learns that it is about something she may not see.
    expect(await get(employeeB.browser, `/api/v1/tasks/${task.id}`)).toMatchObject({ deals: [], hiddenLinks: 1 });
    // The deal can be dropped, and added back, by the sender.
    const patch = (payload: Record<string, unknown>) =>
      employeeA.browser.request({ method: 'PATCH', url: `/api/v1/tasks/${task.id}`, payload });
    expect((await patch({ dealIds: [] })).json().deals).toEqual([]);
    expect((await patch({ dealIds: [deal.id] })).json().deals).toEqual([{ id: deal.id, title: 'Breakfast bread' }]);
  });
});
