import type { TProtectableEntity } from '@clientela/contract';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../authz/index.ts';
import { dataImports as imports } from '../imports/imports.table.ts';
import { assertVisible, fieldReadOnly, hiddenFields, lockedPathsIn, stripChanges, stripRecord } from './field-rules.ts';

type Body = Record<string, unknown>;
/** Takes the hidden fields out of one route's answer, in place. */
type Redact = (body: Body, actor: Actor) => void;
/** Refuses a request that would change a locked field or show a hidden one (throws). */
type Guard = (request: FastifyRequest, actor: Actor, db: Database) => Promise<void> | void;

const API = '/api/v1';
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
/** One record, or the records of a list answer (`{ data: [...] }`). */
const recordsOf = (body: Body): unknown[] => (Array.isArray(body.data) ? body.data : [body]);

const records =
  (entity: TProtectableEntity): Redact =>
  (body, actor) => {
    const hidden = hiddenFields(actor, entity);
    for (const record of recordsOf(body)) stripRecord(record, entity, hidden);
  };
const history =
  (entity: TProtectableEntity): Redact =>
  (body, actor) => {
    const hidden = hiddenFields(actor, entity);
    for (const entry of asArray(body.data)) stripChanges(entry, hidden);
  };
/** Quotes and orders: their lines' discounts (`sales.discountPercent`). */
const salesLines: Redact = (body, actor) => {
  const hidden = hiddenFields(actor, 'sales');
  for (const document of recordsOf(body)) {
    for (const line of asArray((document as Body).lines)) stripRecord(line, 'sales', hidden);
  }
};
/** The board's cards, and the stage sums that add up hidden amounts. */
const board: Redact = (body, actor) => {
  const hidden = hiddenFields(actor, 'deals');
  for (const column of asArray(body.columns) as Body[]) {
    for (const deal of asArray(column.deals)) stripRecord(deal, 'deals', hidden);
    if (hidden.includes('amount')) {
      delete column.sumBase;
      delete column.withoutRate;
    }
  }
};
/** A company's credit status without its limit (nor its group's) when `companies.creditLimit` is hidden. */
const credit: Redact = (body, actor) => {
  if (!hiddenFields(actor, 'companies').includes('creditLimit')) return;
  delete body.limit;
  if (body.group && typeof body.group === 'object') delete (body.group as Body).limit;
};

