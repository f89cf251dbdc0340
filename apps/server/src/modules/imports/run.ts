import type { TImportEntity } from '@clientela/contract';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { CountryCode } from 'libphonenumber-js';
import type { Database, Executor } from '../../db/client.ts';
import { actorOfUser } from '../auth/actor.ts';
import { companies, companyGroups, companyPolicy } from '../companies/index.ts';
import { contactPolicy } from '../contacts/contacts.policy.ts';
import { customFields, type Definition, definitionsOf } from '../custom-fields/index.ts';
import { recordChange } from '../history/index.ts';
import { users } from '../users/index.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';
import { type Candidate, convertRow } from './convert.ts';
import { type Decided, decide, type FileMemory, fileMemory, type RunContext } from './decide.ts';
import { headerKey, isCustomerEntity } from './fields.ts';
import { writeDeals } from './import-deals.ts';
import { writeExchangeRates } from './import-exchange-rates.ts';
import { writeLeads } from './import-leads.ts';
import { writeProducts } from './import-products.ts';
import { writeUsers } from './import-users.ts';
import { dataImportFiles, dataImportLinks, dataImportProblems, dataImports, type ImportCounts } from './imports.table.ts';
import { type FileRow, readFile } from './read-file.ts';
import { type RecordWriter, runRecordRows } from './record-rows.ts';

/** How the rows of a product, people, deal, exchange-rate or lead import are written. */
export const RECORD_WRITERS: Record<'product' | 'user' | 'deal' | 'exchange_rate' | 'lead', RecordWriter> = {
  product: writeProducts,
  user: writeUsers,
  deal: writeDeals,
  exchange_rate: writeExchangeRates,
  lead: writeLeads,
};

/**
 * Rows written per transaction: each commits its rows, their problems and the progress together.
 * A small file still moves its progress bar in about fifty steps.
 */
const CHUNK_MAX = 2000;
const chunkSize = (rows: number) => Math.min(CHUNK_MAX, Math.max(100, Math.ceil(rows / 50)));
/** Rows after which the target table's statistics are renewed (and again each time the run's rows double). */
const ANALYZE_EVERY = 1_000;
const LOCALE_COUNTRY: Record<string, CountryCode> = { ru: 'RU', it: 'IT' };

/** The workspace's default phone country, else the one of the person's language (Russian → RU, Italian → IT). */
export async function defaultCountryOf(db: Executor, workspaceId: string, userId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ country: workspaces.defaultCountry, locale: users.locale })
    .from(users)
    .innerJoin(workspaces, eq(workspaces.id, users.workspaceId))
    .where(and(eq(users.workspaceId, workspaceId), eq(users.id, userId)));
  return row?.country ?? LOCALE_COUNTRY[row?.locale ?? ''];
}

/** The context converting and writing rows for an import: its creator, the workspace's users, the fields. */
export async function runContext(db: Database, row: typeof dataImports.$inferSelect): Promise<RunContext | null> {
  const actor = await actorOfUser(db, row.workspaceId, row.createdBy);
  if (!actor) return null;
  const people = await db
    .select({ id: users.id, email: users.email, name: users.name, unitId: users.unitId })
    .from(users)
    .where(eq(users.workspaceId, row.workspaceId));
  const byKey = new Map<string, string>();
  for (const person of people) {
    byKey.set(person.email.toLowerCase(), person.id);
    byKey.set(headerKey(person.name), person.id);
  }
  const country = row.mapping.defaultCountry ?? (await defaultCountryOf(db, row.workspaceId, row.createdBy));
  return {
    entity: row.entity,
    mapping: row.mapping,
    definitions: isCustomerEntity(row.entity) ? await definitionsOf(db, row.workspaceId, row.entity) : [],
    users: byKey,
    defaultCountry: country as CountryCode | undefined,
    actor,
    unitOf: new Map(people.map((p) => [p.id, p.unitId])),
  };
}

const policyOf = (entity: TImportEntity) => (entity === 'company' ? companyPolicy : contactPolicy);

