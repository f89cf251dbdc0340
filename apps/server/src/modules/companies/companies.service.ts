import { randomUUID } from 'node:crypto';
import type {
  CUSTOMER_SORTS,
  TBulkInput,
  TCompany,
  TCompanyListQuery,
  TCreateCompanyInput,
  TUpdateCompanyInput,
} from '@clientela/contract';
import { customFilterKey, ZCreateCompanyInput } from '@clientela/contract';
import { and, count, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { runPreparedUnlessSearch } from '../../db/prepared.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { afterCursor, cursorKey, orderBy, type PageSource, pageOf, parseSort, readListPage, type SortField } from '../../lib/pagination.ts';
import { assertAttribution, attributionNames } from '../campaigns/index.ts';
import {
  cachedDefinitions,
  customFilters,
  definitionsOf,
  flattenCustom,
  mergeCustomValues,
  trackedWithCustom,
} from '../custom-fields/index.ts';
import {
  assertOwnerAndUnit,
  CUSTOMER_TRACKED,
  createRecord,
  customerDefaults,
  customerFilters,
  customerMatches,
  listMemberFilter,
  ownerNameOf,
  type RecordCreation,
  runBulk,
  withNormalisedCopies,
} from '../customers/index.ts';
import { historyOf, recordChange } from '../history/index.ts';
import { assertVisible, hiddenFields } from '../roles/field-rules.ts';
import { users } from '../users/index.ts';
import { companyPolicy } from './companies.policy.ts';
import { type CompanyRow, presentCompany } from './companies.presenter.ts';
import { companies, companyColumns, companyGroups } from './companies.table.ts';

const ENTITY = 'company';
const ATTRIBUTION = ['sourceId', 'campaignId', 'convertedSourceId', 'convertedCampaignId'] as const;
const TRACKED = [
  'name',
  'legalName',
  'taxNumber',
  'website',
  'groupId',
  'parentCompanyId',
  'relationshipStyle',
  'portalAccess',
  ...CUSTOMER_TRACKED,
] as const;

/** Sort keys: the contract's CUSTOMER_SORTS, each with its column. */
const SORTS: Record<(typeof CUSTOMER_SORTS)[number], SortField> = {
  name: { column: companies.name },
  createdAt: { column: companies.createdAt, cast: 'timestamptz' as const },
  updatedAt: { column: companies.updatedAt, cast: 'timestamptz' as const },
};

const ownerName = users.name;
const columns = { owner: companies.ownerId, unit: companies.unitId, id: companies.id };

/** The WHERE clause of a companies list: the workspace, the actor's reach, search text and filters. */
export async function companyListWhere(ctx: Ctx, query: TCompanyListQuery): Promise<SQL | undefined> {
  const filters: (SQL | undefined)[] = [
    eq(companies.workspaceId, ctx.actor.workspaceId),
    isNull(companies.deletedAt),
    await companyPolicy.filter(ctx.actor, 'read', columns),
  ];
  if (query.q) {
    // A value the role hides must not be what finds a company (that would tell whose value it is).
    const hidden = hiddenFields(ctx.actor, 'companies');
    const visibleText = hidden.includes('taxNumber')
      ? sql`lower(${companies.name} || ' ' || coalesce(${companies.legalName}, ''))`
      : undefined;
    filters.push(customerMatches(companies, query.q, { hidden, ...(visibleText ? { visibleText } : {}) }));
  }
  filters.push(...customerFilters(companies, query));
  if (query['filter[groupId]']) filters.push(eq(companies.groupId, query['filter[groupId]']));
  if (query['filter[listId]']) filters.push(await listMemberFilter(ctx, ENTITY, query['filter[listId]'], companies.id));
  if (Object.keys(query).some(customFilterKey)) {
    // Filtering on a custom field the role hides would tell its values: refused (403 `field_hidden`).
    for (const param of Object.keys(query).filter(customFilterKey))
      assertVisible(ctx.actor, 'companies', `custom.${customFilterKey(param)}`, param);
    filters.push(...customFilters(await definitionsOf(ctx.db, ctx.actor.workspaceId, ENTITY), companies.custom, query));
  }
  return and(...filters);
}

/** Lists the companies the actor may see, filtered, sorted and keyset-paginated; a list without `q` is a prepared statement. */
export async function listCompanies(ctx: Ctx, query: TCompanyListQuery) {
  const keyset = parseSort(query.sort, SORTS, 'name');
  const where = await companyListWhere(ctx, query);
  const list = { table: companies, keys: companies, workspaceId: ctx.actor.workspaceId, where };
  const { rows, total } = await readListPage(ctx.db, list, query, (source: PageSource) => {
    const statement = selectCompanies(source.matched ? ctx.db.with(source.matched) : ctx.db, source.count, cursorKey(keyset))
      .where(and(source.where, afterCursor(keyset, companies.id, query.cursor)))
      .orderBy(...orderBy(keyset, companies.id))
      .limit(query.limit + 1);
    return runPreparedUnlessSearch(statement, query.q);
  });
  const counted = await total();
  const flat = rows.map((row) => ({ ...row.company, ownerName: row.ownerName, groupName: row.groupName, cursorKey: row.cursorKey }));
  const { page, nextCursor } = pageOf(flat, query.limit, keyset);
  const names = await attributionNames(ctx.db, ctx.actor.workspaceId, page);
  return { data: page.map((row) => presentCompany(row, row.ownerName, row.groupName, names)), nextCursor, ...counted };
}

/** The list's row: the company with its owner's and group's names, and optionally the list's capped count. */
function selectCompanies(db: Pick<Executor, 'select'>, count?: SQL<number>, sortKey?: SQL<string>) {
  return db
    .select({
      company: companyColumns,
      ownerName,
      groupName: companyGroups.name,
      capped: count ?? sql<number | null>`NULL`,
      cursorKey: sortKey ?? sql<string>`NULL`,
    })
    .from(companies)
    .leftJoin(users, and(eq(users.workspaceId, companies.workspaceId), eq(users.id, companies.ownerId)))
    .leftJoin(companyGroups, and(eq(companyGroups.workspaceId, companies.workspaceId), eq(companyGroups.id, companies.groupId)));
}

/**
 * Every company a list query matches (with the actor's reach), for an export to read in one
 * cursor: the select in the list's order, its count, and how a batch of its rows is presented.
 */
export async function companiesInOrder(ctx: Ctx, query: TCompanyListQuery) {
  const where = await companyListWhere(ctx, query);
  const select = selectCompanies(ctx.db)
    .where(where)
    .orderBy(...orderBy(parseSort(query.sort, SORTS, 'name'), companies.id));
  return {
    select,
    count: ctx.db.select({ n: count() }).from(companies).where(where),
    present: async (rows: Awaited<typeof select>): Promise<TCompany[]> => {
      const names = await attributionNames(
        ctx.db,
        ctx.actor.workspaceId,
        rows.map((row) => row.company),
      );
      return rows.map((row) => presentCompany(row.company, row.ownerName, row.groupName, names));
    },
  };
}

async function findVisible(ctx: Ctx, db: Executor, id: string, lock = false): Promise<CompanyRow> {
  const query = db
    .select(companyColumns)
    .from(companies)
    .where(
      and(
        eq(companies.workspaceId, ctx.actor.workspaceId),
        eq(companies.id, id),
        isNull(companies.deletedAt),
        await companyPolicy.filter(ctx.actor, 'read', columns),
      ),
    )
    .limit(1);
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('company');
  return row;
}

/** The company as the API shows it; `ownerName` when the caller already knows it. */
async function present(db: Executor, row: CompanyRow, ownerName?: string | null): Promise<TCompany> {
  const [group] = row.groupId
    ? await db
        .select({ name: companyGroups.name })
        .from(companyGroups)
        .where(and(eq(companyGroups.workspaceId, row.workspaceId), eq(companyGroups.id, row.groupId)))
    : [];
  const owner = ownerName === undefined ? await ownerNameOf(db, row.workspaceId, row.ownerId) : ownerName;
  return presentCompany(row, owner, group?.name ?? null, await attributionNames(db, row.workspaceId, [row]));
}

/** One company the actor may see; 404 for any other, in this workspace or another. */
export async function getCompany(ctx: Ctx, id: string): Promise<TCompany> {
  return present(ctx.db, await findVisible(ctx, ctx.db, id));
}

/** How a new company is written (see createRecord): every column its input may set. */
const CREATION = {
  name: 'create_company',
  table: companies,
  entity: ENTITY,
  columns: ['workspaceId', 'id', 'custom', 'phoneDigits', 'emailsNormalised', ...ATTRIBUTION, ...TRACKED],
  returning: companyColumns,
} satisfies RecordCreation<typeof companies, typeof companyColumns>;

/**
 * Creates a company; by default its owner is the actor and its unit the owner's unit. The checks
 * read on pooled connections at once (the custom fields come from this process's memory), and
 * the company and its history entry are written by one prepared statement: one round trip to
 * PostgreSQL in the common case (a subsidiary's also locks its parent first, in a transaction).
 */
export async function createCompany(ctx: Ctx, raw: TCreateCompanyInput): Promise<TCompany> {
  const input = ZCreateCompanyInput.parse(raw);
  const workspaceId = ctx.actor.workspaceId;
  const ownerId = input.ownerId === undefined ? ctx.actor.userId : input.ownerId;
  // The actor as owner, in their own unit, is known already (the signed-in user, kept current).
  const actorOwns = ownerId === ctx.actor.userId && input.unitId === undefined;
  const [owner, , definitions] = await allInOrder([
    actorOwns ? { unitId: ctx.actor.unitId, name: ctx.actor.name } : assertOwnerAndUnit(ctx.db, workspaceId, ownerId, input.unitId),
    assertGroupAndParentExist(ctx.db, workspaceId, input),
    cachedDefinitions(ctx.db, workspaceId, ENTITY),
    assertAttribution(ctx.db, workspaceId, input),
  ] as const);
  const unitId = input.unitId === undefined ? (owner?.unitId ?? ctx.actor.unitId) : input.unitId;
  await companyPolicy.authorize(ctx.actor, 'create', { ownerId, unitId });
  const { custom, ...fields } = withNormalisedCopies(input);
  const { parentCompanyId } = input;
  const created = await createRecord(ctx.db, CREATION, {
    values: {
      ...customerDefaults(),
      ...fields,
      portalAccess: input.portalAccess ?? true,
      id: randomUUID(),
      name: input.name,
      ownerId,
      unitId,
      workspaceId,
    },
    custom,
    definitions,
    actorId: ctx.actor.userId,
    tracked: TRACKED,
    ...(parentCompanyId && {
      within: (write) =>
        ctx.db.transaction(async (tx) => {
          await lockParentInGroup(tx, workspaceId, parentCompanyId, input.groupId);
          return write(tx);
        }),
    }),
  });
  return present(ctx.db, created, owner?.name ?? null);
}

/**
 * Awaits every check, then throws the first failure in the order given (not the first to
 * finish), so that a request with several faults always gets the same answer.
 */
async function allInOrder<T extends readonly unknown[]>(checks: T): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const settled = await Promise.allSettled(checks);
  const failed = settled.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((result) => (result as PromiseFulfilledResult<unknown>).value) as { -readonly [K in keyof T]: Awaited<T[K]> };
}

