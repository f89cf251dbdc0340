import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { type Browser, makeBakery, makeWorkspace, PASSWORD, signIn, type TestApp, uniqueEmail } from '../harness.ts';
import { type PortalBrowser, portalCustomer } from '../portal-harness.ts';
import { fillPath, type JsonSchema, type Operation } from './openapi.ts';
import { validArbitrary } from './schema-arbitrary.ts';

/** Record ids of workspace A by the path segment that names them (`companies`, `deals`, `costs` …). */
export type Ids = Record<string, string>;

/** A placeholder id that names no record anywhere. */
export const NO_RECORD = '00000000-0000-4000-8000-000000000000';

/** The segment a body property like `companyId` points to (`companies`), among those the ids know. */
function segmentFor(property: string, ids: Ids): string | undefined {
  const base = property
    .replace(/Ids?$/, '')
    .replace(/([a-z])([A-Z])/g, '$1-$2')
    .toLowerCase();
  const plural = [base, `${base}s`, `${base}es`, base.replace(/y$/, 'ies')];
  if (['owner', 'assignee', 'user', 'author', 'manager', 'responsible', 'created-by'].includes(base)) return 'users';
  if (base === 'deputy') return 'deputy';
  if (base === 'type') return 'case-types';
  if (base === 'stage') return 'stages';
  return plural.find((candidate) => candidate in ids);
}

/** Replaces every `…Id` / `…Ids` value in a sampled body by workspace A's record of that kind, where known. */
export function withIds(value: unknown, ids: Ids, key = ''): unknown {
  if (Array.isArray(value)) {
    const segment = key.endsWith('Ids') ? segmentFor(key, ids) : undefined;
    return segment ? [ids[segment]] : value.map((item) => withIds(item, ids));
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([name, child]) => [name, withIds(child, ids, name)]));
  }
  if (typeof value === 'string' && /Id$/.test(key)) {
    const segment = segmentFor(key, ids);
    if (segment) return ids[segment];
  }
  return value;
}

/** A body the schema accepts, sampled with a fixed seed, with workspace A's records in its id fields. */
export function sampleBody(schema: JsonSchema, ids: Ids, seed: number): unknown {
  const [value] = fc.sample(validArbitrary(schema), { seed, numRuns: 1 });
  return withIds(value, ids);
}

/** The URL of an operation with workspace A's records in its path. */
export function urlFor(operation: Operation, ids: Ids): string {
  return fillPath(operation.path, (name, before) => {
    if (name === 'id') return ids[before] ?? NO_RECORD;
    if (name === 'workspace') return ids.workspace ?? NO_RECORD;
    if (name === 'resource') return 'companies';
    if (name === 'currency') return 'USD';
    if (name === 'on') return '2026-01-01';
    if (name === 'version') return '1';
    return ids[name] ?? NO_RECORD;
  });
}

/** Sends one request as a browser (or anonymously) with an optional JSON body. */
export function send(
  t: TestApp,
  headers: Record<string, string>,
  method: Operation['method'],
  url: string,
  payload?: unknown,
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method,
    url,
    headers: { ...headers, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
  });
}

/** The session headers of a signed-in staff browser or portal customer. */
export const headersOf = (browser: Browser | PortalBrowser) => ({ cookie: browser.cookie, 'x-csrf-token': browser.csrfToken });

/** Record kinds created first, in dependency order, with the fields that make them valid; the rest are sampled. */
const SEED_BODIES: [segment: string, body: (ids: Ids) => Record<string, unknown>][] = [
  ['companies', () => ({ name: 'Forno Aurora' })],
  [
    'contacts',
    (ids) => ({
      firstName: 'Alba',
      lastName: 'Aurora',
      companies: [{ companyId: ids.companies }],
      emails: [{ label: 'work', value: 'alba@aurora.test' }],
    }),
  ],
  ['deals', () => ({ title: 'Flour for the winter' })],
  ['leads', () => ({ firstName: 'Lia', lastName: 'Lead', companyName: 'Lead & Co' })],
  ['tasks', () => ({ title: 'Call Alba' })],
  ['activities', () => ({ type: 'call', subject: 'Called Alba' })],
  ['kb-articles', () => ({ title: 'Storing flour', body: '<p>Dry place.</p>', language: 'en', audience: 'public' })],
  ['views', () => ({ entity: 'companies', name: 'Mine', definition: {} })],
  ['lists', () => ({ entity: 'companies', name: 'Favourites' })],
  ['agreements', () => ({ title: 'Supply agreement' })],
  ['absences', (ids) => ({ deputyId: ids.deputy, startsOn: '2030-01-01', endsOn: '2030-01-05' })],
  ['api-tokens', () => ({ name: 'Elio token' })],
];

