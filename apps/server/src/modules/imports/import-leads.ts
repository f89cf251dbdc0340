import { type LEAD_IMPORT_STATUSES, leadIsIdentified, ZEmail, ZLeadPhone } from '@clientela/contract';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { normaliseEmail, phoneNeedle } from '../customers/index.ts';
import { leadPolicy } from '../leads/index.ts';
import { parseDate } from './convert.ts';
import { headerKey } from './fields.ts';
import { type Links, loadLinks, resolve, type Target } from './link-values.ts';
import { problemsOf, type RecordJob, type RecordWriter, type RowResult } from './record-rows.ts';

type LeadStatus = (typeof LEAD_IMPORT_STATUSES)[number];

/** The words people write for a lead's status, in English, Russian and Italian (compared by headerKey). */
const STATUS_WORDS: Record<LeadStatus, string[]> = {
  new: ['new', 'open', 'новый', 'новая', 'новые', 'нов', 'nuovo', 'nuova', 'aperto'],
  working: [
    'working',
    'contacted',
    'in progress',
    'in work',
    'в работе',
    'связались',
    'обрабатывается',
    'в обработке',
    'in lavorazione',
    'contattato',
    'contattata',
    'in corso',
  ],
  qualified: ['qualified', 'hot', 'квалифицирован', 'квалифицированный', 'квалифицирована', 'подходит', 'qualificato', 'qualificata'],
  disqualified: [
    'disqualified',
    'unqualified',
    'rejected',
    'junk',
    'дисквалифицирован',
    'не подходит',
    'отказ',
    'спам',
    'squalificato',
    'non qualificato',
    'scartato',
  ],
};
const STATUS_BY_WORD = new Map(Object.entries(STATUS_WORDS).flatMap(([status, words]) => words.map((w) => [w, status as LeadStatus])));

/** The column sizes of the lead table's texts, as the leads' own form checks them. */
const MAX = { firstName: 100, lastName: 100, companyName: 300, position: 200, city: 120, message: 10_000 } as const;

type LeadRecord = {
  id: string;
  status: LeadStatus;
  first_name: string;
  last_name: string;
  company_name: string | null;
  position: string | null;
  email: string | null;
  phone: string | null;
  city: string | null;
  message: string | null;
  owner_id: string;
  unit_id: string | null;
  source_id: string | null;
  campaign_id: string | null;
  created_on: string | null;
};

/**
 * A lead's idempotency key: its e-mail (lower-cased) when it has one, else its phone (the last ten
 * digits, as the customer base compares phones), else its name with its company. Re-importing a
 * file finds each row's lead by the same key, whatever else changed in the row.
 */
function keyOf(lead: { email: string | null; phone: string | null; first_name: string; last_name: string; company_name: string | null }) {
  if (lead.email) return `e:${normaliseEmail(lead.email)}`;
  const needle = lead.phone ? phoneNeedle(lead.phone) : null;
  if (needle) return `p:${needle}`;
  return `n:${headerKey(`${lead.first_name} ${lead.last_name}`)}|${headerKey(lead.company_name ?? '')}`;
}

type Found = { id: string; converted: boolean };

/** Per job: the records rows may name, the people (active, their unit), whom the importer may give leads to, leads found by name. */
type State = {
  links: Links;
  people: Map<string, { unitId: string | null; active: boolean }>;
  allowed: Map<string, boolean>;
  named: Map<string, Found> | null;
};
const cache = new WeakMap<RecordJob, State>();

async function stateOf(tx: Executor, job: RecordJob): Promise<State> {
  let state = cache.get(job);
  if (!state) {
    const people = (
      await tx.execute<{ id: string; unit_id: string | null; active: boolean }>(
        sql`SELECT id, unit_id, active FROM app_user WHERE workspace_id = ${job.imp.workspaceId}`,
      )
    ).rows;
    state = {
      links: await loadLinks(tx, job.imp.workspaceId, job.actor),
      people: new Map(people.map((p) => [p.id, { unitId: p.unit_id, active: p.active }])),
      allowed: new Map(),
      named: null,
    };
    cache.set(job, state);
  }
  return state;
}

const DIGITS = sql.raw(`regexp_replace(coalesce(phone, ''), '\\D', '', 'g')`);