/** Changes the fields sent; moving a company to another owner or unit must stay within the actor's reach. */
export async function updateCompany(ctx: Ctx, id: string, input: TUpdateCompanyInput): Promise<TCompany> {
  const workspaceId = ctx.actor.workspaceId;
  await assertOwnerAndUnit(ctx.db, workspaceId, input.ownerId, input.unitId);
  await assertGroupAndParentExist(ctx.db, workspaceId, input);
  await assertAttribution(ctx.db, workspaceId, input);
  const row = await ctx.db.transaction(async (tx) => {
    const before = await findVisible(ctx, tx, id, true);
    await companyPolicy.authorize(ctx.actor, 'update', before);
    const ownerId = input.ownerId === undefined ? before.ownerId : input.ownerId;
    const unitId = input.unitId === undefined ? before.unitId : input.unitId;
    if (ownerId !== before.ownerId || unitId !== before.unitId)
      await companyPolicy.authorize(ctx.actor, ownerId !== before.ownerId ? 'assign' : 'update', { ownerId, unitId });
    const custom = input.custom && mergeCustomValues(await definitionsOf(tx, workspaceId, ENTITY), before.custom, input.custom);
    const [after] = await tx
      .update(companies)
      .set({ ...withNormalisedCopies(input), ...(custom ? { custom } : {}), updatedAt: sql`now()` })
      .where(and(eq(companies.workspaceId, workspaceId), eq(companies.id, id)))
      .returning(companyColumns);
    if (!after) throw notFound('company');
    await assertGroupLink(tx, after);
    if (before.groupId && after.groupId !== before.groupId) {
      // Leaving a group: its subsidiaries in that group no longer have it as their parent.
      await tx
        .update(companies)
        .set({ parentCompanyId: null })
        .where(and(eq(companies.workspaceId, workspaceId), eq(companies.parentCompanyId, id), eq(companies.groupId, before.groupId)));
    }
    await recordChange(tx, {
      workspaceId,
      entityType: ENTITY,
      entityId: id,
      actorId: ctx.actor.userId,
      action: 'updated',
      before: flattenCustom(before),
      after: flattenCustom(after),
      fields: trackedWithCustom(TRACKED, before, after),
    });
    return after;
  });
  return present(ctx.db, row);
}