const COMPANY_COLUMNS = ['name', 'legalName', 'taxNumber', 'website'] as const;
const CONTACT_COLUMNS = ['firstName', 'lastName', 'position', 'birthday', 'preferredChannel', 'preferences', 'personalEvents'] as const;
const SHARED_COLUMNS = ['status', 'class', 'region', 'city', 'address', 'leadSource', 'notes'] as const;
const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
/** The columns a new record fills from its fields, with their names in the table (worked out once, not per row). */
const RECORD_COLUMNS = {
  company: [...COMPANY_COLUMNS, ...SHARED_COLUMNS].map((field) => [field, snake(field)] as const),
  contact: [...CONTACT_COLUMNS, ...SHARED_COLUMNS].map((field) => [field, snake(field)] as const),
};

/** The stored record of a new row, in the table's column names. */
function recordOf(ctx: RunContext, candidate: Candidate, id: string, ownerId: string): Record<string, unknown> {
  const record: Record<string, unknown> = { id, owner_id: ownerId, unit_id: ctx.unitOf.get(ownerId) ?? null };
  for (const [field, column] of RECORD_COLUMNS[ctx.entity === 'contact' ? 'contact' : 'company'])
    record[column] = candidate.fields[field] ?? null;
  if (ctx.entity === 'contact') {
    record.first_name ??= '';
    record.last_name ??= '';
  }
  record.status ??= 'new';
  record.relationships = (candidate.fields.relationships as string[] | undefined) ?? ['client'];
  record.phones = candidate.phones;
  record.emails = candidate.emails;
  record.phone_digits = candidate.phones.map((p) => p.value.replace(/\D/g, '')).join(' ');
  record.emails_normalised = candidate.emails.map((e) => e.value).join(' ');
  record.tags = candidate.tags;
  record.custom = candidate.custom;
  return record;
}

/** Inserts new records in one statement, and one history entry for each. */
async function insertRecords(tx: Executor, ctx: RunContext, workspaceId: string, records: Record<string, unknown>[]) {
  if (records.length === 0) return;
  const own =
    ctx.entity === 'company'
      ? sql`name text, legal_name text, tax_number text, website text`
      : sql`first_name text, last_name text, position text, birthday date, preferred_channel text, preferences text, personal_events text`;
  const ownColumns =
    ctx.entity === 'company'
      ? sql`name, legal_name, tax_number, website`
      : sql`first_name, last_name, position, birthday, preferred_channel, preferences, personal_events`;
  const table = ctx.entity === 'company' ? sql`company` : sql`contact`;
  await tx.execute(sql`
    INSERT INTO ${table} (workspace_id, id, ${ownColumns}, status, class, region, city, address, lead_source, notes,
      relationships, phones, emails, phone_digits, emails_normalised, tags, custom, owner_id, unit_id)
    SELECT ${workspaceId}, id, ${ownColumns}, status, class, region, city, address, lead_source, notes,
      relationships, phones, emails, phone_digits, emails_normalised, tags, custom, owner_id, unit_id
    FROM jsonb_to_recordset(${JSON.stringify(records)}::jsonb) AS x(id uuid, ${own}, status text, class text, region text,
      city text, address text, lead_source text, notes text, relationships text[], phones jsonb, emails jsonb,
      phone_digits text, emails_normalised text, tags text[], custom jsonb, owner_id uuid, unit_id uuid)`);
  // One "created" entry per record; the values as imported are the record's own, the originals stay in the import.
  await tx.execute(sql`
    INSERT INTO record_change (workspace_id, entity_type, entity_id, actor_id, action, changes)
    SELECT ${workspaceId}, ${ctx.entity}, entity_id, ${ctx.actor.userId}, 'created', '[]'::jsonb
    FROM unnest(${sql.param(records.map((r) => r.id))}::uuid[]) AS x(entity_id)`);
}