/** The workspace's leads (not removed) with these e-mail or phone keys, the same key computed in SQL. */
async function leadsKeyed(tx: Executor, workspaceId: string, keys: string[]): Promise<Map<string, Found>> {
  const emails = keys.filter((k) => k.startsWith('e:')).map((k) => k.slice(2));
  const phones = keys.filter((k) => k.startsWith('p:')).map((k) => k.slice(2));
  if (emails.length === 0 && phones.length === 0) return new Map();
  const rows = (
    await tx.execute<{ id: string; key: string; converted: boolean }>(sql`
      SELECT DISTINCT ON (key) id, key, converted FROM (
        SELECT id, status = 'converted' AS converted, created_at, CASE
          WHEN coalesce(email, '') <> '' THEN 'e:' || lower(btrim(email))
          WHEN length(${DIGITS}) >= 5 THEN 'p:' || right(${DIGITS}, 10) END AS key
        FROM lead WHERE workspace_id = ${workspaceId} AND deleted_at IS NULL
          AND (lower(btrim(email)) = ANY(${sql.param(emails)}::text[]) OR right(${DIGITS}, 10) = ANY(${sql.param(phones)}::text[]))
      ) x WHERE key = ANY(${sql.param(keys)}::text[])
      ORDER BY key, created_at`)
  ).rows;
  return new Map(rows.map((r) => [r.key, { id: r.id, converted: r.converted }]));
}

/**
 * Leads known only by name and company, keyed as keyOf writes it (accents, case and punctuation
 * aside, which SQL cannot do alike): read once per import, then kept up to date as rows create leads.
 */
async function leadsNamed(tx: Executor, workspaceId: string, state: State): Promise<Map<string, Found>> {
  if (state.named) return state.named;
  const rows = (
    await tx.execute<{ id: string; first_name: string; last_name: string; company_name: string | null; converted: boolean }>(sql`
      SELECT id, first_name, last_name, company_name, status = 'converted' AS converted FROM lead
      WHERE workspace_id = ${workspaceId} AND deleted_at IS NULL AND coalesce(email, '') = '' AND length(${DIGITS}) < 5
      ORDER BY created_at DESC`)
  ).rows;
  // Oldest last: the first lead of a key wins, as for e-mails and phones.
  state.named = new Map(rows.map((r) => [keyOf({ email: null, phone: null, ...r }), { id: r.id, converted: r.converted }]));
  return state.named;
}

const LINK_CODES = { source: 'unknown_source', campaign: 'unknown_campaign', owner: 'unknown_owner' } as const;

/**
 * Leads: each row is a lead of channel "import", its source and campaign (found by name) its first
 * touch. A source or campaign the workspace does not have rejects the row (reported with its line)
 * unless the importer mapped the value to one or to none: a lead never loses its attribution
 * silently. The owner is a person by name or e-mail whom the importer may give leads to, else the
 * importer. A lead already there (see keyOf) is skipped or, when the mapping says so, updated: its
 * first touch is kept, only filled where it had none.
 */