const DUPLICATE_ENTITY: Record<string, TProtectableEntity> = { company: 'companies', contact: 'contacts' };
/** Duplicate pairs (`a`, `b`) and the check's matches (`record`): each record as its entity's rules say. */
const duplicates: Redact = (body, actor) => {
  for (const pair of asArray(body.data) as Body[]) {
    const entity = DUPLICATE_ENTITY[String(pair.entity ?? '')];
    if (entity) for (const side of [pair.a, pair.b]) stripRecord(side, entity, hiddenFields(actor, entity));
    // The check names no entity per match: a match holds either kind's fields, so both kinds' rules apply.
    if (!entity) for (const kind of ['companies', 'contacts'] as const) stripRecord(pair.record, kind, hiddenFields(actor, kind));
  }
};
const snake = (field: string) => (field.startsWith('custom.') ? field : field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
/** The person export holds raw rows (snake_case keys): the contact, its custom fields, deals and the contact's history. */
const personExport: Redact = (body, actor) => {
  const contacts = hiddenFields(actor, 'contacts');
  stripRecord(body.contact, 'contacts', contacts.map(snake));
  const hiddenCustom = new Set(contacts.filter((f) => f.startsWith('custom.')).map((f) => f.slice('custom.'.length)));
  body.customFields = asArray(body.customFields).filter((row) => !hiddenCustom.has(String((row as Body).key)));
  const deals = hiddenFields(actor, 'deals');
  const dealKeys = deals.flatMap((f) => (f === 'amount' ? ['amount', 'amount_base'] : [snake(f)]));
  for (const deal of asArray(body.deals)) stripRecord(deal, 'deals', dealKeys);
  for (const entry of asArray(body.history)) stripChanges(entry, contacts);
};

/** Per route (as registered), how its JSON answer loses the fields the reader's role hides. */
const READS: Record<string, Redact> = {
  [`${API}/companies`]: records('companies'),
  [`${API}/companies/:id`]: records('companies'),
  [`${API}/companies/:id/history`]: history('companies'),
  [`${API}/contacts`]: records('contacts'),
  [`${API}/contacts/:id`]: records('contacts'),
  [`${API}/contacts/:id/history`]: history('contacts'),
  [`${API}/deals`]: records('deals'),
  [`${API}/deals/:id`]: records('deals'),
  [`${API}/deals/:id/move`]: records('deals'),
  [`${API}/pipelines/:id/board`]: board,
  [`${API}/quotes`]: salesLines,
  [`${API}/quotes/:id`]: salesLines,
  [`${API}/quotes/:id/versions`]: salesLines,
  [`${API}/quotes/:id/order`]: salesLines,
  [`${API}/orders`]: salesLines,
  [`${API}/orders/:id`]: salesLines,
  [`${API}/orders/:id/status`]: salesLines,
  [`${API}/credit/companies/:id`]: credit,
  [`${API}/duplicates`]: duplicates,
  [`${API}/duplicates/check`]: duplicates,
  [`${API}/gdpr/contacts/:id/export`]: personExport,
};

const body = (request: FastifyRequest) => request.body as Body | undefined;
const writes =
  (entity: TProtectableEntity): Guard =>
  (request, actor) => {
    const paths = lockedPathsIn(actor, entity, body(request));
    if (paths.length > 0) throw fieldReadOnly(paths);
  };
const salesWrites: Guard = (request, actor) => {
  const paths = asArray(body(request)?.lines).flatMap((line, n) => lockedPathsIn(actor, 'sales', line, `lines.${n}.`));
  if (paths.length > 0) throw fieldReadOnly(paths);
};
const creditWrites: Guard = (_request, actor) => {
  if (actor.fieldRules?.companies?.creditLimit) throw fieldReadOnly(['limit']);
};
const IMPORT_ENTITY: Record<string, TProtectableEntity> = { company: 'companies', contact: 'contacts', deal: 'deals' };
/** An import may not fill a locked field: its mapping may not name one (`columns.<n>.field`). */
const importMapping: Guard = async (request, actor, db) => {
  const id = (request.params as { id: string }).id;
  const [found] = await db
    .select({ entity: imports.entity })
    .from(imports)
    .where(and(eq(imports.workspaceId, actor.workspaceId), eq(imports.id, id)));
  const entity = found && IMPORT_ENTITY[found.entity];
  if (!entity) return;
  const locked = new Set(Object.keys(actor.fieldRules?.[entity] ?? {}));
  const paths = asArray(body(request)?.columns).flatMap((column, n) => {
    const field = (column as { field?: string | null }).field;
    return field && locked.has(field) ? [`columns.${n}.field`] : [];
  });
  if (paths.length > 0) throw fieldReadOnly(paths);
};
/** The duplicates check does not match on a value the role may not see (that would tell whose value it is). */
const duplicateCheck: Guard = (request, actor) => {
  const values = body(request);
  const entity = DUPLICATE_ENTITY[String(values?.entity ?? '')];
  if (values && entity) for (const field of hiddenFields(actor, entity)) delete values[field];
};
/** Reports made of a hidden field are refused rather than shown with a hole. */
const needs =
  (entity: TProtectableEntity, field: string): Guard =>
  (_request, actor) =>
    assertVisible(actor, entity, field, 'report');

/** Per method and route, what a request may not touch or ask for. */
const GUARDS: Record<string, Guard> = {
  [`POST ${API}/companies`]: writes('companies'),
  [`PATCH ${API}/companies/:id`]: writes('companies'),
  [`POST ${API}/contacts`]: writes('contacts'),
  [`PATCH ${API}/contacts/:id`]: writes('contacts'),
  [`POST ${API}/deals`]: writes('deals'),
  [`PATCH ${API}/deals/:id`]: writes('deals'),
  [`POST ${API}/quotes`]: salesWrites,
  [`PATCH ${API}/quotes/:id`]: salesWrites,
  [`POST ${API}/orders`]: salesWrites,
  [`PATCH ${API}/orders/:id`]: salesWrites,
  [`PUT ${API}/credit/companies/:id`]: creditWrites,
  [`PUT ${API}/credit/groups/:id`]: creditWrites,
  [`PUT ${API}/imports/:id/mapping`]: importMapping,
  [`POST ${API}/duplicates/check`]: duplicateCheck,
  // Revenue (but for orders' revenue) and pipeline reports add up deal amounts; the birthdays report lists birthdays.
  [`GET ${API}/reports/sales`]: (request, actor) => {
    if ((request.query as { basis?: string }).basis !== 'orders') assertVisible(actor, 'deals', 'amount', 'report');
  },
  [`GET ${API}/reports/funnel`]: needs('deals', 'amount'),
  [`GET ${API}/reports/won-lost`]: needs('deals', 'amount'),
  [`GET ${API}/reports/win-rate`]: needs('deals', 'amount'),
  [`GET ${API}/reports/birthdays`]: needs('contacts', 'birthday'),
};

const hasRules = (actor: Actor | null | undefined): actor is Actor =>
  !!actor?.fieldRules && Object.values(actor.fieldRules).some((rules) => Object.keys(rules).length > 0);

/**
 * Enforces a defined role's field rules on the API: a request that sets a hidden or read-only
 * field is refused (403 `field_read_only`) before its handler runs, and a JSON answer loses the
 * hidden fields (absent keys) after the response schema has checked it. Users without field
 * rules pay nothing. Files (exports, report workbooks) drop hidden columns where they are built.
 */
export function registerFieldRules(app: FastifyInstance, db: Database): void {
  app.addHook('preHandler', async (request) => {
    const { actor } = request;
    if (!hasRules(actor)) return;
    await GUARDS[`${request.method} ${request.routeOptions.url}`]?.(request, actor, db);
  });
  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const { actor } = request;
    if (!hasRules(actor) || typeof payload !== 'string' || reply.statusCode >= 300) return payload;
    const redact = READS[request.routeOptions.url ?? ''];
    if (!redact || !String(reply.getHeader('content-type') ?? '').includes('json')) return payload;
    const parsed = JSON.parse(payload) as Body;
    redact(parsed, actor);
    return JSON.stringify(parsed);
  });
}