/** Updates an existing record with the row's values: filled fields replace, phones, e-mails and tags add up. */
async function updateRecord(tx: Executor, ctx: RunContext, workspaceId: string, id: string, candidate: Candidate) {
  const table = ctx.entity === 'company' ? sql`company` : sql`contact`;
  const locked = await tx.execute<Record<string, unknown>>(
    sql`SELECT * FROM ${table} WHERE workspace_id = ${workspaceId} AND id = ${id} FOR UPDATE`,
  );
  const before = locked.rows[0];
  if (!before) return;
  const own = ctx.entity === 'company' ? COMPANY_COLUMNS : CONTACT_COLUMNS;
  const sets: ReturnType<typeof sql>[] = [];
  const changes: { field: string; old: unknown; new: unknown }[] = [];
  for (const column of [...own, ...SHARED_COLUMNS, 'relationships']) {
    const value = candidate.fields[column];
    const name = snake(column);
    if (value === undefined || value === null || value === '') continue;
    if (JSON.stringify(before[name]) === JSON.stringify(value)) continue;
    sets.push(
      column === 'relationships' ? sql`${sql.identifier(name)} = ${sql.param(value)}::text[]` : sql`${sql.identifier(name)} = ${value}`,
    );
    changes.push({ field: column, old: before[name] ?? null, new: value });
  }
  const merge = (current: { label: string; value: string }[], more: { label: string; value: string }[]) => {
    const result = [...current];
    for (const item of more) if (!result.some((r) => r.value === item.value)) result.push(item);
    return result;
  };
  const phones = merge((before.phones as { label: string; value: string }[]) ?? [], candidate.phones);
  const emails = merge((before.emails as { label: string; value: string }[]) ?? [], candidate.emails);
  const tags = [...new Set([...((before.tags as string[]) ?? []), ...candidate.tags])].slice(0, 50);
  if (phones.length !== (before.phones as unknown[]).length) {
    sets.push(sql`phones = ${JSON.stringify(phones)}::jsonb, phone_digits = ${phones.map((p) => p.value.replace(/\D/g, '')).join(' ')}`);
    changes.push({ field: 'phones', old: before.phones, new: phones });
  }
  if (emails.length !== (before.emails as unknown[]).length) {
    sets.push(sql`emails = ${JSON.stringify(emails)}::jsonb, emails_normalised = ${emails.map((e) => e.value.toLowerCase()).join(' ')}`);
    changes.push({ field: 'emails', old: before.emails, new: emails });
  }
  if (tags.length !== (before.tags as unknown[]).length) {
    sets.push(sql`tags = ${sql.param(tags)}::text[]`);
    changes.push({ field: 'tags', old: before.tags, new: tags });
  }
  const custom = before.custom as Record<string, unknown>;
  for (const [key, value] of Object.entries(candidate.custom)) {
    if (JSON.stringify(custom[key]) !== JSON.stringify(value))
      changes.push({ field: `custom.${key}`, old: custom[key] ?? null, new: value });
  }
  if (Object.keys(candidate.custom).length > 0) sets.push(sql`custom = custom || ${JSON.stringify(candidate.custom)}::jsonb`);
  if (sets.length === 0) return;
  await tx.execute(
    sql`UPDATE ${table} SET ${sql.join(sets, sql`, `)}, updated_at = now() WHERE workspace_id = ${workspaceId} AND id = ${id}`,
  );
  await tx.execute(sql`
    INSERT INTO record_change (workspace_id, entity_type, entity_id, actor_id, action, changes)
    VALUES (${workspaceId}, ${ctx.entity}, ${id}, ${ctx.actor.userId}, 'updated', ${JSON.stringify(changes)}::jsonb)`);
}

