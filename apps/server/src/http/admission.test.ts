import http from 'node:http';
import { Readable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { registerAdmission } from './admission.ts';

/** A server letting two API requests work at once, with handlers the test lets finish one by one. */
async function serverWithTurns() {
  const app = Fastify();
  registerAdmission(app, 2);
  let working = 0;
  let mostWorking = 0;
  const started: string[] = [];
  const finish = new Map<string, () => void>();
  const work = (name: string) => {
    working++;
    mostWorking = Math.max(mostWorking, working);
    started.push(name);
    return new Promise<void>((resolve) => finish.set(name, resolve)).finally(() => working--);
  };
  app.get<{ Params: { name: string } }>('/api/work/:name', async (request) => {
    await work(request.params.name);
    return { done: request.params.name };
  });
  app.get<{ Params: { name: string } }>('/api/fail/:name', async (request) => {
    await work(request.params.name);
    throw new Error('refused');
  });
  app.post<{ Body: { name: string } }>('/api/save', async (request) => {
    await work(request.body.name);
    return { done: request.body.name };
  });
  app.get('/api/download', async (_request, reply) => {
    // Answered at once; the body keeps streaming after the request has left its place.
    const body = new Readable({ read() {} });
    body.push('first part;');
    finish.set('download', () => {
      body.push('last part');
      body.push(null);
    });
    return reply.type('text/plain').send(body);
  });
  app.get('/api/stream', { config: { unqueued: true } }, async () => {
    await work('stream');
    return { done: 'stream' };
  });
  app.get('/page', async () => {
    await work('page');
    return { done: 'page' };
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const until = async (condition: () => boolean) => {
    while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
  };
  /** Opens a POST of a JSON body, writing only `part` of it until `finish` is called. */
  const upload = (body: string, part = body.length) => {
    const request = http.request(`${base}/api/save`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    });
    request.on('error', () => {});
    request.write(body.slice(0, part));
    if (part === body.length) request.end();
    return request;
  };
  return {
    app,
    upload,
    get: (path: string) => fetch(`${base}${path}`),
    started,
    finish: async (name: string) => {
      await until(() => finish.has(name));
      finish.get(name)?.();
    },
    until,
    mostWorking: () => mostWorking,
  };
}

/** The name a work request answers with. */
const doneOf = async (answer: Promise<Response> | Response) => ((await (await answer).json()) as { done: string }).done;

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('the turns of API requests', () => {
  it('lets two work at once and the others wait, first come first served', async () => {
    const server = await serverWithTurns();
    app = server.app;
    const answers: Promise<Response>[] = [];
    for (const name of ['a', 'b', 'c', 'd', 'e']) {
      answers.push(server.get(`/api/work/${name}`));
      // Sent one after the other, so that they arrive in this order.
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await server.until(() => server.started.length === 2);
    expect(server.started).toEqual(['a', 'b']);
    await server.finish('b');
    await server.until(() => server.started.length === 3);
    expect(server.started).toEqual(['a', 'b', 'c']);
    for (const name of ['a', 'c', 'd', 'e']) await server.finish(name);
    expect(await Promise.all(answers.map(doneOf))).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(server.mostWorking()).toBe(2);
  });

  it('frees the place of a request that failed, and of a download once its answer starts', async () => {
    const server = await serverWithTurns();
    app = server.app;
    const failed = server.get('/api/fail/x');
    const download = await server.get('/api/download');
    // The download's body is still open, yet two more requests get to work: the failure and the download left their places.
    const first = server.get('/api/work/y');
    const second = server.get('/api/work/z');
    await server.finish('x');
    expect((await failed).status).toBe(500);
    await server.until(() => server.started.includes('y') && server.started.includes('z'));
    await server.finish('y');
    await server.finish('z');
    expect(await doneOf(first)).toBe('y');
    expect(await doneOf(second)).toBe('z');
    await server.finish('download');
    expect(await download.text()).toBe('first part;last part');
  });

  it('leaves streams marked unqueued and pages outside /api/ out of the count', async () => {
    const server = await serverWithTurns();
    app = server.app;
    const busy = [server.get('/api/work/a'), server.get('/api/work/b')];
    await server.until(() => server.started.length === 2);
    const stream = server.get('/api/stream');
    const page = server.get('/page');
    await server.until(() => server.started.includes('stream') && server.started.includes('page'));
    for (const name of ['stream', 'page', 'a', 'b']) await server.finish(name);
    expect(await doneOf(stream)).toBe('stream');
    expect(await doneOf(page)).toBe('page');
    await Promise.all(busy);
  });

  it('frees the place of a request whose client went away', async () => {
    const server = await serverWithTurns();
    app = server.app;
    const gone = new AbortController();
    const abandoned = fetch(`${server.app.listeningOrigin}/api/work/gone`, { signal: gone.signal }).catch(() => 'aborted');
    const kept = server.get('/api/work/kept');
    await server.until(() => server.started.length === 2);
    gone.abort();
    expect(await abandoned).toBe('aborted');
    // Its handler is still at work, yet the next request gets its place.
    const next = server.get('/api/work/next');
    await server.until(() => server.started.includes('next'));
    await server.finish('gone');
    await server.finish('kept');
    await server.finish('next');
    expect(await doneOf(next)).toBe('next');
    await kept;
  });

  it('frees the place of a request with a body whose client went away while it waited', async () => {
    const server = await serverWithTurns();
    app = server.app;
    const busy = [server.get('/api/work/a'), server.get('/api/work/b')];
    await server.until(() => server.started.length === 2);
    const gone = server.upload(JSON.stringify({ name: 'gone' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    gone.destroy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await server.finish('a');
    await server.finish('b');
    await Promise.all(busy);
    // Its handler may still run, but its place is free: two more requests work at once.
    const next = [server.get('/api/work/c'), server.get('/api/work/d')];
    await server.until(() => server.started.includes('c') && server.started.includes('d'));
    await server.finish('c');
    await server.finish('d');
    expect(await Promise.all(next.map(doneOf))).toEqual(['c', 'd']);
    if (server.started.includes('gone')) await server.finish('gone');
  });

  it('gives no place to an upload until its body has arrived', async () => {
    const server = await serverWithTurns();
    app = server.app;
    const body = JSON.stringify({ name: 'slow' });
    const slow = server.upload(body, 5);
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Two requests work at once although the upload came first.
    const quick = [server.get('/api/work/a'), server.get('/api/work/b')];
    await server.until(() => server.started.length === 2);
    expect(server.started).toEqual(['a', 'b']);
    await server.finish('a');
    await server.finish('b');
    await Promise.all(quick);
    const answered = new Promise<string>((resolve) =>
      slow.on('response', (response) => {
        let text = '';
        response.on('data', (chunk) => {
          text += chunk;
        });
        response.on('end', () => resolve(text));
      }),
    );
    slow.end(body.slice(5));
    await server.finish('slow');
    expect(JSON.parse(await answered)).toEqual({ done: 'slow' });
  });

  it('counts requests with a body too, whose request stream is over once the body is read', async () => {
    const server = await serverWithTurns();
    app = server.app;
    for (const name of ['p', 'q', 'r']) {
      server.upload(JSON.stringify({ name }));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await server.until(() => server.started.length === 2);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.started).toEqual(['p', 'q']);
    await server.finish('p');
    await server.until(() => server.started.length === 3);
    await server.finish('q');
    await server.finish('r');
    expect(server.mostWorking()).toBe(2);
  });
});
