import type { TDuplicateCheckInput, TDuplicateEntity, TDuplicatePair, TDuplicateRecord } from '@clientela/contract';
import { ZDuplicateCheckInput } from '@clientela/contract';
import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { companies, companyPolicy } from '../companies/index.ts';
import { contactPolicy } from '../contacts/contacts.policy.ts';
import { contacts } from '../contacts/contacts.table.ts';
import { normaliseEmail } from '../customers/index.ts';
import { nameKey, phoneKey, taxKey } from '../imports/convert.ts';
import { duplicateDismissals } from './duplicates.table.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Keys shared by more records than this are generic ("info@…", a switchboard number), not duplicates. */
const SHARED_KEY_MAX = 20;
/** How alike two names in the same city must be (trigram similarity) to be offered as duplicates. */
const SIMILAR_NAME = 0.6;

const tableOf = (entity: TDuplicateEntity) => (entity === 'company' ? sql`company` : sql`contact`);

/** The live records of the entity the actor may read, as a subquery of ids. */
export async function visibleIds(ctx: Ctx, entity: TDuplicateEntity): Promise<SQL> {
  if (entity === 'company') {
    const where = and(
      eq(companies.workspaceId, ctx.actor.workspaceId),
      isNull(companies.deletedAt),
      await companyPolicy.filter(ctx.actor, 'read', { owner: companies.ownerId, unit: companies.unitId }),
    );
    return sql`(SELECT ${companies.id} FROM ${companies} WHERE ${where})`;
  }
  const where = and(
    eq(contacts.workspaceId, ctx.actor.workspaceId),
    isNull(contacts.deletedAt),
    await contactPolicy.filter(ctx.actor, 'read', { owner: contacts.ownerId, unit: contacts.unitId }),
  );
  return sql`(SELECT ${contacts.id} FROM ${contacts} WHERE ${where})`;
}

type RecordRow = {
  id: string;
  name: string;
  city: string | null;
  emails: { value: string }[];
  phones: { value: string }[];
  tax_number: string | null;
  owner_id: string | null;
  owner_name: string | null;
  updated_at: Date | string;
};

const RECORD_COLUMNS = (entity: TDuplicateEntity) => sql`r.id, r.name, r.city, r.emails, r.phones,
  ${entity === 'company' ? sql`r.tax_number` : sql`NULL::text AS tax_number`}, r.owner_id, u.name AS owner_name, r.updated_at`;