/** The companies named by imported contacts, among those the importer may see; a name not found is reported. */
async function companiesNamed(db: Executor, ctx: RunContext, workspaceId: string, decided: Decided[]) {
  const wanted = decided.filter((d) => (d.outcome === 'create' || d.outcome === 'update') && d.id && d.candidate.companyName);
  if (wanted.length === 0) return [];
  const names = [...new Set(wanted.map((d) => (d.candidate.companyName ?? '').toLowerCase()))];
  const found = await db
    .select({ id: companies.id, key: sql<string>`lower(${companies.name})` })
    .from(companies)
    .where(
      and(
        eq(companies.workspaceId, workspaceId),
        isNull(companies.deletedAt),
        sql`lower(${companies.name}) = ANY(${sql.param(names)}::text[])`,
        await companyPolicy.filter(ctx.actor, 'read', { owner: companies.ownerId, unit: companies.unitId }),
      ),
    );
  const byName = new Map(found.map((f) => [f.key, f.id]));
  const links: { contact_id: string; company_id: string }[] = [];
  const column = ctx.mapping.columns.findIndex((c) => c.field === 'company');
  for (const d of wanted) {
    const companyId = byName.get((d.candidate.companyName ?? '').toLowerCase());
    if (companyId && d.id) links.push({ contact_id: d.id, company_id: companyId });
    else
      d.problems.push({ column, field: 'company', code: 'unknown_company', value: d.candidate.companyName, stored: null, recordId: null });
  }
  return links;
}

/** Adds the values the person chose to keep as written to the choice fields they belong to. */
async function learnKeptOptions(tx: Executor, ctx: RunContext, workspaceId: string) {
  for (const [field, decisions] of Object.entries(ctx.mapping.values)) {
    if (!field.startsWith('custom.')) continue;
    const definition = ctx.definitions.find((d) => `custom.${d.key}` === field);
    if (!definition || (definition.type !== 'select' && definition.type !== 'multiselect')) continue;
    const kept = Object.entries(decisions)
      .filter(([value, d]) => d.action === 'keep' && !definition.options.some((o) => o.value === value))
      .map(([value]) => ({ value: value.slice(0, 100), label: value.slice(0, 200) }));
    if (kept.length === 0) continue;
    definition.options = [...definition.options, ...kept].slice(0, 200);
    await tx
      .update(customFields)
      .set({ options: definition.options })
      .where(and(eq(customFields.workspaceId, workspaceId), eq(customFields.id, definition.id)));
  }
}

/** A chunk of rows decided and turned into what its transaction writes. */
type Plan = {
  start: number;
  end: number;
  records: Record<string, unknown>[];
  /** Rows that update a record: of the base, or of an earlier chunk of the file. */
  updates: Decided[];
  companyLinks: { contact_id: string; company_id: string }[];
  parentLinks: { line: number; record_id: string; parent_name: string }[];
  problems: Record<string, unknown>[];
  counts: ImportCounts;
};

/**
 * Converts and decides one chunk of rows and prepares its writes, reading the base on its own
 * connection: it runs while the previous chunk is being written.
 */
