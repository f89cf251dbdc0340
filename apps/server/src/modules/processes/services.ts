import { randomUUID } from 'node:crypto';
import type { TProcessRecordType, TServiceAction } from '@clientela/contract';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../../db/client.ts';
import { activities, activityLinks } from '../activities/activities.table.ts';
import { refreshLastContact } from '../activities/last-contact.ts';
import { sanitiseRichText } from '../activities/rich-text.ts';
import { companies } from '../companies/index.ts';
import { contacts } from '../contacts/index.ts';
import { CUSTOMER_TRACKED, customerDefaults } from '../customers/index.ts';
import { dealStageChanges, deals, ensureDefaultPipeline, pipelineStages, pipelines } from '../deals/index.ts';
import { diff, recordChange, recordChanges } from '../history/index.ts';
import { users } from '../users/index.ts';
import { fillJson, fillText, type PlaceholderView, placeholderView, RECORD_TABLES, readRecord } from './placeholders.ts';
import { processOutbox } from './processes.table.ts';
import {
  type ActionHandler,
  type ActionParams,
  BpmnError,
  type ProcessRecord,
  type StartInstance,
  type StepContext,
} from './step-context.ts';

type Row = Record<string, unknown>;

const invalid = (code: string, message: string) => new BpmnError(code, message);

function required(params: ActionParams, name: string): string {
  const value = params[name];
  if (value === undefined || value.trim() === '') throw invalid('invalid_param', `The parameter "${name}" is missing`);
  return value;
}

function recordOf(step: StepContext): ProcessRecord {
  if (!step.record) throw invalid('no_record', 'This process runs without a record');
  return step.record;
}

/** A history entry in the starter's name (nobody's when a schedule started the instance). */
async function writeHistory(
  step: StepContext,
  entityType: string,
  entityId: string,
  action: 'created' | 'updated',
  before: Row | null,
  after: Row,
  fields: readonly string[],
) {
  const change = { workspaceId: step.workspaceId, entityType, entityId, action, before, after, fields };
  if (step.starterId) return recordChange(step.tx, { ...change, actorId: step.starterId });
  const changes = diff(before, after, fields);
  if (action === 'updated' && changes.length === 0) return;
  await step.tx.insert(recordChanges).values({ workspaceId: step.workspaceId, entityType, entityId, actorId: null, action, changes });
}

/** An active user of the workspace, by id or e-mail. */
async function findUser(db: Executor, workspaceId: string, idOrEmail: string) {
  const byId = z.uuid().safeParse(idOrEmail).success;
  const [user] = await db
    .select({ id: users.id, email: users.email, locale: users.locale, unitId: users.unitId })
    .from(users)
    .where(
      and(
        eq(users.workspaceId, workspaceId),
        byId ? eq(users.id, idOrEmail) : sql`lower(${users.email}) = lower(${idOrEmail})`,
        eq(users.active, true),
      ),
    )
    .limit(1);
  return user;
}

/** Who acts when someone must be named (an author, a creator): the starter, the record's owner, else the first admin. */
async function actingUser(step: StepContext, record: Row | null): Promise<string> {
  if (step.starterId) return step.starterId;
  if (typeof record?.ownerId === 'string') return record.ownerId;
  const [admin] = await step.tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.workspaceId, step.workspaceId), eq(users.role, 'admin'), eq(users.active, true)))
    .orderBy(asc(users.createdAt))
    .limit(1);
  if (!admin) throw invalid('no_actor', 'Nobody can act for this process');
  return admin.id;
}

// --- setField -------------------------------------------------------------------------------

type FieldKind =
  | { kind: 'enum'; values: readonly string[]; nullable?: boolean }
  | { kind: 'text' }
  | { kind: 'tags' }
  | { kind: 'user' }
  | { kind: 'date' }
  | { kind: 'percent' };