const fail = (path: string, message: string) => new AppError('validation_failed', message, { errors: [{ path, message }] });

/** Before writing: the group and the parent named in the input exist in the workspace. */
async function assertGroupAndParentExist(db: Executor, workspaceId: string, input: TUpdateCompanyInput): Promise<void> {
  if (input.groupId) {
    const [group] = await db
      .select({ id: companyGroups.id })
      .from(companyGroups)
      .where(and(eq(companyGroups.workspaceId, workspaceId), eq(companyGroups.id, input.groupId)));
    if (!group) throw fail('groupId', 'No such group');
  }
  if (input.parentCompanyId) {
    const [parent] = await db
      .select({ id: companies.id })
      .from(companies)
      .where(and(eq(companies.workspaceId, workspaceId), eq(companies.id, input.parentCompanyId), isNull(companies.deletedAt)));
    if (!parent) throw fail('parentCompanyId', 'No such company');
  }
}

/**
 * A new company's parent must be a live company of its group (a new company cannot close a
 * cycle). The parent stays locked until the subsidiary is written, so it cannot leave the group
 * or go to the bin meanwhile (updates and deletes lock it FOR UPDATE).
 */
async function lockParentInGroup(tx: Executor, workspaceId: string, parentId: string, groupId: string | null | undefined): Promise<void> {
  if (!groupId) throw fail('parentCompanyId', 'A parent company needs a group');
  const [parent] = await tx
    .select({ groupId: companies.groupId })
    .from(companies)
    .where(and(eq(companies.workspaceId, workspaceId), eq(companies.id, parentId), isNull(companies.deletedAt)))
    .for('share');
  if (!parent) throw fail('parentCompanyId', 'No such company');
  if (parent.groupId !== groupId) throw fail('parentCompanyId', 'The parent must be a company of the same group');
}

