import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { makeWorkspace, signIn, useTestApp } from './harness.ts';
import { changedTables, type Fingerprint, fingerprinter } from './proof/fingerprint.ts';
import { fillPath, type Operation, operationsOf, queryString } from './proof/openapi.ts';
import { hostileArbitrary, hostileValue, validArbitrary } from './proof/schema-arbitrary.ts';
import { buildWorld, headersOf, type Ids, NO_RECORD, urlFor, withIds } from './proof/world.ts';

// Issue 13's fuzzing: every documented operation with a body, query or path parameters gets inputs
// generated from its own JSON schema by fast-check (a fixed seed): half shaped like valid input with
// the workspace's real ids, half hostile (wrong types, huge and odd strings, NUL bytes, edge numbers,
// extra keys, deep nesting, SQL and HTML payloads, malformed ids and cursors). Sent by the
// workspace's admin so that requests reach validation and the services. Every answer: no 5xx; no
// stack trace or source path in the body; every 4xx is problem+json with a code; a rejected request
// leaves the workspace's rows as they were (checked whenever the database handed out a transaction
// id during the request, which a read-only or untouched request never does).

const t = useTestApp();

/** Generated requests per operation: half valid-ish, half hostile. */
const RUNS = 6;
const SEED = 13;

/**
 * Known bugs, each named: `METHOD path` → the problem. Keep it empty; an entry here is a bug to fix,
 * not an expectation.
 */
const KNOWN: Record<string, string> = {};

/** Known bugs by status; keep it empty like KNOWN. */
const KNOWN_STATUS: Record<number, string> = {};