const CUSTOMER_STATUSES = ['potential', 'new', 'active', 'dormant', 'lost'] as const;
const CUSTOMER_FIELDS: Record<string, FieldKind> = {
  status: { kind: 'enum', values: CUSTOMER_STATUSES },
  class: { kind: 'enum', values: ['A', 'B', 'C'], nullable: true },
  tags: { kind: 'tags' },
  ownerId: { kind: 'user' },
  region: { kind: 'text' },
  city: { kind: 'text' },
  leadSource: { kind: 'text' },
};

/** The fields a process may set on each kind of record, and what a value must be. */
export const SETTABLE_FIELDS: Record<TProcessRecordType, Record<string, FieldKind>> = {
  company: CUSTOMER_FIELDS,
  contact: CUSTOMER_FIELDS,
  deal: { ownerId: { kind: 'user' }, probability: { kind: 'percent' }, expectedCloseOn: { kind: 'date' }, source: { kind: 'text' } },
  agreement: {
    status: { kind: 'enum', values: ['proposed', 'agreed', 'fulfilled', 'broken', 'cancelled'] },
    validUntil: { kind: 'date' },
    agreedById: { kind: 'user' },
  },
  contract: {
    renewal: { kind: 'enum', values: ['auto_renew', 'to_renegotiate', 'verbally_renewed', 'ended'] },
    endDate: { kind: 'date' },
    responsibleId: { kind: 'user' },
  },
  // A case changes through its own moves (status, owner, SLA and history together), never by a bare column.
  case: {},
};

const snake = (field: string) => field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** The value as the column takes it, or a BpmnError naming what is wrong. */
async function columnValue(step: StepContext, field: string, kind: FieldKind, raw: string) {
  const text = raw.trim();
  const bad = () => invalid('invalid_field', `"${text}" is not a valid value of ${field}`);
  switch (kind.kind) {
    case 'enum':
      if (text === '' && kind.nullable) return { value: null, cast: sql`text` };
      if (!kind.values.includes(text)) throw bad();
      return { value: text, cast: sql`text` };
    case 'text':
      if (text.length > 500) throw bad();
      return { value: text || null, cast: sql`text` };
    case 'tags':
      return {
        value: [
          ...new Set(
            text
              .split(',')
              .map((tag) => tag.trim())
              .filter(Boolean),
          ),
        ],
        cast: sql`text[]`,
      };
    case 'user': {
      const user = text ? await findUser(step.tx, step.workspaceId, text) : undefined;
      if (!user) throw bad();
      return { value: user.id, cast: sql`uuid`, unitId: user.unitId };
    }
    case 'date':
      if (text === '') return { value: null, cast: sql`date` };
      // A day that exists: 2024-02-30 is refused, not rolled over to March.
      if (!isCalendarDay(text)) throw bad();
      return { value: text, cast: sql`date` };
    case 'percent': {
      if (text === '') return { value: null, cast: sql`int` };
      const number = Number(text);
      if (!Number.isInteger(number) || number < 0 || number > 100) throw bad();
      return { value: number, cast: sql`int` };
    }
  }
}

const camelRow = (row: Row): Row =>
  Object.fromEntries(Object.entries(row).map(([key, value]) => [key.replace(/_([a-z])/g, (_, l: string) => l.toUpperCase()), value]));

