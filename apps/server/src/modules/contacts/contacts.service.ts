import type {
  CUSTOMER_SORTS,
  TBulkInput,
  TContact,
  TContactListQuery,
  TCreateContactInput,
  TUpdateContactInput,
} from '@clientela/contract';
import { customFilterKey, ZCreateContactInput } from '@clientela/contract';
import { and, asc, count, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { runPrepared, runPreparedUnlessSearch } from '../../db/prepared.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { afterCursor, cursorKey, orderBy, type PageSource, pageOf, parseSort, readListPage, type SortField } from '../../lib/pagination.ts';
import { assertAttribution, attributionNames } from '../campaigns/index.ts';
import { companies, companyPolicy } from '../companies/index.ts';
import { customFilters, definitionsOf, flattenCustom, mergeCustomValues, trackedWithCustom } from '../custom-fields/index.ts';
import {
  assertOwnerAndUnit,
  CUSTOMER_TRACKED,
  customerFilters,
  customerMatches,
  listMemberFilter,
  ownerNameOf,
  runBulk,
  withNormalisedCopies,
} from '../customers/index.ts';
import { historyOf, recordChange } from '../history/index.ts';
import { hiddenFields } from '../roles/field-rules.ts';
import { users } from '../users/index.ts';
import { contactPolicy } from './contacts.policy.ts';
import { type ContactCompany, type ContactRow, presentContact } from './contacts.presenter.ts';
import { contactColumns, contactCompanies, contacts } from './contacts.table.ts';

const ENTITY = 'contact';
const TRACKED = [
  'firstName',
  'lastName',
  'position',
  'birthday',
  'preferredChannel',
  'preferences',
  'personalEvents',
  'companies',
  ...CUSTOMER_TRACKED,
] as const;
/** Sort keys: the contract's CUSTOMER_SORTS, each with its column. */
const SORTS: Record<(typeof CUSTOMER_SORTS)[number], SortField> = {
  name: { column: contacts.name },
  createdAt: { column: contacts.createdAt, cast: 'timestamptz' as const },
  updatedAt: { column: contacts.updatedAt, cast: 'timestamptz' as const },
};
const columns = { owner: contacts.ownerId, unit: contacts.unitId, id: contacts.id };

/** The companies each contact works for, among those the actor may see. */
async function companiesOf(ctx: Ctx, db: Executor, contactIds: string[]): Promise<Map<string, ContactCompany[]>> {
  const byContact = new Map<string, ContactCompany[]>();
  if (contactIds.length === 0) return byContact;
  const rows = await db
    .select({ contactId: contactCompanies.contactId, id: companies.id, name: companies.name, role: contactCompanies.role })
    .from(contactCompanies)
    .innerJoin(companies, and(eq(companies.workspaceId, contactCompanies.workspaceId), eq(companies.id, contactCompanies.companyId)))
    .where(
      and(
        eq(contactCompanies.workspaceId, ctx.actor.workspaceId),
        inArray(contactCompanies.contactId, contactIds),
        isNull(companies.deletedAt),
        await companyPolicy.filter(ctx.actor, 'read', { owner: companies.ownerId, unit: companies.unitId }),
      ),
    )
    .orderBy(asc(companies.name));
  for (const { contactId, ...company } of rows) byContact.set(contactId, [...(byContact.get(contactId) ?? []), company]);
  return byContact;
}

/** The WHERE clause of a contacts list: the workspace, the actor's reach, search text and filters. */
export async function contactListWhere(ctx: Ctx, query: TContactListQuery): Promise<SQL | undefined> {
  const filters: (SQL | undefined)[] = [
    eq(contacts.workspaceId, ctx.actor.workspaceId),
    isNull(contacts.deletedAt),
    await contactPolicy.filter(ctx.actor, 'read', columns),
    ...customerFilters(contacts, query),
  ];
  // A phone or e-mail the role hides must not be what finds a contact (that would tell whose it is).
  if (query.q) filters.push(customerMatches(contacts, query.q, { hidden: hiddenFields(ctx.actor, 'contacts') }));
  if (query['filter[companyId]']) {
    filters.push(
      sql`EXISTS (SELECT 1 FROM contact_company cc WHERE cc.workspace_id = ${contacts.workspaceId}
        AND cc.contact_id = ${contacts.id} AND cc.company_id = ${query['filter[companyId]']})`,
    );
  }
  if (Object.keys(query).some(customFilterKey)) {
    filters.push(...customFilters(await definitionsOf(ctx.db, ctx.actor.workspaceId, ENTITY), contacts.custom, query));
  }
  if (query['filter[birthdayMonth]']) filters.push(sql`EXTRACT(MONTH FROM ${contacts.birthday}) = ${query['filter[birthdayMonth]']}`);
  if (query['filter[listId]']) filters.push(await listMemberFilter(ctx, ENTITY, query['filter[listId]'], contacts.id));
  return and(...filters);
}

/** Lists the contacts the actor may see, filtered, sorted and keyset-paginated; a list without `q` is a prepared statement. */
export async function listContacts(ctx: Ctx, query: TContactListQuery) {
  const keyset = parseSort(query.sort, SORTS, 'name');
  const where = await contactListWhere(ctx, query);
  const linked = await companiesColumn(ctx);
  const list = { table: contacts, keys: contacts, workspaceId: ctx.actor.workspaceId, where };
  const { rows, total } = await readListPage(ctx.db, list, query, (source: PageSource) => {
    const statement = selectContacts(source.matched ? ctx.db.with(source.matched) : ctx.db, {
      count: source.count,
      sortKey: cursorKey(keyset),
      linked,
    })
      .where(and(source.where, afterCursor(keyset, contacts.id, query.cursor)))
      .orderBy(...orderBy(keyset, contacts.id))
      .limit(query.limit + 1);
    return runPreparedUnlessSearch(statement, query.q);
  });
  const flat = rows.map((row) => ({ ...row.contact, ownerName: row.ownerName, linked: row.linked, cursorKey: row.cursorKey }));
  const { page, nextCursor } = pageOf(flat, query.limit, keyset);
  // Both read only the page: on two pooled connections at once.
  const [counted, names] = await Promise.all([total(), attributionNames(ctx.db, ctx.actor.workspaceId, page)]);
  return { data: page.map((row) => presentContact(row, row.ownerName, row.linked ?? [], names)), nextCursor, ...counted };
}

/**
 * The companies a contact works for, among those the actor may see, by name, as a column of the
 * contact's row: a list page or a contact's card reads them in its own statement. PostgreSQL
 * computes it only for the rows it returns (after the sort and the limit). Only for a select with
 * a join: Drizzle writes a single-table select's columns unqualified, and the sub-select's would clash.
 */
async function companiesColumn(ctx: Ctx): Promise<SQL<ContactCompany[] | null>> {
  const readable = await companyPolicy.filter(ctx.actor, 'read', { owner: companies.ownerId, unit: companies.unitId });
  return sql<
    ContactCompany[] | null
  >`(SELECT json_agg(json_build_object('id', ${companies.id}, 'name', ${companies.name}, 'role', ${contactCompanies.role})
      ORDER BY ${companies.name})
    FROM ${contactCompanies} JOIN ${companies} ON ${companies.workspaceId} = ${contactCompanies.workspaceId} AND ${companies.id} = ${contactCompanies.companyId}
    WHERE ${contactCompanies.workspaceId} = ${contacts.workspaceId} AND ${contactCompanies.contactId} = ${contacts.id}
      AND ${companies.deletedAt} IS NULL AND ${readable})`;
}

/** The list's row: the contact with its owner's name, and optionally its companies, the list's capped count and the cursor's sort key. */
function selectContacts(
  db: Pick<Executor, 'select'>,
  extra: { count?: SQL<number>; sortKey?: SQL<string>; linked?: SQL<ContactCompany[] | null> } = {},
) {
  return db
    .select({
      contact: contactColumns,
      ownerName: users.name,
      linked: extra.linked ?? sql<ContactCompany[] | null>`NULL`,
      capped: extra.count ?? sql<number | null>`NULL`,
      cursorKey: extra.sortKey ?? sql<string>`NULL`,
    })
    .from(contacts)
    .leftJoin(users, and(eq(users.workspaceId, contacts.workspaceId), eq(users.id, contacts.ownerId)));
}

/**
 * Every contact a list query matches (with the actor's reach), for an export to read in one
 * cursor: the select in the list's order, its count, and how a batch of its rows is presented.
 */
export async function contactsInOrder(ctx: Ctx, query: TContactListQuery) {
  const where = await contactListWhere(ctx, query);
  const select = selectContacts(ctx.db)
    .where(where)
    .orderBy(...orderBy(parseSort(query.sort, SORTS, 'name'), contacts.id));
  return {
    select,
    count: ctx.db.select({ n: count() }).from(contacts).where(where),
    present: async (rows: Awaited<typeof select>): Promise<TContact[]> => {
      const links = await companiesOf(
        ctx,
        ctx.db,
        rows.map((row) => row.contact.id),
      );
      const names = await attributionNames(
        ctx.db,
        ctx.actor.workspaceId,
        rows.map((row) => row.contact),
      );
      return rows.map((row) => presentContact(row.contact, row.ownerName, links.get(row.contact.id) ?? [], names));
    },
  };
}

/** The contact `id`, when it is alive and the actor may read it. */
async function visible(ctx: Ctx, id: string) {
  return and(
    eq(contacts.workspaceId, ctx.actor.workspaceId),
    eq(contacts.id, id),
    isNull(contacts.deletedAt),
    await contactPolicy.filter(ctx.actor, 'read', columns),
  );
}

async function findVisible(ctx: Ctx, db: Executor, id: string, lock = false): Promise<ContactRow> {
  const query = db
    .select(contactColumns)
    .from(contacts)
    .where(await visible(ctx, id))
    .limit(1);
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('contact');
  return row;
}

/** The contact as the API shows it; `ownerName` when the caller already knows it. */
async function present(
  ctx: Ctx,
  db: Executor,
  row: ContactRow,
  known: { ownerName?: string | null; links?: ContactCompany[] } = {},
): Promise<TContact> {
  const links = known.links ?? (await linksOf(ctx, db, row.id));
  const owner = known.ownerName === undefined ? await ownerNameOf(db, row.workspaceId, row.ownerId) : known.ownerName;
  return presentContact(row, owner, links, await attributionNames(db, row.workspaceId, [row]));
}

/** The companies one contact works for, among those the actor may see. */
async function linksOf(ctx: Ctx, db: Executor, contactId: string): Promise<ContactCompany[]> {
  return (await companiesOf(ctx, db, [contactId])).get(contactId) ?? [];
}

/** One contact the actor may see (a prepared statement); 404 for any other. Its owner's name and companies come with the row, its attribution after. */
export async function getContact(ctx: Ctx, id: string): Promise<TContact> {
  const [row] = await runPrepared(
    selectContacts(ctx.db, { linked: await companiesColumn(ctx) })
      .where(await visible(ctx, id))
      .limit(1),
  );
  if (!row) throw notFound('contact');
  const names = await attributionNames(ctx.db, ctx.actor.workspaceId, [row.contact]);
  return presentContact(row.contact, row.ownerName, row.linked ?? [], names);
}

/** Replaces the contact's companies; each must be a company the actor may see. */
async function setCompanies(ctx: Ctx, tx: Executor, contactId: string, links: { companyId: string; role: string }[]) {
  const ids = [...new Set(links.map((l) => l.companyId))];
  if (ids.length > 0) {
    const visible = await tx
      .select({ id: companies.id })
      .from(companies)
      .where(
        and(
          eq(companies.workspaceId, ctx.actor.workspaceId),
          inArray(companies.id, ids),
          isNull(companies.deletedAt),
          await companyPolicy.filter(ctx.actor, 'read', { owner: companies.ownerId, unit: companies.unitId }),
        ),
      );
    const found = new Set(visible.map((c) => c.id));
    const errors = links.flatMap((l, i) =>
      found.has(l.companyId) ? [] : [{ path: `companies.${i}.companyId`, message: 'No such company' }],
    );
    if (errors.length > 0) throw new AppError('validation_failed', 'No such company', { errors });
  }
  await tx
    .delete(contactCompanies)
    .where(and(eq(contactCompanies.workspaceId, ctx.actor.workspaceId), eq(contactCompanies.contactId, contactId)));
  const unique = new Map(links.map((l) => [l.companyId, l.role]));
  if (unique.size > 0) {
    await tx
      .insert(contactCompanies)
      .values([...unique].map(([companyId, role]) => ({ workspaceId: ctx.actor.workspaceId, contactId, companyId, role })));
  }
}

/** What the history compares: the row plus its company links. */
function snapshot(row: ContactRow, links: ContactCompany[]) {
  return { ...flattenCustom(row), companies: links.map((l) => `${l.name}${l.role ? ` (${l.role})` : ''}`) };
}

/** Creates a contact; by default its owner is the actor and its unit the owner's unit. */
export async function createContact(ctx: Ctx, raw: TCreateContactInput): Promise<TContact> {
  const { companies: links, ...input } = ZCreateContactInput.parse(raw);
  const workspaceId = ctx.actor.workspaceId;
  const ownerId = input.ownerId === undefined ? ctx.actor.userId : input.ownerId;
  const owner = await assertOwnerAndUnit(ctx.db, workspaceId, ownerId, input.unitId);
  await assertAttribution(ctx.db, workspaceId, input);
  const unitId = input.unitId === undefined ? (owner?.unitId ?? ctx.actor.unitId) : input.unitId;
  await contactPolicy.authorize(ctx.actor, 'create', { ownerId, unitId });
  const custom = mergeCustomValues(await definitionsOf(ctx.db, workspaceId, ENTITY), {}, input.custom);
  return ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(contacts)
      .values({ ...withNormalisedCopies(input), custom, ownerId, unitId, workspaceId })
      .returning(contactColumns);
    if (!created) throw new Error('contact insert returned nothing');
    if (links) await setCompanies(ctx, tx, created.id, links);
    // A new contact works for no company but those just given.
    const linked = links?.length ? await linksOf(ctx, tx, created.id) : [];
    await recordChange(tx, {
      workspaceId,
      entityType: ENTITY,
      entityId: created.id,
      actorId: ctx.actor.userId,
      action: 'created',
      before: null,
      after: snapshot(created, linked),
      fields: trackedWithCustom(TRACKED, created),
    });
    return present(ctx, tx, created, { ownerName: owner?.name ?? null, links: linked });
  });
}