/** Signs of an internal error that leaked into an answer. */
const LEAKS = [/\n\s+at [^\n]*[/\\][^\n]*:\d+/, /node_modules/, /\.ts:\d+/, /\/(home|work|usr|tmp|app)\/[\w.-]+\//];

type Failure = string;

/** What is wrong with one answer, if anything. */
function check(key: string, response: LightMyRequestResponse): Failure[] {
  const failures: Failure[] = [];
  if (response.statusCode >= 500) failures.push(`${key}: ${response.statusCode} ${response.body.slice(0, 200)}`);
  for (const leak of LEAKS) if (leak.test(response.body)) failures.push(`${key}: body shows ${leak} ${response.body.slice(0, 200)}`);
  if (response.statusCode >= 400 && response.statusCode < 500 && key.includes(' /api/') && !KNOWN_STATUS[response.statusCode]) {
    const type = String(response.headers['content-type'] ?? '');
    if (!type.includes('application/problem+json')) failures.push(`${key}: ${response.statusCode} as ${type}`);
    else {
      const code = (response.json() as { code?: unknown }).code;
      if (typeof code !== 'string' || !code) failures.push(`${key}: ${response.statusCode} without a code`);
    }
  }
  return failures;
}

/** One generated request: path values, query and body. */
type Input = { path: Record<string, unknown>; query: Record<string, unknown>; body: unknown };

function inputArbitrary(operation: Operation, hostile: boolean): fc.Arbitrary<Input> {
  const pick = (schema: Parameters<typeof validArbitrary>[0]) => (hostile ? hostileArbitrary(schema) : validArbitrary(schema));
  const path: Record<string, fc.Arbitrary<unknown>> = {};
  const query: Record<string, fc.Arbitrary<unknown>> = {};
  for (const parameter of operation.parameters) {
    if (parameter.in === 'path') path[parameter.name] = hostile ? hostileValue : fc.constant(undefined);
    if (parameter.in === 'query') query[parameter.name] = pick(parameter.schema);
  }
  return fc.record({
    path: fc.record(path),
    query: fc.record(query, { requiredKeys: [] }),
    body: operation.body ? pick(operation.body) : fc.constant(undefined),
  });
}

function urlOf(operation: Operation, input: Input, ids: Ids): string {
  const real = urlFor(operation, ids);
  const path = Object.values(input.path).some((v) => v !== undefined)
    ? fillPath(operation.path, (name) => {
        const value = input.path[name];
        return value === undefined ? NO_RECORD : typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined');
      })
    : real;
  return `${path}${queryString(withIds(input.query, ids) as Record<string, unknown>)}`;
}

describe('fuzzing every endpoint', () => {
  it('no generated input makes a 5xx, shows a stack trace, answers without a problem code or writes on a rejection', async () => {
    const started = Date.now();
    const operations = (await operationsOf(t.app)).filter((o) => o.body || o.parameters.some((p) => p.in !== 'header'));
    const w = await buildWorld(t, operations);
    const admin = headersOf(w.owner);
    const fingerprint = await fingerprinter(t.pool);
    const nextXid = async () => (await t.pool.query<{ x: string }>('SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS x')).rows[0]?.x;
    // An accepted export runs on in the background (no job queue here) and writes its progress
    // later: it is waited for, so that its writes are never blamed on the next, rejected request.
    const exportsSettled = async () => {
      for (let i = 0; i < 200; i++) {
        const { rows } = await t.pool.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM data_export WHERE status IN ('queued', 'running')`,
        );
        if (!rows[0]?.n) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    let baseline: Fingerprint = await fingerprint(w.ws);
    const failures: Failure[] = [];
    let requests = 0;
    let fingerprints = 1;
    const statuses = new Map<number, number>();
    for (const [index, operation] of operations.entries()) {
      const key = `${operation.method} ${operation.path}`;
      const inputs = [
        ...fc.sample(inputArbitrary(operation, false), { seed: SEED + index, numRuns: RUNS / 2 }),
        ...fc.sample(inputArbitrary(operation, true), { seed: SEED + index, numRuns: RUNS / 2 }),
      ];
      for (const input of inputs) {
        const url = urlOf(operation, input, w.ids);
        const body = input.body === undefined ? undefined : JSON.stringify(withIds(input.body, w.ids));
        const before = await nextXid();
        const response = await t.app.inject({
          method: operation.method,
          url,
          headers: { ...admin, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          ...(body === undefined ? {} : { payload: body }),
        });
        requests++;
        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
        if (!KNOWN[key]) failures.push(...check(`${key} ${url.slice(0, 120)} ${String(body).slice(0, 120)}`, response));
        if (response.statusCode === 202) await exportsSettled();
        if ((await nextXid()) === before) continue;
        // Something was written (or rolled back): a rejection must have left the rows as they were.
        const now = await fingerprint(w.ws);
        fingerprints++;
        if (response.statusCode >= 400) {
          const changed = changedTables(baseline, now);
          if (changed.length && !KNOWN[key])
            failures.push(
              `${key}: ${response.statusCode} yet changed ${changed.join(', ')} (${url.slice(0, 120)} ${String(body).slice(0, 200)})`,
            );
        }
        baseline = now;
      }
    }
    console.info(
      `fuzz: ${operations.length} operations, ${requests} requests, ${fingerprints} fingerprints, ${Date.now() - started} ms; statuses ${[
        ...statuses,
      ]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s}×${n}`)
        .join(' ')}`,
    );
    expect(failures).toEqual([]);
  }, 240_000);

  // Form bodies are accepted on purpose (the public web forms post them), so they are not sent here.
  it('malformed JSON, wrong content types, oversized bodies and junk tokens on public pages get a clean 4xx', async () => {
    const { admin } = await makeWorkspace(t);
    const browser = await signIn(t, admin.email);
    const headers = headersOf(browser);
    const failures: Failure[] = [];
    const writes = [
      'POST /api/v1/companies',
      'PATCH /api/v1/me',
      'POST /api/v1/deals',
      'POST /api/v1/views',
      'PUT /api/v1/notifications/preferences',
    ];
    const bodies: [type: string, payload: string | Buffer][] = [
      ['application/json', '{"name": "Forno'],
      ['application/json', '{"name": "a"}}'],
      ['application/json', '\u0000'],
      ['application/json', 'null'],
      ['application/json', '"just a string"'],
      ['application/json', '[1,2,3]'],
      ['application/json', `{"name": "${'x'.repeat(3_000_000)}"}`],
      ['application/json', `${'['.repeat(5000)}${']'.repeat(5000)}`],
      ['text/plain', 'name=Forno'],
      ['application/xml', '<company><name>Forno</name></company>'],
    ];
    const ws = browser.session.user.workspace.id;
    const fingerprint = await fingerprinter(t.pool);
    const before = await fingerprint(ws);
    for (const write of writes) {
      const [method, url] = write.split(' ') as ['POST', string];
      for (const [type, payload] of bodies) {
        const response = await t.app.inject({ method, url, headers: { ...headers, 'content-type': type }, payload });
        if (response.statusCode < 400) failures.push(`${write} as ${type} (${payload.length} bytes): ${response.statusCode}`);
        failures.push(...check(`${write} as ${type}`, response));
      }
    }
    failures.push(...changedTables(before, await fingerprint(ws)).map((table) => `a rejected body changed ${table}`));
    // The pages outside the API, with tokens and keys that name nothing.
    for (const url of [
      '/f/nothing',
      `/f/${'x'.repeat(300)}`,
      '/u/%00',
      '/u/not-a-token',
      '/t/o/junk',
      '/t/c/junk?u=javascript:alert(1)',
      '/api/calendar/x.ics',
    ]) {
      for (const method of ['GET', 'POST'] as const) {
        const response = await t.app.inject({ method, url, ...(method === 'POST' ? { payload: { a: '<script>' } } : {}) });
        failures.push(...check(`${method} ${url}`, response).filter((f) => !f.includes(' as ')));
      }
    }
    expect(failures).toEqual([]);
  });
});