const setField: ActionHandler = async (step, params) => {
  const record = recordOf(step);
  const { view } = await placeholderView(step);
  const field = required(params, 'field').trim();
  const kind = SETTABLE_FIELDS[record.type][field];
  if (!kind) throw invalid('invalid_field', `A process cannot set ${field} of a ${record.type}`);
  const { value, cast, unitId } = await columnValue(step, field, kind, fillText(params.value ?? '', view));
  const table = sql.identifier(RECORD_TABLES[record.type].table);
  const where = sql`workspace_id = ${step.workspaceId} AND id = ${record.id} AND deleted_at IS NULL`;
  const locked = await step.tx.execute<Row>(sql`SELECT * FROM ${table} WHERE ${where} FOR UPDATE`);
  const [before] = locked.rows;
  if (!before) throw invalid('record_missing', `The ${record.type} is gone`);
  // A new owner brings the record into their unit, as when a person is made owner by hand.
  const moveUnit = unitId !== undefined ? sql`, unit_id = ${unitId}::uuid` : sql``;
  const updated = await step.tx.execute<Row>(
    sql`UPDATE ${table} SET ${sql.identifier(snake(field))} = ${sql.param(value)}::${cast}${moveUnit}, updated_at = now() WHERE ${where} RETURNING *`,
  );
  const [after] = updated.rows;
  if (!after) throw invalid('record_missing', `The ${record.type} is gone`);
  await writeHistory(
    step,
    record.type,
    record.id,
    'updated',
    camelRow(before),
    camelRow(after),
    unitId !== undefined ? [field, 'unitId'] : [field],
  );
  return { field, value };
};

// --- createRecord ---------------------------------------------------------------------------

const CREATABLE = ['company', 'contact', 'deal'] as const;

async function createDeal(step: StepContext, title: string, ownerId: string | null, unitId: string | null, source: Row | null) {
  await ensureDefaultPipeline(step.tx, step.workspaceId);
  const [stage] = await step.tx
    .select({ id: pipelineStages.id, pipelineId: pipelineStages.pipelineId, probability: pipelineStages.probability })
    .from(pipelineStages)
    .innerJoin(pipelines, and(eq(pipelines.workspaceId, pipelineStages.workspaceId), eq(pipelines.id, pipelineStages.pipelineId)))
    .where(
      and(
        eq(pipelineStages.workspaceId, step.workspaceId),
        eq(pipelines.isDefault, true),
        isNull(pipelines.deletedAt),
        isNull(pipelineStages.deletedAt),
        eq(pipelineStages.kind, 'open'),
      ),
    )
    .orderBy(asc(pipelineStages.position))
    .limit(1);
  if (!stage) throw invalid('no_pipeline', 'The workspace has no open deal stage');
  const creator = await actingUser(step, source);
  const about = step.record;
  const [deal] = await step.tx
    .insert(deals)
    .values({
      workspaceId: step.workspaceId,
      title,
      pipelineId: stage.pipelineId,
      stageId: stage.id,
      companyId: about?.type === 'company' ? about.id : typeof source?.companyId === 'string' ? source.companyId : null,
      contactId: about?.type === 'contact' ? about.id : typeof source?.contactId === 'string' ? source.contactId : null,
      ownerId,
      unitId,
      rateOn: sql`CURRENT_DATE`,
      createdById: creator,
    })
    .returning();
  if (!deal) throw new Error('deal insert returned nothing');
  await step.tx
    .insert(dealStageChanges)
    .values({ workspaceId: step.workspaceId, dealId: deal.id, fromStageId: null, toStageId: stage.id, changedById: creator });
  await writeHistory(step, 'deal', deal.id, 'created', null, deal, ['title', 'companyId', 'contactId', 'ownerId', 'unitId', 'stageId']);
  return deal.id;
}

