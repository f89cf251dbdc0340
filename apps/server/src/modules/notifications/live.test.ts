import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../db/client.ts';
import { type Browser, makeBakery, post, useTestApp } from '../../test/harness.ts';

const t = useTestApp();
let base = '';

beforeAll(async () => {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});

/** Opens the person's stream over real HTTP and collects the names of the events it brings. */
async function openStream(browser: Browser) {
  const controller = new AbortController();
  const response = await fetch(`${base}/api/v1/notifications/stream`, { headers: { cookie: browser.cookie }, signal: controller.signal });
  const events: string[] = [];
  const waiters: (() => void)[] = [];
  const reader = response.body?.getReader();
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) return;
        buffer += decoder.decode(chunk.value, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const name = /^event: (.+)$/m.exec(buffer.slice(0, end))?.[1];
          buffer = buffer.slice(end + 2);
          if (name) events.push(name);
          for (const wake of waiters.splice(0)) wake();
        }
      }
    } catch {
      // aborted
    }
  })();
  /** Resolves once `count` events of that name arrived; fails after 5 s. */
  const until = async (name: string, count: number) => {
    const deadline = Date.now() + 5_000;
    while (events.filter((e) => e === name).length < count) {
      if (Date.now() > deadline) throw new Error(`expected ${count} "${name}" events, got ${JSON.stringify(events)}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  };
  return { response, events, until, close: () => controller.abort() };
}

describe('live notifications', () => {
  it('tells each person at once of their own new notices, also when another server process wrote them, and nobody else', async () => {
    const { employeeA, employeeA2, employeeB, shopA } = await makeBakery(t);
    const elio = await openStream(employeeA.browser);
    const bea = await openStream(employeeB.browser);
    expect(elio.response.status).toBe(200);
    expect(elio.response.headers.get('content-type')).toContain('text/event-stream');
    await elio.until('ready', 1);
    await bea.until('ready', 1);

    await post(employeeB.browser, '/api/v1/tasks', { title: 'Price list for Caffè Roma', assigneeId: employeeA.user.id });
    await elio.until('notification', 1);

    // Another process (its own pool) sends a task to shop A's queue: Elio's page hears of it through PostgreSQL.
    const second = createDatabase(t.url, 2);
    try {
      const { createTask } = await import('../tasks/tasks.service.ts');
      const actor = {
        ...employeeA2.browser.session.user,
        userId: employeeA2.user.id,
        workspaceId: employeeA2.browser.session.user.workspace.id,
      };
      await createTask({ db: second.db, actor: { ...actor, unitId: shopA.id, unitTree: async () => new Set([shopA.id]) } } as never, {
        title: 'Deliver 40 loaves',
        queueUnitId: shopA.id,
      });
    } finally {
      await second.pool.end();
    }
    await elio.until('notification', 2);
    // Bea was told of nothing: her own task's notices went to others.
    expect(bea.events).toEqual(['ready']);
    elio.close();
    bea.close();
  });

  it('refuses a stream to anyone not signed in', async () => {
    const response = await fetch(`${base}/api/v1/notifications/stream`);
    expect(response.status).toBe(401);
    await response.text();
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });
});