/**
 * A company's place in its group must make sense: the group exists, the parent is another
 * company of the same group, and following parents never leads back to the company.
 */
async function assertGroupLink(tx: Executor, company: CompanyRow): Promise<void> {
  if (!company.parentCompanyId) return;
  if (company.parentCompanyId === company.id) throw fail('parentCompanyId', 'A company cannot be its own parent');
  if (!company.groupId) throw fail('parentCompanyId', 'A parent company needs a group');
  const chain = await tx.execute<{ id: string; group_id: string | null }>(sql`
    WITH RECURSIVE up AS (
      SELECT id, group_id, parent_company_id, 1 AS depth FROM company
      WHERE workspace_id = ${company.workspaceId} AND id = ${company.parentCompanyId} AND deleted_at IS NULL
      UNION ALL
      SELECT c.id, c.group_id, c.parent_company_id, up.depth + 1 FROM company c JOIN up ON c.id = up.parent_company_id
      WHERE c.workspace_id = ${company.workspaceId} AND up.depth < 100
    )
    SELECT id, group_id FROM up`);
  const parent = chain.rows[0];
  if (!parent || parent.group_id !== company.groupId) throw fail('parentCompanyId', 'The parent must be a company of the same group');
  if (chain.rows.some((row) => row.id === company.id)) throw fail('parentCompanyId', 'This would make the company its own parent');
}

/** Moves a company to the bin: it disappears from lists and search, and its history stays. */
export async function deleteCompany(ctx: Ctx, id: string): Promise<void> {
  const workspaceId = ctx.actor.workspaceId;
  await ctx.db.transaction(async (tx) => {
    const before = await findVisible(ctx, tx, id, true);
    await companyPolicy.authorize(ctx.actor, 'delete', before);
    await tx
      .update(companies)
      .set({ deletedAt: sql`now()` })
      .where(and(eq(companies.workspaceId, workspaceId), eq(companies.id, id)));
    await recordChange(tx, {
      workspaceId,
      entityType: ENTITY,
      entityId: id,
      actorId: ctx.actor.userId,
      action: 'deleted',
      before,
      after: null,
      fields: [],
    });
  });
}

/** Every change of a company, for whoever may read it. */
export async function companyHistory(ctx: Ctx, id: string) {
  await findVisible(ctx, ctx.db, id);
  return { data: await historyOf(ctx.db, ctx.actor.workspaceId, ENTITY, id) };
}

/** A bulk action on selected companies, checked record by record; all or nothing. */
export function bulkCompanies(ctx: Ctx, input: TBulkInput) {
  return runBulk(ctx, { entity: ENTITY, table: companies, columns: companies, policy: companyPolicy }, input);
}
