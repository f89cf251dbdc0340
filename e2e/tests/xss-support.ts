import { type APIRequestContext, type APIResponse, expect, type Page } from '@playwright/test';

// Schema-driven hostile input: every free-text string field an operation's body schema (from the
// server's OpenAPI document) declares receives the payload, so a field added later is covered too.

/** A JSON schema node as the OpenAPI document writes it (only what the walk needs). */
export type Schema = {
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  enum?: unknown[];
  format?: string;
  pattern?: string;
  maxLength?: number;
  minLength?: number;
  required?: string[];
  $ref?: string;
};
type OpenApi = { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> } }>> };
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** One kind of hostile text; `value` gets the field's maxLength so that length payloads fit each field. */
export type Payload = {
  name: string;
  value: (field: { maxLength?: number; url: boolean; index: number }) => string;
  tooLong?: true;
  /** Judged on the whole body only: a refusal is not retried field by field (it would be for every field). */
  whole?: true;
};

/** Would set `window.__xss` (or load `/x`) if a page ever parsed it as markup or ran it as a template. */
export const scriptPayloads = [
  '<img src=x onerror="window.__xss=1">',
  '"><svg onload=window.__xss=1>',
  '</script><script>window.__xss=1</script>',
  "{{constructor.constructor('window.__xss=1')()}}",
  'javascript:window.__xss=1',
] as const;

const fixed = (name: string, text: string): Payload => ({ name, value: () => text });

/** Every payload the suite sends: script, template, SQL, control characters, right-to-left override and length. */
export const payloads: Payload[] = [
  ...scriptPayloads.map((text, index) => fixed(`script ${index + 1}`, text)),
  // Each field gets a different script payload, and URL fields the javascript: one: the record the browser opens.
  {
    name: 'mixed',
    value: ({ url, index }) => (url ? 'javascript:window.__xss=1' : (scriptPayloads[index % 4] ?? scriptPayloads[0])),
  },
  fixed('sql or', "' OR 1=1 --"),
  fixed('sql drop', "'; DROP TABLE contact; --"),
  { ...fixed('nul byte', 'nul\u0000byte'), whole: true },
  fixed('right-to-left override', 'invoice\u202Efdp.exe'),
  { name: 'longest allowed', value: ({ maxLength }) => 'L'.repeat(Math.min(maxLength ?? 10_000, 10_000)) },
  { name: 'one too long', value: ({ maxLength }) => 'L'.repeat((maxLength ?? 10_000_000) + 1), tooLong: true },
];

const URL_FIELD = /website|url|link|href/i;

/** The request body schema of an operation in the OpenAPI document. */
export function bodySchema(doc: OpenApi, method: 'post' | 'patch', path: string): Schema {
  const schema = doc.paths[path]?.[method]?.requestBody?.content?.['application/json']?.schema;
  if (!schema) throw new Error(`${method.toUpperCase()} ${path} has no JSON body in the OpenAPI document`);
  return schema;
}

/** The branch of a schema that takes free text: a plain string without enum, format or pattern. */
function textBranch(schema: Schema): Schema | undefined {
  if (schema.anyOf) return schema.anyOf.map(textBranch).find(Boolean);
  if (schema.type === 'string' && !schema.enum && !schema.format && !schema.pattern) return schema;
  return undefined;
}
const branch = (schema: Schema, type: string) =>
  schema.anyOf ? schema.anyOf.find((s) => s.type === type) : schema.type === type ? schema : undefined;

