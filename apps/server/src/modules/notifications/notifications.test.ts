import { describe, expect, it } from 'vitest';
import { type Browser, get, makeBakery, post, useTestApp } from '../../test/harness.ts';

const t = useTestApp();

const kinds = async (browser: Browser) =>
  (await get(browser, '/api/v1/notifications')).data.map((n: { kind: string; title: string }) => `${n.kind}:${n.title}`);

describe('notifications', () => {
  it('tells the assignee, the queue and the sender about each step of a task, and keeps each person to their own', async () => {
    const { shopA, managerA, employeeA, employeeA2, employeeB } = await makeBakery(t);
    // Bea sends Elio a task; Elio is told, Bea is not.
    const direct = await post(employeeB.browser, '/api/v1/tasks', { title: 'Price list for Caffè Roma', assigneeId: employeeA.user.id });
    expect(await kinds(employeeA.browser)).toEqual(['task_assigned:Price list for Caffè Roma']);
    expect(await kinds(employeeB.browser)).toEqual([]);
    const first = (await get(employeeA.browser, '/api/v1/notifications')).data[0];
    expect(first).toMatchObject({ taskId: direct.id, actor: { id: employeeB.user.id, name: 'Bea' }, readAt: null });

    // A task to shop A's queue: every member but the sender hears of it.
    await post(employeeB.browser, '/api/v1/tasks', { title: 'Deliver 40 loaves', queueUnitId: shopA.id });
    for (const member of [managerA, employeeA, employeeA2]) expect(await kinds(member.browser)).toContain('task_queued:Deliver 40 loaves');

    // Elio accepts, finishes; Bea hears of both; she reopens, he hears of it.
    const move = (browser: Browser, payload: Record<string, unknown>) =>
      browser.request({ method: 'POST', url: `/api/v1/tasks/${direct.id}/transitions`, payload });
    expect((await move(employeeA.browser, { to: 'accepted', committedDate: '2026-12-20' })).statusCode).toBe(200);
    expect((await move(employeeA.browser, { to: 'done', result: 'Sent by e-mail' })).statusCode).toBe(200);
    expect((await move(employeeB.browser, { to: 'in_progress', note: 'Prices for 2027, please' })).statusCode).toBe(200);
    expect(await kinds(employeeB.browser)).toEqual(['task_done:Price list for Caffè Roma', 'task_accepted:Price list for Caffè Roma']);
    expect((await kinds(employeeA.browser))[0]).toBe('task_reopened:Price list for Caffè Roma');

    // Unread count, marking read, and nobody marks or reads another's.
    const listed = await get(employeeA.browser, '/api/v1/notifications?filter[unread]=true');
    expect(listed.unread).toBe(3);
    const beas = (await get(employeeB.browser, '/api/v1/notifications')).data.map((n: { id: string }) => n.id);
    const foreign = await employeeA.browser.request({ method: 'POST', url: '/api/v1/notifications/read', payload: { ids: beas } });
    expect(foreign.json()).toEqual({ unread: 3 });
    expect((await get(employeeB.browser, '/api/v1/notifications')).unread).toBe(2);
    const one = await employeeA.browser.request({
      method: 'POST',
      url: '/api/v1/notifications/read',
      payload: { ids: [listed.data[0].id] },
    });
    expect(one.json()).toEqual({ unread: 2 });
    expect((await employeeA.browser.request({ method: 'POST', url: '/api/v1/notifications/read', payload: { all: true } })).json()).toEqual(
      { unread: 0 },
    );
    expect((await get(employeeA.browser, '/api/v1/notifications?filter[unread]=true')).data).toEqual([]);
  });

  it('pages newest first and refuses bad input', async () => {
    const { employeeA, employeeB } = await makeBakery(t);
    for (let i = 1; i <= 5; i++) await post(employeeB.browser, '/api/v1/tasks', { title: `Task ${i}`, assigneeId: employeeA.user.id });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await get(employeeA.browser, `/api/v1/notifications?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.data.map((n: { title: string }) => n.title));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Task 5', 'Task 4', 'Task 3', 'Task 2', 'Task 1']);
    for (const [payload, path] of [
      [{}, 'ids'],
      [{ ids: [], all: true }, 'ids'],
      [{ ids: ['not-an-id'] }, 'ids.0'],
      [{ all: false }, 'all'],
    ] as const) {
      const response = await employeeA.browser.request({ method: 'POST', url: '/api/v1/notifications/read', payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect((await get(employeeA.browser, '/api/v1/notifications')).unread).toBe(5);
  });
});