async function planChunk(
  db: Database,
  ctx: RunContext,
  imp: typeof dataImports.$inferSelect,
  rows: FileRow[],
  start: number,
  memory: FileMemory,
  statistics: { analyzedAt: number },
): Promise<Plan> {
  const chunk = rows.slice(start, start + chunkSize(rows.length));
  memory.chunk += 1;
  // Fresh statistics keep the duplicate lookups on their indexes: on a table never analysed yet (a
  // new workspace's first import), one chunk's lookup took 26-184 s instead of tens of milliseconds.
  if (statistics.analyzedAt < 0 || start - statistics.analyzedAt >= Math.max(ANALYZE_EVERY, statistics.analyzedAt)) {
    statistics.analyzedAt = start;
    await db.execute(ctx.entity === 'company' ? sql`ANALYZE company` : sql`ANALYZE contact`);
  }
  const decided = await decide(
    db,
    ctx,
    imp.workspaceId,
    chunk.map((row) => convertRow(row, ctx)),
    memory,
  );
  const policy = policyOf(ctx.entity);
  const allowed = new Map<string, boolean>();
  const created = new Map<string, Decided>();
  const ownerColumn = ctx.mapping.columns.findIndex((c) => c.field === 'owner');
  for (const d of decided) {
    if (d.outcome !== 'create' || !d.id) continue;
    let ownerId = d.candidate.ownerId ?? ctx.actor.userId;
    if (!allowed.has(ownerId))
      allowed.set(ownerId, await policy.can(ctx.actor, 'create', { ownerId, unitId: ctx.unitOf.get(ownerId) ?? null }));
    if (!allowed.get(ownerId)) {
      // Records go to the importer when they may not give them to the person named in the file.
      d.problems.push({
        column: ownerColumn,
        field: 'owner',
        code: 'unknown_owner',
        value: d.candidate.cells[ownerColumn] ?? null,
        stored: null,
        recordId: null,
      });
      ownerId = ctx.actor.userId;
    }
    d.candidate.ownerId = ownerId;
    created.set(d.id, d);
  }
  // Records are built after every row of the chunk is decided: a later row may have merged into an earlier one.
  const records = [...created.values()].map((d) => recordOf(ctx, d.candidate, d.id as string, d.candidate.ownerId as string));
  const updates = decided.filter((d) => d.outcome === 'update' && d.id && !created.has(d.id));
  const companyLinks = ctx.entity === 'contact' ? await companiesNamed(db, ctx, imp.workspaceId, decided) : [];
  const parentLinks = decided
    .filter((d) => (d.outcome === 'create' || d.outcome === 'update') && d.id && d.candidate.parentName)
    .map((d) => ({ line: d.candidate.line, record_id: d.id as string, parent_name: d.candidate.parentName as string }));
  const problems = decided.flatMap((d) =>
    d.problems.map((p, seq) => ({
      line: d.candidate.line,
      seq,
      column: p.column,
      field: p.field,
      code: p.code,
      value: p.value,
      stored: p.stored,
      outcome: d.outcome,
      record_id: p.recordId ?? (d.outcome === 'create' || d.outcome === 'update' ? d.id : null),
      repeats_line: p.repeatsLine ?? null,
    })),
  );
  const counts: ImportCounts = { created: 0, updated: 0, skipped: 0, rejected: 0, modified: 0 };
  for (const d of decided) {
    if (d.outcome === 'create') counts.created += 1;
    else if (d.outcome === 'update') counts.updated += 1;
    else if (d.outcome === 'skip') counts.skipped += 1;
    else counts.rejected += 1;
    if ((d.outcome === 'create' || d.outcome === 'update') && d.problems.some((p) => !p.code.startsWith('duplicate_')))
      counts.modified += 1;
  }
  return { start, end: start + chunk.length, records, updates, companyLinks, parentLinks, problems, counts };
}

/** Writes a planned chunk's new rows: records, parent links and problems, in the caller's transaction (one statement each). */
async function writeChunk(tx: Executor, ctx: RunContext, imp: typeof dataImports.$inferSelect, plan: Plan) {
  await insertRecords(tx, ctx, imp.workspaceId, plan.records);
  if (plan.parentLinks.length > 0)
    await tx.execute(sql`
      INSERT INTO data_import_link (workspace_id, import_id, line, record_id, parent_name)
      SELECT ${imp.workspaceId}, ${imp.id}, line, record_id, parent_name
      FROM jsonb_to_recordset(${JSON.stringify(plan.parentLinks)}::jsonb) AS x(line int, record_id uuid, parent_name text)
      ON CONFLICT DO NOTHING`);
  // One statement whatever the number of problems: a parameter list per row made it the slowest write after the records.
  if (plan.problems.length > 0)
    await tx.execute(sql`
      INSERT INTO data_import_problem (workspace_id, import_id, line, seq, "column", field, code, value, stored, outcome, record_id, repeats_line)
      SELECT ${imp.workspaceId}, ${imp.id}, line, seq, "column", field, code, value, stored, outcome, record_id, repeats_line
      FROM jsonb_to_recordset(${JSON.stringify(plan.problems)}::jsonb) AS x(line int, seq int, "column" int, field text, code text,
        value text, stored text, outcome text, record_id uuid, repeats_line int)`);
}