/** Changes the fields sent; owner and unit changes must stay within the actor's reach. */
export async function updateContact(ctx: Ctx, id: string, input: TUpdateContactInput): Promise<TContact> {
  const { companies: links, ...fields } = input;
  const workspaceId = ctx.actor.workspaceId;
  await assertOwnerAndUnit(ctx.db, workspaceId, fields.ownerId, fields.unitId);
  await assertAttribution(ctx.db, workspaceId, fields);
  return ctx.db.transaction(async (tx) => {
    const current = await findVisible(ctx, tx, id, true);
    await contactPolicy.authorize(ctx.actor, 'update', current);
    const ownerId = fields.ownerId === undefined ? current.ownerId : fields.ownerId;
    const unitId = fields.unitId === undefined ? current.unitId : fields.unitId;
    if (ownerId !== current.ownerId || unitId !== current.unitId)
      await contactPolicy.authorize(ctx.actor, ownerId !== current.ownerId ? 'assign' : 'update', { ownerId, unitId });
    const linkedBefore = await linksOf(ctx, tx, id);
    const custom = fields.custom && mergeCustomValues(await definitionsOf(tx, workspaceId, ENTITY), current.custom, fields.custom);
    const [after] = await tx
      .update(contacts)
      .set({ ...withNormalisedCopies(fields), ...(custom ? { custom } : {}), updatedAt: sql`now()` })
      .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, id)))
      .returning(contactColumns);
    if (!after) throw notFound('contact');
    if (!after.firstName.trim() && !after.lastName.trim()) {
      throw new AppError('validation_failed', 'A first or a last name is needed', { errors: [{ path: 'lastName', message: 'Required' }] });
    }
    if (links) await setCompanies(ctx, tx, id, links);
    const linkedAfter = links ? await linksOf(ctx, tx, id) : linkedBefore;
    await recordChange(tx, {
      workspaceId,
      entityType: ENTITY,
      entityId: id,
      actorId: ctx.actor.userId,
      action: 'updated',
      before: snapshot(current, linkedBefore),
      after: snapshot(after, linkedAfter),
      fields: trackedWithCustom(TRACKED, current, after),
    });
    return present(ctx, tx, after, { links: linkedAfter });
  });
}

/** Moves a contact to the bin: gone from lists and search, history kept. */
export async function deleteContact(ctx: Ctx, id: string): Promise<void> {
  const workspaceId = ctx.actor.workspaceId;
  await ctx.db.transaction(async (tx) => {
    const before = await findVisible(ctx, tx, id, true);
    await contactPolicy.authorize(ctx.actor, 'delete', before);
    await tx
      .update(contacts)
      .set({ deletedAt: sql`now()` })
      .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, id)));
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

/** Every change of a contact, for whoever may read it. */
export async function contactHistory(ctx: Ctx, id: string) {
  await findVisible(ctx, ctx.db, id);
  return { data: await historyOf(ctx.db, ctx.actor.workspaceId, ENTITY, id) };
}

/** A bulk action on selected contacts, checked record by record; all or nothing. */
export function bulkContacts(ctx: Ctx, input: TBulkInput) {
  return runBulk(ctx, { entity: ENTITY, table: contacts, columns: contacts, policy: contactPolicy }, input);
}