/**
 * Workspace A (the bakery): employee A1 (Elio, shop A) owns one record of every kind the API lets
 * an employee create; the admin makes the settings records (case types, pipelines, templates …) by
 * sampling each create route's schema. Workspace B has its own admin. Portal customer of A.
 */
export async function buildWorld(t: TestApp, operations: Operation[]) {
  const bakery = await makeBakery(t);
  const { owner, shopA, shopB, employeeA, employeeA2 } = bakery;
  const email = uniqueEmail('mara');
  await owner.request({
    method: 'POST',
    url: '/api/v1/users',
    payload: { email, name: 'Mara', password: PASSWORD, role: 'manager', unitId: shopB.id },
  });
  const managerB = await signIn(t, email);
  const workspaceB = await makeWorkspace(t, { workspaceName: 'Beta Furniture' });
  const adminB = await signIn(t, workspaceB.admin.email);
  const ws = owner.session.user.workspace.id;
  const ids: Ids = { users: employeeA.user.id, units: shopA.id, deputy: employeeA2.user.id, workspace: ws };
  /** Ids of A1's own records, by segment: what other members may not reach beyond their scope. */
  const owned: Ids = {};
  const create = async (browser: Browser, segment: string, body: unknown) => {
    const response = await browser.request({ method: 'POST', url: `/api/v1/${segment}`, payload: body as Record<string, unknown> });
    if (response.statusCode === 201 || response.statusCode === 200) {
      const id = response.json().id;
      if (typeof id === 'string') return id;
    }
    return undefined;
  };
  const caseType = await create(owner, 'case-types', { name: 'Question', kind: 'question' });
  if (caseType) ids['case-types'] = caseType;
  const pipelines = (await owner.request({ method: 'GET', url: '/api/v1/pipelines' })).json();
  const pipeline = (pipelines.data ?? pipelines)[0];
  if (pipeline) {
    ids.pipelines = pipeline.id;
    if (pipeline.stages?.[0]) ids.stages = pipeline.stages[0].id;
  }
  for (const [segment, body] of SEED_BODIES) {
    const id = await create(employeeA.browser, segment, withIds(body(ids), ids));
    if (id) owned[segment] = ids[segment] = id;
  }
  ids.cases = owned.cases =
    (await create(employeeA.browser, 'cases', {
      subject: 'Wet flour',
      typeId: ids['case-types'],
      channel: 'phone',
      companyId: ids.companies,
    })) ?? NO_RECORD;
  // Everything else an admin makes: sampled from the create route's schema, a few seeds each, in two passes for dependencies.
  const creates = operations.filter((o) => o.method === 'POST' && o.body && /^\/api\/v1\/[a-z-]+(\/[a-z-]+)?$/.test(o.path));
  for (let pass = 0; pass < 2; pass++) {
    for (const operation of creates) {
      const segment = operation.path.split('/').pop() as string;
      if (ids[segment] || !operation.body) continue;
      for (let seed = 1; seed <= 3 && !ids[segment]; seed++) {
        const id = await create(owner, operation.path.replace('/api/v1/', ''), sampleBody(operation.body, ids, seed));
        if (id) ids[segment] = id;
      }
    }
  }
  const portal = await portalCustomer(t, { workspaceId: ws, contactId: ids.contacts ?? NO_RECORD, email: 'alba@aurora.test' });
  return { ...bakery, managerB, adminB, portal, ws, wsB: workspaceB.workspace.id, ids, owned };
}

/** The world a proof runs against. */
export type World = Awaited<ReturnType<typeof buildWorld>>;