export const writeLeads: RecordWriter = async (tx, job, rows) => {
  const workspaceId = job.imp.workspaceId;
  const state = await stateOf(tx, job);
  const results: RowResult[] = [];
  const prepared: { line: number; record: LeadRecord; p: ReturnType<typeof problemsOf>; result: RowResult }[] = [];
  for (const row of rows) {
    const p = problemsOf(job.mapping, row);
    if (row.cells.every((c) => c.trim() === '')) {
      results.push({
        line: row.line,
        outcome: 'skip',
        id: null,
        problems: [{ column: null, field: null, code: 'empty_row', value: null, stored: null }],
      });
      continue;
    }
    const text = (field: string, max: number) => {
      const value = field === 'notes' ? (row.cells[p.cells.column(field) ?? -1] ?? '').trim() : p.cells.get(field);
      if (value.length <= max) return value;
      p.add(field, 'value_too_long', value, value.slice(0, max));
      return value.slice(0, max);
    };
    let firstName = text('firstName', MAX.firstName);
    let lastName = text('lastName', MAX.lastName);
    const fullName = p.cells.get('fullName');
    if (fullName && !firstName && !lastName) {
      const parts = fullName.split(' ');
      // Russian full names are written surname first: Фамилия Имя Отчество.
      const surnameFirst = parts.length === 3 && /[\u0400-\u04ff]/.test(fullName);
      const first = surnameFirst ? parts.slice(1).join(' ') : parts.length > 1 ? parts.slice(0, -1).join(' ') : fullName;
      const last = surnameFirst ? (parts[0] ?? '') : parts.length > 1 ? (parts.at(-1) ?? '') : '';
      if (first.length > MAX.firstName || last.length > MAX.lastName) p.add('fullName', 'value_too_long', fullName);
      firstName = first.slice(0, MAX.firstName);
      lastName = last.slice(0, MAX.lastName);
    }
    const emailText = p.cells.get('email');
    const email = emailText ? ZEmail.safeParse(emailText) : null;
    if (email && !email.success) p.add('email', 'invalid_email', emailText);
    const phoneText = p.cells.get('phone').slice(0, 40);
    const phoneValid = phoneText ? ZLeadPhone.safeParse(phoneText).success : false;
    if (phoneText && !phoneValid) p.add('phone', 'invalid_phone', phoneText);
    const link = (field: 'source' | 'campaign' | 'owner', targets: Target[]): Target | null => {
      const written = p.cells.get(field);
      if (!written) return null;
      const found = resolve(targets, field, job.mapping, written);
      if (found.how === 'chosen') p.add(field, 'value_corrected', written, found.target.name);
      if (found.how === 'empty') p.add(field, LINK_CODES[field], written);
      // A lead without its source or campaign would count for nothing in ROI: the row waits for the value to be mapped.
      if (found.how === 'unknown') p.add(field, LINK_CODES[field], written, null, field !== 'owner');
      return found.target;
    };
    const source = link('source', state.links.source);
    const campaign = link('campaign', state.links.campaign);
    let owner = link('owner', state.links.owner);
    if (owner && !state.people.get(owner.id)?.active) {
      p.add('owner', 'unknown_owner', owner.name);
      owner = null;
    }
    const statusText = p.cells.get('status');
    let status: LeadStatus = 'new';
    if (statusText) {
      const known = STATUS_BY_WORD.get(headerKey(statusText));
      if (known) status = known;
      else p.add('status', 'unknown_value', statusText, 'new');
    }
    const dayText = p.cells.get('createdOn');
    const createdOn = dayText ? parseDate(dayText) : null;
    if (dayText && !createdOn) p.add('createdOn', 'invalid_date', dayText);
    const record: LeadRecord = {
      id: '',
      status,
      first_name: firstName,
      last_name: lastName,
      company_name: text('companyName', MAX.companyName) || null,
      position: text('position', MAX.position) || null,
      email: email?.success ? email.data : null,
      phone: phoneValid ? phoneText : null,
      city: text('city', MAX.city) || null,
      message: text('notes', MAX.message) || null,
      owner_id: job.actor.userId,
      unit_id: null,
      source_id: source?.id ?? null,
      campaign_id: campaign?.id ?? null,
      created_on: createdOn,
    };
    if (!leadIsIdentified({ firstName, lastName, companyName: record.company_name, email: record.email, phone: record.phone }))
      p.add('fullName', 'required_missing', null, null, true);
    if (p.fatal()) {
      results.push({ line: row.line, outcome: 'reject', id: null, problems: p.list });
      continue;
    }
    const ownerId = owner?.id ?? job.actor.userId;
    const unitId = state.people.get(ownerId)?.unitId ?? null;
    if (!state.allowed.has(ownerId)) state.allowed.set(ownerId, await leadPolicy.can(job.actor, 'create', { ownerId, unitId }));
    if (state.allowed.get(ownerId)) {
      record.owner_id = ownerId;
      record.unit_id = unitId;
    } else {
      // Leads go to the importer when they may not give them to the person named in the file.
      if (owner) p.add('owner', 'unknown_owner', owner.name);
      record.unit_id = state.people.get(job.actor.userId)?.unitId ?? null;
    }
    const result: RowResult = { line: row.line, outcome: 'create', id: null, problems: p.list };
    prepared.push({ line: row.line, record, p, result });
    results.push(result);
  }

  const keys = [...new Set(prepared.map((r) => keyOf(r.record)))];
  const existing = await leadsKeyed(tx, workspaceId, keys);
  const named = keys.some((k) => k.startsWith('n:')) ? await leadsNamed(tx, workspaceId, state) : null;
  const seen = new Map<string, { id: string; line: number }>();
  const creates: LeadRecord[] = [];
  const updates: LeadRecord[] = [];
  for (const { line, record, p, result } of prepared) {
    const key = keyOf(record);
    const earlier = seen.get(key);
    const inBase = existing.get(key) ?? named?.get(key);
    if (earlier || inBase) {
      const id = (earlier?.id ?? inBase?.id) as string;
      const repeats = earlier?.line ?? job.memory.lineOf(id);
      const column = record.email ? 'email' : record.phone ? 'phone' : 'fullName';
      p.list.push({
        column: p.cells.column(column) ?? p.cells.column('firstName') ?? p.cells.column('lastName'),
        field: column,
        code: repeats === null ? 'duplicate_in_base' : 'duplicate_in_file',
        value: key.slice(2),
        stored: null,
        ...(repeats === null ? {} : { repeatsLine: repeats }),
      });
      result.id = id;
      // A later row with the same key repeats this one, not the lead in the base.
      if (!earlier) seen.set(key, { id, line });
      // A converted lead no longer changes: its contact and deal carry it on.
      if (job.mapping.duplicates === 'update' && !earlier && !inBase?.converted) {
        updates.push({ ...record, id });
        result.outcome = 'update';
      } else result.outcome = 'skip';
      continue;
    }
    record.id = job.memory.idOf(line);
    seen.set(key, { id: record.id, line });
    if (key.startsWith('n:')) state.named?.set(key, { id: record.id, converted: false });
    creates.push(record);
    result.id = record.id;
  }
  await insertLeads(tx, job, creates);
  await updateLeads(tx, job, updates);
  return results;
};