const createRecord: ActionHandler = async (step, params) => {
  const { view, fields } = await placeholderView(step);
  const recordType = required(params, 'recordType').trim();
  if (!(CREATABLE as readonly string[]).includes(recordType)) throw invalid('invalid_param', `A process cannot create a ${recordType}`);
  const name = fillText(required(params, 'name'), view).trim().slice(0, 300);
  if (!name) throw invalid('invalid_param', 'The new record needs a name');
  const source = fields;
  const ownerId = step.starterId ?? (typeof source?.ownerId === 'string' ? source.ownerId : null);
  const owner = ownerId ? await findUser(step.tx, step.workspaceId, ownerId) : undefined;
  const unitId = owner?.unitId ?? null;
  const base = { workspaceId: step.workspaceId, id: randomUUID(), ownerId: owner?.id ?? null, unitId };
  if (recordType === 'deal') return { id: await createDeal(step, name, base.ownerId, unitId, source), recordType };
  if (recordType === 'company') {
    const [row] = await step.tx
      .insert(companies)
      .values({ ...customerDefaults(), ...base, name })
      .returning();
    if (!row) throw new Error('company insert returned nothing');
    await writeHistory(step, 'company', row.id, 'created', null, row, ['name', ...CUSTOMER_TRACKED]);
    return { id: row.id, recordType };
  }
  const [firstName, ...rest] = name.split(/\s+/);
  const [row] = await step.tx
    .insert(contacts)
    .values({ ...customerDefaults(), ...base, firstName: firstName ?? name, lastName: rest.join(' ') })
    .returning();
  if (!row) throw new Error('contact insert returned nothing');
  await writeHistory(step, 'contact', row.id, 'created', null, row, ['firstName', 'lastName', ...CUSTOMER_TRACKED]);
  return { id: row.id, recordType };
};

// --- createActivity -------------------------------------------------------------------------

const ACTIVITY_KINDS = ['call', 'meeting', 'visit', 'email', 'note'] as const;

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Plain text as the rich text activities keep: a paragraph per blank-line block, line breaks kept. */
function textToHtml(text: string): string | null {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean);
  return sanitiseRichText(paragraphs.map((block) => `<p>${escapeHtml(block).replace(/\n/g, '<br>')}</p>`).join(''));
}

const createActivity: ActionHandler = async (step, params) => {
  const record = recordOf(step);
  const { view, fields } = await placeholderView(step);
  const kind = required(params, 'kind').trim() as (typeof ACTIVITY_KINDS)[number];
  if (!ACTIVITY_KINDS.includes(kind)) throw invalid('invalid_param', `"${kind}" is not a kind of activity`);
  const subject = fillText(required(params, 'subject'), view).trim().slice(0, 500);
  const body = params.body ? textToHtml(fillText(params.body, view)) : null;
  if (!fields) throw invalid('record_missing', `The ${record.type} is gone`);
  // Activities are about companies, contacts and deals: an agreement's or contract's go to its customer.
  const links = { company: [] as string[], contact: [] as string[], deal: [] as string[] };
  if (record.type === 'company' || record.type === 'contact' || record.type === 'deal') links[record.type].push(record.id);
  else {
    if (typeof fields.companyId === 'string') links.company.push(fields.companyId);
    if (typeof fields.contactId === 'string') links.contact.push(fields.contactId);
  }
  if (links.company.length + links.contact.length + links.deal.length === 0)
    throw invalid('no_record', 'The activity has no customer to be about');
  const authorId = await actingUser(step, fields);
  const author = await findUser(step.tx, step.workspaceId, authorId);
  const [row] = await step.tx
    .insert(activities)
    .values({
      workspaceId: step.workspaceId,
      type: kind,
      subject: subject || null,
      body,
      occurredAt: step.now,
      authorId,
      unitId: author?.unitId ?? null,
    })
    .returning({ id: activities.id });
  if (!row) throw new Error('activity insert returned nothing');
  const entities = (['company', 'contact', 'deal'] as const).flatMap((entityType) =>
    links[entityType].map((entityId) => ({ entityType, entityId })),
  );
  await step.tx.insert(activityLinks).values(
    entities.map((link) => ({
      workspaceId: step.workspaceId,
      activityId: row.id,
      ...link,
      occurredAt: step.now,
      activityType: kind,
      authorId,
    })),
  );
  await refreshLastContact(step.tx, step.workspaceId, { company: links.company, contact: links.contact });
  return { id: row.id };
};

// --- sendEmail ------------------------------------------------------------------------------

type Recipient = { email: string; locale: string | null };