const add = (a: ImportCounts, b: ImportCounts): ImportCounts => ({
  created: a.created + b.created,
  updated: a.updated + b.updated,
  skipped: a.skipped + b.skipped,
  rejected: a.rejected + b.rejected,
  modified: a.modified + b.modified,
});

/** After every row: parents named in the file become group links (the parent heads the group). */
async function linkParents(tx: Executor, ctx: RunContext, imp: typeof dataImports.$inferSelect) {
  const links = await tx
    .select()
    .from(dataImportLinks)
    .where(and(eq(dataImportLinks.workspaceId, imp.workspaceId), eq(dataImportLinks.importId, imp.id)));
  if (links.length === 0) return;
  const names = [...new Set(links.map((l) => l.parentName.toLowerCase()))];
  const parents = await tx
    .select({ id: companies.id, key: sql<string>`lower(${companies.name})`, name: companies.name, groupId: companies.groupId })
    .from(companies)
    .where(
      and(
        eq(companies.workspaceId, imp.workspaceId),
        isNull(companies.deletedAt),
        sql`lower(${companies.name}) = ANY(${sql.param(names)}::text[])`,
      ),
    );
  const column = ctx.mapping.columns.findIndex((c) => c.field === 'parentCompany');
  const problems: (typeof dataImportProblems.$inferInsert)[] = [];
  const report = (line: number, code: 'unknown_parent' | 'ambiguous_parent', value: string, recordId: string) =>
    problems.push({
      workspaceId: imp.workspaceId,
      importId: imp.id,
      line,
      seq: 100,
      column,
      field: 'parentCompany',
      code,
      value,
      stored: null,
      outcome: 'create',
      recordId,
    });
  for (const link of links) {
    const matches = parents.filter((p) => p.key === link.parentName.toLowerCase() && p.id !== link.recordId);
    const parent = matches[0];
    if (matches.length !== 1 || !parent) {
      report(link.line, matches.length === 0 ? 'unknown_parent' : 'ambiguous_parent', link.parentName, link.recordId);
      continue;
    }
    let groupId = parent.groupId;
    if (!groupId) {
      const [group] = await tx
        .insert(companyGroups)
        .values({ workspaceId: imp.workspaceId, name: parent.name })
        .returning({ id: companyGroups.id });
      groupId = group?.id ?? null;
      parent.groupId = groupId;
      await tx
        .update(companies)
        .set({ groupId })
        .where(and(eq(companies.workspaceId, imp.workspaceId), eq(companies.id, parent.id)));
      await recordChange(tx, {
        workspaceId: imp.workspaceId,
        entityType: 'company',
        entityId: parent.id,
        actorId: ctx.actor.userId,
        action: 'updated',
        before: { groupId: null },
        after: { groupId },
        fields: ['groupId'],
      });
    }
    await tx
      .update(companies)
      .set({ groupId, parentCompanyId: parent.id })
      .where(and(eq(companies.workspaceId, imp.workspaceId), eq(companies.id, link.recordId)));
    await recordChange(tx, {
      workspaceId: imp.workspaceId,
      entityType: 'company',
      entityId: link.recordId,
      actorId: ctx.actor.userId,
      action: 'updated',
      before: { groupId: null, parentCompanyId: null },
      after: { groupId, parentCompanyId: parent.id },
      fields: ['groupId', 'parentCompanyId'],
    });
  }
  if (problems.length > 0) await tx.insert(dataImportProblems).values(problems).onConflictDoNothing();
}

async function loadImport(db: Executor, workspaceId: string, importId: string, lock: boolean) {
  const query = db
    .select()
    .from(dataImports)
    .where(and(eq(dataImports.workspaceId, workspaceId), eq(dataImports.id, importId)));
  // Not FOR UPDATE: the foreign keys of a chunk's problems hold a key-share lock on the import,
  // which must not block the previous chunk's writer while this one waits for it.
  const [row] = lock ? await query.for('no key update') : await query;
  return row ?? null;
}