/** Fills every free-text field of `base` (and optional text fields the schema adds) with the payload. */
export function fill(
  schema: Schema,
  base: Json | undefined,
  payload: Payload,
  skip: string[],
  filled: { path: Path; value: string }[],
  path: Path = [],
): Json | undefined {
  const key = String(path.at(-1) ?? '');
  const text = textBranch(schema);
  if (text && !skip.includes(key) && (base === undefined || typeof base === 'string' || base === null)) {
    const value = payload.value({ maxLength: text.maxLength, url: URL_FIELD.test(key), index: filled.length });
    if (!payload.tooLong && text.maxLength !== undefined && value.length > text.maxLength) return base;
    if (!payload.tooLong && text.minLength !== undefined && value.length < text.minLength) return base;
    filled.push({ path, value });
    return value;
  }
  const object = branch(schema, 'object');
  if (object?.properties && (base === undefined || (typeof base === 'object' && base !== null && !Array.isArray(base)))) {
    const out: Record<string, Json> = { ...((base as Record<string, Json> | undefined) ?? {}) };
    for (const [name, property] of Object.entries(object.properties)) {
      if (skip.includes(name)) continue;
      // Only plain text fields are added; nested objects and arrays are filled where the base has them.
      if (out[name] === undefined && !textBranch(property)) continue;
      const value = fill(property, out[name], payload, skip, filled, [...path, name]);
      if (value !== undefined) out[name] = value;
    }
    return out;
  }
  const array = branch(schema, 'array');
  if (array?.items && Array.isArray(base))
    return base.map((item, index) => fill(array.items as Schema, item, payload, skip, filled, [...path, index]) ?? item);
  return base;
}

/** The value at a path of a JSON document, or undefined where the document has none. */
export function at(document: unknown, path: Path): unknown {
  let node = document;
  for (const step of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[step];
  }
  return node;
}

/** Sets a dotted path of a body (for a one-field fallback). */
function withValue(base: Json, path: Path, value: string): Json {
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let node = copy;
  path.slice(0, -1).forEach((step, index) => {
    node[step] ??= typeof path[index + 1] === 'number' ? [] : {};
    node = node[step] as Record<string | number, unknown>;
  });
  node[path.at(-1) as string | number] = value;
  return copy as Json;
}

/** What the suite asks of any answer: never a 5xx; a refusal is a 4xx problem+json with a code. */
export async function expectSafeAnswer(response: APIResponse, what: string) {
  const status = response.status();
  // Soft: one run lists every field and payload that misbehaves, not just the first.
  expect.soft(status, `${what}: ${await response.text()}`).toBeLessThan(500);
  if (status >= 400 && status < 500) {
    expect.soft(response.headers()['content-type'], `${what}: refusal is problem+json`).toContain('application/problem+json');
    expect.soft((await response.json()).code, `${what}: refusal has a code`).toEqual(expect.any(String));
  }
}

/** A record kind the suite attacks: where it is created or changed, read back, and shown. */
export type Operation = {
  name: string;
  method: 'post' | 'patch';
  /** The OpenAPI path (with `{id}` for PATCH). */
  path: string;
  /** A valid body the payload is poured into (fresh per call: unique keys, e-mails). */
  base: () => Record<string, Json>;
  /** The concrete URL for PATCH operations. */
  url?: string;
  /** Where the record is read back; defaults to `${path}/${id}` and then to the write's answer. */
  read?: (id: string) => string;
  /** Fields kept as the base has them (unique keys, identifiers, markup languages). */
  skip?: string[];
  /** Rich-text fields: sanitised, not stored verbatim; the read must hold no script. */
  rich?: string[];
};

/** What one operation did with each payload. */
export type Outcome = { payload: string; status: number; id?: string; checked: number; refusedFields: string[] };

