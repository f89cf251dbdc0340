import { createHash, randomUUID } from 'node:crypto';
import type { TImportEntity } from '@clientela/contract';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Actor } from '../authz/index.ts';
import { companyPolicy } from '../companies/index.ts';
import { contactPolicy } from '../contacts/contacts.policy.ts';
import { type Candidate, type ConvertContext, phoneKey, type RowProblem } from './convert.ts';

export type Outcome = 'create' | 'update' | 'skip' | 'reject';
type Existing = {
  id: string;
  name: string;
  ownerId: string | null;
  unitId: string | null;
  city: string;
  emails: string[];
  phones: string[];
  tax: string | null;
};
export type Decided = {
  candidate: Candidate;
  outcome: Outcome;
  problems: (RowProblem & { recordId: string | null })[];
  id: string | null;
  /** The record of the base the row looks like, when the person may see it. */
  duplicateOf: { id: string; name: string } | null;
};

/** What a run needs besides the rows: who runs it and how values are read. */
export type RunContext = ConvertContext & { actor: Actor; unitOf: Map<string, string | null> };

type Remembered = { decided: Decided; chunk: number };

/**
 * What a run knows of its file between chunks: the rows it decided to create, by duplicate key,
 * so that a later row meets them before their chunk is committed; and the ids of created rows,
 * derived from the import and the line, so that a row can never be written twice and a record of
 * the base that an earlier run of this import created names its line.
 */
export type FileMemory = {
  idOf: (line: number) => string;
  lineOf: (id: string) => number | null;
  byKey: Map<string, Remembered[]>;
  /** The chunk being decided: rows of the same chunk are still merged before they are written. */
  chunk: number;
};

/** A fresh memory; without an import (a preview) ids are random and no record of the base is the file's. */
export function fileMemory(importId?: string): FileMemory {
  const base = { byKey: new Map<string, Remembered[]>(), chunk: 0 };
  if (!importId) return { ...base, idOf: () => randomUUID(), lineOf: () => null };
  const h = createHash('sha256').update(importId).digest('hex');
  // A version 8 (custom) UUID: the import's hash, then the line in the last eight hex digits.
  const variant = ((Number.parseInt(h.charAt(16), 16) & 3) | 8).toString(16);
  const prefix = `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 24)}`;
  return {
    ...base,
    idOf: (line) => `${prefix}${line.toString(16).padStart(8, '0')}`,
    lineOf: (id) => (id.startsWith(prefix) ? Number.parseInt(id.slice(prefix.length), 16) : null),
  };
}

const memoryKeys = (keys: Keys) => [
  ...keys.emails.map((e) => `e:${e}`),
  ...keys.phones.map((p) => `p:${p}`),
  ...(keys.tax ? [`t:${keys.tax}`] : []),
  ...(keys.name ? [`n:${keys.name}`] : []),
];

function remember(memory: FileMemory, decided: Decided) {
  const entry = { decided, chunk: memory.chunk };
  for (const key of new Set(memoryKeys(decided.candidate.keys))) {
    const list = memory.byKey.get(key);
    if (list) list.push(entry);
    else memory.byKey.set(key, [entry]);
  }
}

/** The earliest created row of the file that is probably the same customer. */
function recall(memory: FileMemory, keys: Keys): Remembered | undefined {
  let best: Remembered | undefined;
  for (const key of memoryKeys(keys)) {
    for (const entry of memory.byKey.get(key) ?? []) {
      if (best && best.decided.candidate.line <= entry.decided.candidate.line) break;
      if (sameCustomer(keys, entry.decided.candidate.keys)) best = entry;
    }
  }
  return best;
}

const policyOf = (entity: TImportEntity) => (entity === 'company' ? companyPolicy : contactPolicy);

/** The duplicate keys of a stored phone_digits column (as clientela_phone_keys computes them in SQL). */
const phoneKeysOf = (digits: string) =>
  digits
    .split(' ')
    .map((d) => (d.length >= 7 ? phoneKey(d) : null))
    .filter((k): k is string => k !== null);