/** Chunks in flight at once: one is written while the next is planned. */
const WRITERS = 2;
class Stale extends Error {}

/**
 * Writes one planned chunk in a transaction, once the previous chunk's transaction has ended; takes
 * the lock on the import and commits only if the import stands exactly where the chunk starts (the
 * previous chunk committed, no other run moved on); else it rolls back. It no longer writes its rows
 * while the previous chunk is still open: new companies and contacts add to the KPI board's
 * aggregate rows in the same transaction, so a later chunk that got there first would hold the row
 * the earlier one needs while waiting for it to commit, and both would wait for ever.
 */
async function writePlan(
  db: Database,
  ctx: RunContext,
  imp: typeof dataImports.$inferSelect,
  plan: Plan,
  previous: Promise<unknown> | null,
) {
  const where = and(eq(dataImports.workspaceId, imp.workspaceId), eq(dataImports.id, imp.id));
  try {
    await previous?.catch(() => {});
    await db.transaction(async (tx) => {
      await writeChunk(tx, ctx, imp, plan);
      const current = await loadImport(tx, imp.workspaceId, imp.id, true);
      if (!current || (current.status !== 'queued' && current.status !== 'running') || current.processed !== plan.start) throw new Stale();
      if (current.status === 'queued') {
        await learnKeptOptions(tx, ctx, imp.workspaceId);
        await tx.update(dataImports).set({ status: 'running', startedAt: sql`coalesce(started_at, now())` }).where(where);
      }
      for (const d of plan.updates) await updateRecord(tx, ctx, imp.workspaceId, d.id as string, d.candidate);
      if (plan.companyLinks.length > 0)
        await tx.execute(sql`
          INSERT INTO contact_company (workspace_id, contact_id, company_id, role)
          SELECT ${imp.workspaceId}, contact_id, company_id, '' FROM jsonb_to_recordset(${JSON.stringify(plan.companyLinks)}::jsonb) AS x(contact_id uuid, company_id uuid)
          ON CONFLICT DO NOTHING`);
      await tx
        .update(dataImports)
        .set({ processed: plan.end, counts: add(current.counts, plan.counts) })
        .where(where);
    });
    return true;
  } catch (error) {
    // Another run wrote these rows first (their ids are taken), or waited for this one: both start again from the committed point.
    if (error instanceof Stale || RACED.has(pgCode(error) ?? '')) return false;
    throw error;
  }
}

const RACED = new Set(['23505', '40P01']);
const pgCode = (error: unknown): string | undefined => {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | null;
  const code = e?.code ?? e?.cause?.code;
  return typeof code === 'string' ? code : undefined;
};

/**
 * Runs an import from where it stopped: chunk by chunk, each chunk's records, problems and
 * progress committed together under a lock on the import, in the file's order, so that two
 * processes (or a retried job) never write the same rows; the records' ids, derived from the
 * import and the line, make a second copy impossible anyway. Safe to call any number of times.
 *
 * Chunks overlap: one is converted and decided in Node (rows of chunks not committed yet are met
 * in the run's memory of its file) while the one before it is written.
 */