/** Sends every payload to an operation and checks the answers and the stored values. */
export async function attack(request: APIRequestContext, headers: Record<string, string>, doc: OpenApi, op: Operation): Promise<Outcome[]> {
  const schema = bodySchema(doc, op.method, op.path);
  const url = op.url ?? op.path;
  const send = (data: Json) => request.fetch(url, { method: op.method.toUpperCase(), headers, data });
  const outcomes: Outcome[] = [];
  for (const payload of payloads) {
    const what = `${op.method.toUpperCase()} ${url} [${payload.name}]`;
    const filled: { path: Path; value: string }[] = [];
    const base = op.base();
    const body = fill(schema, base, payload, op.skip ?? [], filled) as Json;
    if (filled.length === 0) continue;
    const response = await send(body);
    await expectSafeAnswer(response, what);
    if (payload.whole && !response.ok()) {
      outcomes.push({ payload: payload.name, status: response.status(), checked: 0, refusedFields: ['(all)'] });
      continue;
    }
    if (payload.tooLong) {
      expect.soft(response.status(), `${what}: a value past its maximum is refused`).toBe(400);
      outcomes.push({ payload: payload.name, status: response.status(), checked: 0, refusedFields: [] });
      continue;
    }
    if (response.ok()) {
      const written = await response.json();
      const checked = await expectRoundTrip(request, op, written, filled, what);
      outcomes.push({ payload: payload.name, status: response.status(), id: written.id, checked, refusedFields: [] });
      continue;
    }
    // Refused as a whole: each field alone, so that the accepted ones are still read back.
    const refusedFields: string[] = [];
    let checked = 0;
    for (const field of filled) {
      const single = await send(withValue(op.base(), field.path, field.value));
      await expectSafeAnswer(single, `${what} ${field.path.join('.')}`);
      if (single.ok()) checked += await expectRoundTrip(request, op, await single.json(), [field], `${what} ${field.path.join('.')}`);
      else refusedFields.push(field.path.join('.'));
    }
    // The record holding every accepted field at once, for the pages to show.
    let id: string | undefined;
    if (refusedFields.length < filled.length) {
      const kept = fill(
        schema,
        op.base(),
        payload,
        [...(op.skip ?? []), ...refusedFields.map((field) => field.split('.').at(-1) ?? field)],
        [],
      );
      const combined = await send(kept as Json);
      await expectSafeAnswer(combined, `${what} without the refused fields`);
      if (combined.ok()) id = (await combined.json()).id;
    }
    outcomes.push({ payload: payload.name, status: response.status(), id, checked, refusedFields });
  }
  return outcomes;
}

/** Reads the record back and compares every value sent: stored exactly as text, rich text without script. */
async function expectRoundTrip(
  request: APIRequestContext,
  op: Operation,
  written: Record<string, unknown>,
  filled: { path: Path; value: string }[],
  what: string,
) {
  let stored: unknown = written;
  const id = typeof written.id === 'string' ? written.id : undefined;
  const readUrl = op.read && id ? op.read(id) : id && op.method === 'post' ? `${op.path}/${id}` : op.url;
  if (readUrl) {
    const read = await request.get(readUrl);
    if (read.ok()) stored = await read.json();
  }
  let checked = 0;
  for (const field of filled) {
    const value = at(stored, field.path) ?? at(written, field.path);
    if (value === undefined) continue;
    const name = String(field.path[0]);
    if (op.rich?.includes(name)) {
      expect.soft(String(value), `${what} ${name}: sanitised`).not.toMatch(/<script|\son\w+\s*=|(href|src)\s*=\s*["']?\s*javascript:/i);
    } else {
      expect.soft(value, `${what} ${field.path.join('.')} reads back as sent`).toBe(field.value);
    }
    checked += 1;
  }
  return checked;
}

/** Watches a page for any sign that injected markup was parsed: dialogs, CSP reports, a request for `/x`. */
export function watchForInjection(page: Page) {
  const signs: string[] = [];
  page.on('dialog', (dialog) => {
    signs.push(`dialog on ${page.url()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) signs.push(`CSP on ${page.url()}: ${message.text()}`);
  });
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.endsWith('/x')) signs.push(`injected <img src=x> loaded on ${page.url()}`);
  });
  return signs;
}

/** Nothing a payload would do happened on the page. */
export async function expectNothingRan(page: Page, signs: string[]) {
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), `script ran on ${page.url()}`).toBeUndefined();
  expect(signs).toEqual([]);
  // A stored javascript: address may show as a link only if the browser side neutralised it.
  const hrefs = await page.locator('a[href^="javascript:" i]').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  expect
    .soft(
      hrefs.filter((href) => !href.includes('React has blocked')),
      `javascript: links on ${page.url()}`,
    )
    .toEqual([]);
}

/** The page has drawn its data: its main part is there, no skeleton or table still loading. */
export async function expectSettled(page: Page) {
  await page.waitForLoadState('load');
  await expect(page.locator('main').first(), `${page.url()} shows its page`).toBeVisible();
  await expect(page.locator('main .ant-skeleton-active'), `${page.url()} has loaded`).toHaveCount(0);
}
