import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase } from '../../db/client.ts';
import { makeWorkspace, useTestApp } from '../../test/harness.ts';
import { type ProcessOutboxOptions, startProcessOutbox } from './outbox.ts';
import { processDefinitions, processInstances, processOutbox, processVersions } from './processes.table.ts';

const t = useTestApp();
const quiet = { info: () => {}, warn: () => {} };
const stops: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

/** A real SMTP server on loopback that keeps what it receives. */
async function startSmtp() {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData: (stream, _session, callback) => {
      simpleParser(stream).then(
        (mail) => {
          received.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  stops.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { received, url: `smtp://127.0.0.1:${port}` };
}

/** An HTTP server on loopback answering with the statuses given in turn (then 200), keeping each request. */
async function startReceiver(statuses: number[] = []) {
  const calls: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    request.on('end', () => {
      calls.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
      response.statusCode = statuses.shift() ?? 200;
      response.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  stops.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { calls, url: `http://127.0.0.1:${port}` };
}

function outbox(options: Partial<ProcessOutboxOptions> = {}) {
  const started = startProcessOutbox({ pool: t.pool, from: 'Clientela <crm@example.test>', log: quiet, intervalMs: 60_000, ...options });
  stops.push(started.stop);
  return started;
}

/** A workspace with a running instance whose steps leave rows in the outbox. */
async function makeInstance() {
  const { workspace } = await makeWorkspace(t);
  const workspaceId = workspace.id;
  const [definition] = await t.db.insert(processDefinitions).values({ workspaceId, name: 'Mailing', draftXml: '<x/>' }).returning();
  if (!definition) throw new Error('no definition');
  const [version] = await t.db
    .insert(processVersions)
    .values({ workspaceId, definitionId: definition.id, version: 1, xml: '<x/>', triggers: [] })
    .returning();
  if (!version) throw new Error('no version');
  const [instance] = await t.db
    .insert(processInstances)
    .values({ workspaceId, definitionId: definition.id, versionId: version.id })
    .returning();
  if (!instance) throw new Error('no instance');
  const add = async (kind: 'email' | 'webhook', payload: Record<string, unknown>, elementId = 'step') => {
    const [row] = await t.db.insert(processOutbox).values({ workspaceId, instanceId: instance.id, elementId, kind, payload }).returning();
    if (!row) throw new Error('no outbox row');
    return row;
  };
  return { workspaceId, instance, add };
}

const rowOf = async (id: string) => (await t.db.select().from(processOutbox).where(eq(processOutbox.id, id)))[0];

describe('process outbox', () => {
  it('sends each of 50 e-mails exactly once while two processes send at the same time', async () => {
    const smtp = await startSmtp();
    const { add } = await makeInstance();
    for (let i = 1; i <= 50; i++)
      await add('email', { to: [`person${i}@example.test`], subject: `Step ${i}`, body: `Hello ${i}`, locale: 'en' });
    const second = createDatabase(t.url, 4);
    stops.push(() => second.pool.end());
    const one = outbox({ transport: smtp.url, batchSize: 4 });
    const two = outbox({ transport: smtp.url, batchSize: 4, pool: second.pool });
    const sent = (await Promise.all([one.sendNow(), two.sendNow(), one.sendNow(), two.sendNow()])).reduce((a, b) => a + b, 0);
    expect(sent).toBe(50);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(smtp.received).toHaveLength(50);
    expect(new Set(smtp.received.map((mail) => mail.subject)).size).toBe(50);
    const first = smtp.received.find((mail) => mail.subject === 'Step 7');
    expect(first?.text?.trim()).toBe('Hello 7');
    expect(first?.from?.value[0]?.address).toBe('crm@example.test');
    const { rows } = await t.pool.query("SELECT state, attempts, sent_at IS NOT NULL AS stamped FROM process_outbox WHERE kind = 'email'");
    expect(rows.filter((row) => row.state === 'sent' && row.attempts === 1 && row.stamped)).toHaveLength(rows.length);
  });

  it('leaves e-mails waiting while no SMTP server is configured, and calls webhooks anyway', async () => {
    const receiver = await startReceiver();
    const { add } = await makeInstance();
    const mail = await add('email', { to: ['a@example.test'], subject: 's', body: 'b', locale: 'en' });
    const hook = await add('webhook', { url: `${receiver.url}/hook`, method: 'POST', body: '{"a":1}' });
    expect(await outbox().sendNow()).toBe(1);
    expect((await rowOf(mail.id))?.state).toBe('pending');
    expect((await rowOf(hook.id))?.state).toBe('sent');
  });

  it('calls a webhook with an idempotency key, retries after a server error, and gives up on a refusal', async () => {
    const receiver = await startReceiver([503]);
    const { add } = await makeInstance();
    const sender = outbox({ retryDelaysMs: [1000, 1000] });
    const hook = await add('webhook', { url: `${receiver.url}/complaints?x=1`, method: 'PUT', body: '{"why":"stale"}' });
    expect(await sender.sendNow()).toBe(0);
    expect(await rowOf(hook.id)).toMatchObject({ state: 'pending', attempts: 1, lastError: 'HTTP 503' });
    // Not before its wait is over (long enough that a busy machine still checks in time).
    expect(await sender.sendNow()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await sender.sendNow()).toBe(1);
    expect(await rowOf(hook.id)).toMatchObject({ state: 'sent', attempts: 2, lastError: null });
    expect(receiver.calls).toHaveLength(2);
    for (const call of receiver.calls) {
      expect(call).toMatchObject({ method: 'PUT', url: '/complaints?x=1', body: '{"why":"stale"}' });
      expect(call.headers['idempotency-key']).toBe(hook.id);
      expect(call.headers['content-type']).toBe('application/json');
    }

    receiver.calls.length = 0;
    const refused = await startReceiver([404]);
    const gone = await add('webhook', { url: `${refused.url}/gone`, method: 'GET', body: null });
    expect(await sender.sendNow()).toBe(0);
    expect(await rowOf(gone.id)).toMatchObject({ state: 'failed', attempts: 1, lastError: 'HTTP 404' });

    // Nobody listening: tried as often as allowed, then failed.
    const port = Number(new URL(refused.url).port);
    const dead = await add('webhook', { url: `http://127.0.0.1:${port}/x`, method: 'POST', body: 'plain' });
    await stops.pop()?.();
    for (let attempt = 0; attempt < 3; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 1100));
      await sender.sendNow();
    }
    expect(await rowOf(dead.id)).toMatchObject({ state: 'failed', attempts: 3 });
  });

  it('takes over a row whose sender died mid-send, and leaves one being sent now alone', async () => {
    const receiver = await startReceiver();
    const { add } = await makeInstance();
    const orphan = await add('webhook', { url: `${receiver.url}/orphan`, method: 'POST', body: '{}' });
    const busy = await add('webhook', { url: `${receiver.url}/busy`, method: 'POST', body: '{}' });
    // A sender marks a row 'sending' until now + staleMs: the orphan's time ran out, the busy one's did not.
    await t.pool.query(
      `UPDATE process_outbox SET state = 'sending', attempts = 1,
         next_attempt_at = now() + CASE WHEN id = $1 THEN interval '-1 minute' ELSE interval '10 minutes' END
       WHERE id IN ($1, $2)`,
      [orphan.id, busy.id],
    );
    expect(await outbox().sendNow()).toBe(1);
    expect(await rowOf(orphan.id)).toMatchObject({ state: 'sent', attempts: 2 });
    expect((await rowOf(busy.id))?.state).toBe('sending');
    expect(receiver.calls.map((call) => call.url)).toEqual(['/orphan']);
  });
});