export async function runImport(db: Database, workspaceId: string, importId: string, stopping: () => boolean = () => false): Promise<void> {
  const imp = await loadImport(db, workspaceId, importId, false);
  if (!imp || (imp.status !== 'queued' && imp.status !== 'running')) return;
  if (!isCustomerEntity(imp.entity)) return runRecords(db, imp, imp.entity, stopping);
  const ctx = await runContext(db, imp);
  if (!ctx) {
    await db
      .update(dataImports)
      .set({ status: 'failed', error: 'The person who started the import is no longer active', finishedAt: sql`now()` })
      .where(and(eq(dataImports.workspaceId, workspaceId), eq(dataImports.id, importId)));
    return;
  }
  const [file] = await db
    .select({ content: dataImportFiles.content })
    .from(dataImportFiles)
    .where(and(eq(dataImportFiles.workspaceId, workspaceId), eq(dataImportFiles.importId, importId)));
  if (!file) return;
  const { rows } = await readFile(file.content);
  let start = imp.processed;
  let stalls = 0;
  const statistics = { analyzedAt: -1 };
  while (!stopping()) {
    const memory = fileMemory(importId);
    const writes: Promise<boolean>[] = [];
    let next: Promise<Plan> | null = start < rows.length ? planChunk(db, ctx, imp, rows, start, memory, statistics) : null;
    let inOrder = true;
    try {
      while (next && inOrder && !stopping()) {
        const plan = await next;
        next = plan.end < rows.length ? planChunk(db, ctx, imp, rows, plan.end, memory, statistics) : null;
        next?.catch(() => {}); // Awaited below or in `finally`.
        const write = writePlan(db, ctx, imp, plan, writes.at(-1) ?? null);
        write.catch(() => {}); // Its failure is thrown where it is awaited, not as an unhandled rejection meanwhile.
        writes.push(write);
        if (writes.length >= WRITERS) inOrder = await (writes.shift() as Promise<boolean>);
      }
      for (const write of writes) inOrder = (await write) && inOrder;
    } finally {
      await Promise.allSettled([next, ...writes]);
    }
    const current = await loadImport(db, workspaceId, importId, false);
    if (!current || (current.status !== 'queued' && current.status !== 'running')) return;
    // Another run moved on, or this one stopped: continue from the last committed chunk.
    if (!inOrder && current.processed === start) {
      // A conflict that no other run explains (no row moved on) would come back forever.
      stalls += 1;
      if (stalls > 10) throw new Error(`import ${importId} makes no progress at row ${start}`);
      await new Promise((resolve) => setTimeout(resolve, 50 * stalls));
    } else stalls = 0;
    start = current.processed;
    if (start < rows.length) continue;
    const finished = await db.transaction(async (tx) => {
      const locked = await loadImport(tx, workspaceId, importId, true);
      if (!locked || (locked.status !== 'queued' && locked.status !== 'running')) return true;
      if (locked.processed !== rows.length) return false;
      if (locked.status === 'queued') await learnKeptOptions(tx, ctx, workspaceId);
      if (!locked.linked && ctx.entity === 'company') await linkParents(tx, ctx, locked);
      await tx
        .update(dataImports)
        .set({ status: 'done', linked: sql`now()`, startedAt: sql`coalesce(started_at, now())`, finishedAt: sql`now()` })
        .where(and(eq(dataImports.workspaceId, workspaceId), eq(dataImports.id, importId)));
      return true;
    });
    if (finished) return;
  }
}

/** Runs a product, people, deal or exchange-rate import: the same durable, resumable run, one chunk per transaction. */
async function runRecords(
  db: Database,
  imp: typeof dataImports.$inferSelect,
  entity: keyof typeof RECORD_WRITERS,
  stopping: () => boolean,
) {
  const where = and(eq(dataImports.workspaceId, imp.workspaceId), eq(dataImports.id, imp.id));
  const actor = await actorOfUser(db, imp.workspaceId, imp.createdBy);
  if (!actor) {
    await db
      .update(dataImports)
      .set({ status: 'failed', error: 'The person who started the import is no longer active', finishedAt: sql`now()` })
      .where(where);
    return;
  }
  const [file] = await db
    .select({ content: dataImportFiles.content })
    .from(dataImportFiles)
    .where(and(eq(dataImportFiles.workspaceId, imp.workspaceId), eq(dataImportFiles.importId, imp.id)));
  if (!file) return;
  const { rows } = await readFile(file.content);
  const job = { imp, actor, mapping: imp.mapping, memory: fileMemory(imp.id) };
  await runRecordRows(db, job, rows, RECORD_WRITERS[entity], stopping);
}

export type { Definition, RunContext };