function presentRecord(row: RecordRow): TDuplicateRecord {
  return {
    id: row.id,
    name: row.name,
    city: row.city,
    emails: row.emails.map((e) => e.value),
    phones: row.phones.map((p) => p.value),
    taxNumber: row.tax_number,
    owner: row.owner_id && row.owner_name ? { id: row.owner_id, name: row.owner_name } : null,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

async function recordsById(ctx: Ctx, entity: TDuplicateEntity, ids: string[]): Promise<Map<string, TDuplicateRecord>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.db.execute<RecordRow>(sql`
    SELECT ${RECORD_COLUMNS(entity)} FROM ${tableOf(entity)} r
    LEFT JOIN app_user u ON u.workspace_id = r.workspace_id AND u.id = r.owner_id
    WHERE r.workspace_id = ${ctx.actor.workspaceId} AND r.id = ANY(${sql.param(ids)}::uuid[])`);
  return new Map(rows.rows.map((row) => [row.id, presentRecord(row)]));
}

/**
 * Probable duplicate pairs across the records the actor may see: a shared e-mail, phone (last
 * ten digits) or tax number, or the same name in the same city. Pairs said to be different are left out.
 */
export async function listDuplicatePairs(ctx: Ctx, entity: TDuplicateEntity, limit: number, cursor: string | undefined) {
  const table = tableOf(entity);
  const visible = await visibleIds(ctx, entity);
  const [afterA, afterB] = cursor?.split('|') ?? [];
  // A cursor is two record ids; anything else would reach PostgreSQL as a failing uuid cast.
  if (cursor && !(afterA && afterB && UUID.test(afterA) && UUID.test(afterB))) {
    throw new AppError('validation_failed', 'The cursor is not valid', { errors: [{ path: 'cursor', message: 'Invalid cursor' }] });
  }
  const after = afterA && afterB ? sql`AND (a_id, b_id) > (${afterA}::uuid, ${afterB}::uuid)` : sql``;
  const tax =
    entity === 'company'
      ? sql`UNION ALL SELECT id, 'tax_number', clientela_tax_key(tax_number) FROM live WHERE tax_number IS NOT NULL`
      : sql``;
  const result = await ctx.db.execute<{ a_id: string; b_id: string; reasons: string[]; total: number }>(sql`
    WITH live AS (
      SELECT id, name, city, emails_normalised, phone_digits${entity === 'company' ? sql`, tax_number` : sql``}
      FROM ${table} WHERE workspace_id = ${ctx.actor.workspaceId} AND deleted_at IS NULL AND id IN ${visible}
    ), keyed AS (
      SELECT id, 'email' AS reason, unnest(string_to_array(emails_normalised, ' ')) AS key FROM live WHERE emails_normalised <> ''
      UNION ALL SELECT id, 'phone', unnest(clientela_phone_keys(phone_digits)) FROM live WHERE phone_digits <> ''
      UNION ALL SELECT id, 'name_city', lower(regexp_replace(btrim(name), '\\s+', ' ', 'g')) || '|' || lower(btrim(coalesce(city, ''))) FROM live
      ${tax}
    ), shared AS (
      SELECT reason, key, array_agg(id ORDER BY id) AS ids FROM keyed WHERE key IS NOT NULL AND key <> ''
      GROUP BY reason, key HAVING count(*) BETWEEN 2 AND ${SHARED_KEY_MAX}
    ), pairs AS (
      SELECT a AS a_id, b AS b_id, array_agg(DISTINCT reason ORDER BY reason) AS reasons
      FROM shared, unnest(ids) AS a, unnest(ids) AS b WHERE a < b GROUP BY a, b
    ), open AS (
      SELECT * FROM pairs p WHERE NOT EXISTS (
        SELECT 1 FROM duplicate_dismissal d WHERE d.workspace_id = ${ctx.actor.workspaceId} AND d.entity = ${entity}
          AND d.a_id = p.a_id AND d.b_id = p.b_id)
    )
    SELECT a_id, b_id, reasons, count(*) OVER ()::int AS total FROM open WHERE true ${after}
    ORDER BY a_id, b_id LIMIT ${limit + 1}`);
  const rows = result.rows.slice(0, limit);
  const records = await recordsById(
    ctx,
    entity,
    rows.flatMap((r) => [r.a_id, r.b_id]),
  );
  const data: TDuplicatePair[] = rows.flatMap((r) => {
    const a = records.get(r.a_id);
    const b = records.get(r.b_id);
    return a && b ? [{ entity, a, b, reasons: r.reasons as TDuplicatePair['reasons'] }] : [];
  });
  const last = rows.at(-1);
  // Counted after the cursor: the first page's total is every open pair.
  const total = result.rows[0]?.total ?? 0;
  return { data, nextCursor: result.rows.length > limit && last ? `${last.a_id}|${last.b_id}` : null, total };
}

/**
 * Probable duplicates of a record about to be created (or edited): the same e-mail, phone or
 * tax number, or a name alike in the same city — among the records the actor may see.
 */
export async function checkDuplicates(ctx: Ctx, raw: TDuplicateCheckInput) {
  const input = ZDuplicateCheckInput.parse(raw);
  const entity = input.entity;
  const table = tableOf(entity);
  const name = entity === 'company' ? (input.name ?? '') : `${input.firstName ?? ''} ${input.lastName ?? ''}`.trim() || (input.name ?? '');
  const emails = (input.emails ?? []).map(normaliseEmail).filter(Boolean);
  const phones = (input.phones ?? []).map(phoneKey).filter((k): k is string => k !== null);
  const tax = entity === 'company' && input.taxNumber ? taxKey(input.taxNumber) : null;
  const city = nameKey(input.city ?? '');
  const branches: SQL[] = [];
  if (emails.length > 0) {
    branches.push(
      sql`SELECT id, 'email' AS reason FROM ${table} WHERE workspace_id = ${ctx.actor.workspaceId} AND string_to_array(emails_normalised, ' ') && ${sql.param(emails)}::text[] AND deleted_at IS NULL`,
    );
  }
  if (phones.length > 0) {
    branches.push(
      sql`SELECT id, 'phone' AS reason FROM ${table} WHERE workspace_id = ${ctx.actor.workspaceId} AND clientela_phone_keys(phone_digits) && ${sql.param(phones)}::text[] AND deleted_at IS NULL`,
    );
  }
  if (tax)
    branches.push(
      sql`SELECT id, 'tax_number' AS reason FROM company WHERE workspace_id = ${ctx.actor.workspaceId} AND clientela_tax_key(tax_number) = ${tax} AND deleted_at IS NULL`,
    );
  if (name.length >= 2) {
    branches.push(sql`SELECT id, CASE WHEN lower(name) = ${nameKey(name)} THEN 'name_city' ELSE 'similar_name_city' END AS reason FROM ${table}
      WHERE workspace_id = ${ctx.actor.workspaceId} AND deleted_at IS NULL
        AND ${city ? sql`lower(city) = ${city}` : sql`(city IS NULL OR btrim(city) = '')`}
        AND similarity(name, ${name}) >= ${SIMILAR_NAME}`);
  }
  if (branches.length === 0) return { data: [] };
  const visible = await visibleIds(ctx, entity);
  const found = await ctx.db.execute<{ id: string; reasons: string[] }>(sql`
    SELECT id, array_agg(DISTINCT reason ORDER BY reason) AS reasons FROM (${sql.join(branches, sql` UNION ALL `)}) hits
    WHERE id IN ${visible} ${input.exceptId ? sql`AND id <> ${input.exceptId}` : sql``}
    GROUP BY id
    -- The strongest reasons first: a shared e-mail, phone or tax number, or the very same name.
    ORDER BY bool_or(reason <> 'similar_name_city') DESC, count(*) DESC, id LIMIT 10`);
  const records = await recordsById(
    ctx,
    entity,
    found.rows.map((r) => r.id),
  );
  return {
    data: found.rows.flatMap((r) => {
      const record = records.get(r.id);
      return record ? [{ record, reasons: r.reasons as TDuplicatePair['reasons'] }] : [];
    }),
  };
}

/** Marks two records as different customers; both must be records the actor may see. */
export async function dismissDuplicate(ctx: Ctx, entity: TDuplicateEntity, ids: [string, string]): Promise<void> {
  const [a, b] = [...ids].sort() as [string, string];
  if (a === b)
    throw new AppError('validation_failed', 'Two different records are needed', { errors: [{ path: 'ids.1', message: 'Same record' }] });
  const visible = await visibleIds(ctx, entity);
  const seen = await ctx.db.execute<{ id: string }>(
    sql`SELECT id FROM ${tableOf(entity)} WHERE id IN ${visible} AND id IN (${a}::uuid, ${b}::uuid)`,
  );
  if (seen.rows.length !== 2) throw notFound(entity);
  await ctx.db
    .insert(duplicateDismissals)
    .values({ workspaceId: ctx.actor.workspaceId, entity, aId: a, bId: b, createdBy: ctx.actor.userId })
    .onConflictDoNothing();
}