async function userRecipient(db: Executor, workspaceId: string, userId: unknown): Promise<Recipient[]> {
  if (typeof userId !== 'string') return [];
  const user = await findUser(db, workspaceId, userId);
  return user ? [{ email: user.email, locale: user.locale }] : [];
}

/** A manager of the owner's unit, else of the nearest unit above it, else an admin. */
async function ownerManager(db: Executor, workspaceId: string, ownerId: unknown): Promise<Recipient[]> {
  const owner = typeof ownerId === 'string' ? ownerId : null;
  const { rows } = await db.execute<Recipient>(sql`
    WITH RECURSIVE chain AS (
      SELECT u.id, u.parent_id, 0 AS depth FROM unit u
      JOIN app_user o ON o.workspace_id = u.workspace_id AND o.unit_id = u.id
      WHERE o.workspace_id = ${workspaceId} AND o.id = ${owner}::uuid
      UNION ALL
      SELECT p.id, p.parent_id, c.depth + 1 FROM unit p JOIN chain c ON p.id = c.parent_id
      WHERE p.workspace_id = ${workspaceId} AND c.depth < 50
    )
    SELECT email, locale FROM (
      SELECT m.email, m.locale, c.depth, m.created_at FROM chain c
      JOIN app_user m ON m.workspace_id = ${workspaceId} AND m.unit_id = c.id
      WHERE m.role = 'manager' AND m.active AND m.id IS DISTINCT FROM ${owner}::uuid
      UNION ALL
      SELECT a.email, a.locale, 1000, a.created_at FROM app_user a
      WHERE a.workspace_id = ${workspaceId} AND a.role = 'admin' AND a.active AND a.id IS DISTINCT FROM ${owner}::uuid
    ) candidates ORDER BY depth, created_at LIMIT 1`);
  return rows;
}

const firstEmail = (emails: unknown): string | null =>
  Array.isArray(emails)
    ? ((emails as { value?: unknown }[]).map((e) => e.value).find((v): v is string => typeof v === 'string' && v.includes('@')) ?? null)
    : null;

/** The customer's main e-mail: the contact's, else the company's. */
async function customerEmail(db: Executor, workspaceId: string, fields: Row): Promise<Recipient[]> {
  const candidates: ProcessRecord[] = [];
  if (fields.type === 'company' || fields.type === 'contact') candidates.push({ type: fields.type, id: fields.id as string });
  if (typeof fields.contactId === 'string') candidates.push({ type: 'contact', id: fields.contactId });
  if (typeof fields.companyId === 'string') candidates.push({ type: 'company', id: fields.companyId });
  for (const candidate of candidates) {
    const row = candidate.id === fields.id ? fields : await readRecord(db, workspaceId, candidate);
    const email = firstEmail(row?.emails);
    if (email) return [{ email, locale: null }];
  }
  return [];
}

async function resolveRecipients(step: StepContext, fields: Row | null, to: string): Promise<Recipient[]> {
  const found: Recipient[] = [];
  for (const item of to
    .split(/[,;]/)
    .map((part) => part.trim())
    .filter(Boolean)) {
    const before = found.length;
    if (item === 'owner') found.push(...(await userRecipient(step.tx, step.workspaceId, fields?.ownerId)));
    else if (item === 'ownerManager') found.push(...(await ownerManager(step.tx, step.workspaceId, fields?.ownerId)));
    else if (item === 'starter') found.push(...(await userRecipient(step.tx, step.workspaceId, step.starterId)));
    else if (item === 'contact') found.push(...(fields ? await customerEmail(step.tx, step.workspaceId, fields) : []));
    else if (z.email().safeParse(item).success) found.push({ email: item, locale: null });
    else throw invalid('invalid_param', `"${item}" is not a recipient`);
    if (found.length === before) throw invalid('no_recipient', `Nobody to e-mail as ${item}`);
  }
  return found;
}