const RECORDSET = sql`id uuid, status text, first_name text, last_name text, company_name text, position text, email text, phone text,
  city text, message text, owner_id uuid, unit_id uuid, source_id uuid, campaign_id uuid, created_on date`;

/** New leads in one statement, dated as the file says (ROI counts a lead on the day it came in). */
async function insertLeads(tx: Executor, job: RecordJob, records: LeadRecord[]) {
  if (records.length === 0) return;
  await tx.execute(sql`
    INSERT INTO lead (workspace_id, id, status, channel, first_name, last_name, company_name, position, email, phone, city, message,
      owner_id, unit_id, source_id, campaign_id, created_by_id, created_at, updated_at)
    SELECT ${job.imp.workspaceId}, x.id, x.status, 'import', x.first_name, x.last_name, x.company_name, x.position, x.email, x.phone,
      x.city, x.message, x.owner_id, x.unit_id, x.source_id, x.campaign_id, ${job.actor.userId},
      coalesce(x.created_on::timestamptz, now()), now()
    FROM jsonb_to_recordset(${JSON.stringify(records)}::jsonb) AS x(${RECORDSET})`);
}

/** Leads already there take the file's values where it has them; their first touch is only filled where missing. */
async function updateLeads(tx: Executor, job: RecordJob, records: LeadRecord[]) {
  if (records.length === 0) return;
  await tx.execute(sql`
    UPDATE lead l SET
      status = x.status, first_name = coalesce(nullif(x.first_name, ''), l.first_name), last_name = coalesce(nullif(x.last_name, ''), l.last_name),
      company_name = coalesce(x.company_name, l.company_name), position = coalesce(x.position, l.position),
      email = coalesce(x.email, l.email), phone = coalesce(x.phone, l.phone), city = coalesce(x.city, l.city),
      message = coalesce(x.message, l.message), owner_id = x.owner_id, unit_id = x.unit_id,
      source_id = coalesce(l.source_id, x.source_id), campaign_id = coalesce(l.campaign_id, x.campaign_id), updated_at = now()
    FROM jsonb_to_recordset(${JSON.stringify(records)}::jsonb) AS x(${RECORDSET})
    WHERE l.workspace_id = ${job.imp.workspaceId} AND l.id = x.id AND l.status <> 'converted'`);
}