/** Records of the base that share a duplicate key with any of the candidates. */
async function findExisting(db: Executor, workspaceId: string, entity: TImportEntity, candidates: Candidate[]): Promise<Existing[]> {
  const emails = [...new Set(candidates.flatMap((c) => c.keys.emails))];
  const phones = [...new Set(candidates.flatMap((c) => c.keys.phones))];
  const names = [...new Set(candidates.map((c) => c.keys.name).filter(Boolean))];
  const taxes = [...new Set(candidates.map((c) => c.keys.tax).filter((t): t is string => t !== null))];
  if (emails.length + phones.length + names.length + taxes.length === 0) return [];
  const table = entity === 'company' ? sql`company` : sql`contact`;
  const tax = entity === 'company' ? sql`clientela_tax_key(tax_number)` : sql`NULL::text`;
  const taxMatch =
    entity === 'company' && taxes.length > 0
      ? sql`UNION SELECT m.id FROM unnest(${sql.param(taxes)}::text[]) AS k(v) CROSS JOIN LATERAL (
          SELECT id FROM company WHERE workspace_id = ${workspaceId} AND clientela_tax_key(tax_number) = k.v AND deleted_at IS NULL OFFSET 0) m`
      : sql``;
  type Row = {
    id: string;
    name: string;
    owner_id: string | null;
    unit_id: string | null;
    city: string | null;
    emails_normalised: string;
    phone_digits: string;
    tax: string | null;
  };
  const query = sql`
    SELECT id, name, owner_id, unit_id, city, emails_normalised, phone_digits, ${tax} AS tax
    FROM ${table}
    WHERE workspace_id = ${workspaceId} AND id = ANY(ARRAY(
      -- One index probe per key (a lateral subquery kept apart by OFFSET 0), the matches then read
      -- by primary key: estimates for a thousand keys at once (and the name expression has no
      -- statistics) made the planner scan or merge the whole table, a cost growing with the base.
      SELECT m.id FROM unnest(${sql.param(emails)}::text[]) AS k(v) CROSS JOIN LATERAL (
        SELECT id FROM ${table} WHERE string_to_array(emails_normalised, ' ') @> ARRAY[k.v] AND deleted_at IS NULL OFFSET 0) m
      UNION SELECT m.id FROM unnest(${sql.param(phones)}::text[]) AS k(v) CROSS JOIN LATERAL (
        SELECT id FROM ${table} WHERE clientela_phone_keys(phone_digits) @> ARRAY[k.v] AND deleted_at IS NULL OFFSET 0) m
      UNION SELECT m.id FROM unnest(${sql.param(names)}::text[]) AS k(v) CROSS JOIN LATERAL (
        SELECT id FROM ${table} WHERE workspace_id = ${workspaceId} AND lower(name) = k.v AND deleted_at IS NULL OFFSET 0) m
      ${taxMatch}))`;
  // Index probes only: statistics of a table growing fast lag behind, and a sequential scan chosen on
  // stale ones (checking each record against thousands of ids) took 30-60 s for one chunk.
  const rows = await db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL enable_seqscan = off`);
    return (await tx.execute<Row>(query)).rows;
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    ownerId: r.owner_id,
    unitId: r.unit_id,
    city: (r.city ?? '').replace(/\s+/g, ' ').trim().toLowerCase(),
    emails: r.emails_normalised.split(' ').filter(Boolean),
    phones: phoneKeysOf(r.phone_digits),
    tax: r.tax,
  }));
}

type Keys = Candidate['keys'];
const overlaps = (a: string[], b: string[]) => a.some((x) => b.includes(x));

/**
 * Whether two records are probably the same: a shared e-mail, phone or tax number, or the
 * same name in the same city unless their e-mails or phones say they are different people.
 */
export function sameCustomer(a: Keys, b: Keys): boolean {
  if (a.tax && a.tax === b.tax) return true;
  if (overlaps(a.emails, b.emails) || overlaps(a.phones, b.phones)) return true;
  if (!a.name || a.name !== b.name || a.city !== b.city) return false;
  const differentEmails = a.emails.length > 0 && b.emails.length > 0;
  const differentPhones = a.phones.length > 0 && b.phones.length > 0;
  return !differentEmails && !differentPhones;
}

const keysOf = (e: Existing): Keys => ({ emails: e.emails, phones: e.phones, tax: e.tax, name: e.name.toLowerCase(), city: e.city });

/**
 * Decides each row's outcome: rejected, a duplicate (skipped, updating, or created anyway), or
 * new. Rows are compared with the earlier rows of the file (the memory, kept across chunks) and
 * with the records of the base.
 */
export async function decide(
  db: Executor,
  ctx: RunContext,
  workspaceId: string,
  candidates: Candidate[],
  memory: FileMemory = fileMemory(),
): Promise<Decided[]> {
  const existing = await findExisting(
    db,
    workspaceId,
    ctx.entity,
    candidates.filter((c) => !c.empty),
  );
  const policy = policyOf(ctx.entity);
  const mayRead = new Map<string, boolean>();
  const mayUpdate = new Map<string, boolean>();
  const decided: Decided[] = [];
  for (const candidate of candidates) {
    const problems: Decided['problems'] = candidate.problems.map((p) => ({ ...p, recordId: null }));
    if (candidate.problems.some((p) => p.fatal)) {
      decided.push({ candidate, outcome: candidate.empty ? 'skip' : 'reject', problems, id: null, duplicateOf: null });
      continue;
    }
    // The file's own earlier rows first: those a previous run of this import wrote, then the ones in memory.
    const written = existing.find((e) => memory.lineOf(e.id) !== null && sameCustomer(candidate.keys, keysOf(e)));
    const recalled = written ? undefined : recall(memory, candidate.keys);
    const inFile = written
      ? { id: written.id, line: memory.lineOf(written.id) as number, into: null }
      : recalled
        ? {
            id: recalled.decided.id as string,
            line: recalled.decided.candidate.line,
            // A row of the same chunk is not written yet: the later row is merged into it.
            into: recalled.chunk === memory.chunk ? recalled.decided.candidate : null,
          }
        : undefined;
    const inBase = inFile ? undefined : existing.find((e) => sameCustomer(candidate.keys, keysOf(e)));
    const duplicate = (code: 'duplicate_in_file' | 'duplicate_in_base', recordId: string | null) =>
      problems.push({ column: null, field: null, code, value: null, stored: null, recordId });
    let outcome: Outcome = 'create';
    let id: string | null = null;
    let duplicateOf: Decided['duplicateOf'] = null;
    if (inFile) {
      if (ctx.mapping.duplicates === 'create') outcome = 'create';
      else if (ctx.mapping.duplicates === 'update') {
        if (inFile.into) absorb(inFile.into, candidate);
        outcome = 'update';
        id = inFile.id;
      } else outcome = 'skip';
      duplicate('duplicate_in_file', inFile.id);
      const last = problems.at(-1);
      if (last) last.repeatsLine = inFile.line;
    } else if (inBase) {
      const record = { ownerId: inBase.ownerId, unitId: inBase.unitId };
      const readKey = `${inBase.ownerId}|${inBase.unitId}`;
      if (!mayRead.has(readKey)) mayRead.set(readKey, await policy.can(ctx.actor, 'read', record));
      const visible = mayRead.get(readKey) === true;
      if (ctx.mapping.duplicates === 'create') outcome = 'create';
      else if (ctx.mapping.duplicates === 'update') {
        if (!mayUpdate.has(readKey)) mayUpdate.set(readKey, visible && (await policy.can(ctx.actor, 'update', record)));
        outcome = mayUpdate.get(readKey) ? 'update' : 'skip';
        if (outcome === 'update') id = inBase.id;
      } else outcome = 'skip';
      // A record the person may not read is named as a duplicate, never shown.
      duplicate('duplicate_in_base', visible ? inBase.id : null);
      if (visible) duplicateOf = { id: inBase.id, name: inBase.name };
    }
    if (outcome === 'create') id = memory.idOf(candidate.line);
    const entry = { candidate, outcome, problems, id, duplicateOf };
    decided.push(entry);
    if (outcome === 'create') remember(memory, entry);
  }
  return decided;
}

/** A later row about the same customer fills what the first one left empty and adds its phones, e-mails and tags. */
function absorb(into: Candidate, from: Candidate) {
  for (const [field, value] of Object.entries(from.fields)) if (into.fields[field] === undefined) into.fields[field] = value;
  for (const [key, value] of Object.entries(from.custom)) if (into.custom[key] === undefined) into.custom[key] = value;
  const add = <T extends { value: string }>(list: T[], more: T[]) => {
    for (const item of more) if (!list.some((i) => i.value === item.value)) list.push(item);
  };
  add(into.phones, from.phones);
  add(into.emails, from.emails);
  into.tags = [...new Set([...into.tags, ...from.tags])];
  into.ownerId ??= from.ownerId;
  into.companyName ??= from.companyName;
  into.parentName ??= from.parentName;
}