const sendEmail: ActionHandler = async (step, params) => {
  const { view, fields } = await placeholderView(step);
  const recipients = await resolveRecipients(step, fields, fillText(required(params, 'to'), view));
  if (recipients.length === 0) throw invalid('no_recipient', 'Nobody to e-mail');
  const starter = await userRecipient(step.tx, step.workspaceId, step.starterId);
  const locale = recipients.find((r) => r.locale)?.locale ?? starter[0]?.locale ?? 'en';
  // A subject is one line: line breaks in a filled placeholder would end the header.
  const subject = fillText(required(params, 'subject'), view).replace(/\s+/g, ' ').trim().slice(0, 500);
  const body = fillText(required(params, 'body'), view);
  const to = [...new Set(recipients.map((r) => r.email))];
  const [row] = await step.tx
    .insert(processOutbox)
    .values({
      workspaceId: step.workspaceId,
      instanceId: step.instanceId,
      elementId: step.elementId,
      kind: 'email',
      payload: { to, subject, body, locale },
    })
    .returning({ id: processOutbox.id });
  return { outboxId: row?.id, to };
};

// --- callWebhook ----------------------------------------------------------------------------

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

function defaultBody(step: StepContext, view: PlaceholderView): string {
  const record = step.record ? { ...view.record } : null;
  return JSON.stringify({
    instanceId: step.instanceId,
    processName: step.processName,
    elementId: step.elementId,
    record,
    form: step.form,
  });
}

const callWebhook: ActionHandler = async (step, params) => {
  const { view } = await placeholderView(step);
  const text = fillText(required(params, 'url'), view).trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalid('invalid_url', `"${text}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid('invalid_url', 'A webhook is called over http or https');
  const method = (params.method?.trim().toUpperCase() || 'POST') as (typeof METHODS)[number];
  if (!METHODS.includes(method)) throw invalid('invalid_param', `"${params.method}" is not an HTTP method`);
  const body = method === 'GET' ? null : params.body?.trim() ? fillJson(params.body, view) : defaultBody(step, view);
  const [row] = await step.tx
    .insert(processOutbox)
    .values({
      workspaceId: step.workspaceId,
      instanceId: step.instanceId,
      elementId: step.elementId,
      kind: 'webhook',
      payload: { url: url.toString(), method, body },
    })
    .returning({ id: processOutbox.id });
  return { outboxId: row?.id };
};

// --- startProcess and the catalogue ---------------------------------------------------------

function startProcessWith(start: StartInstance): ActionHandler {
  return async (step, params) => {
    const definitionId = required(params, 'definitionId').trim();
    if (!z.uuid().safeParse(definitionId).success) throw invalid('invalid_param', `"${definitionId}" is not a process`);
    const started = await start(
      step.tx,
      { workspaceId: step.workspaceId, definitionId, actorId: step.starterId, ...(step.record ? { record: step.record } : {}) },
      step.now,
    );
    return { instanceId: started.id };
  };
}

/** The catalogue of service task actions, with the given way to start another process. */
export function createActions(start: StartInstance): Record<TServiceAction, ActionHandler> {
  return { setField, createRecord, createActivity, sendEmail, callWebhook, startProcess: startProcessWith(start) };
}

let startInstanceOfRuntime: StartInstance | undefined;

/** Hands the runtime's startInstance to the catalogue's startProcess (the runtime imports this file, not the reverse). */
export function provideStartInstance(start: StartInstance): void {
  startInstanceOfRuntime = start;
}

/** The catalogue the runtime runs service tasks with; each action writes in the step's transaction. */
export const ACTIONS: Record<TServiceAction, ActionHandler> = createActions((db, input, now) => {
  if (!startInstanceOfRuntime) throw new Error('startProcess needs the runtime: call provideStartInstance first');
  return startInstanceOfRuntime(db, input, now);
});

/** A `YYYY-MM-DD` day that exists: 2024-02-30 is not rolled over to March. */
export function isCalendarDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === text;
}
