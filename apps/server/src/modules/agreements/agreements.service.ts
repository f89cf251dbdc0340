import {
  type AGREEMENT_SORTS,
  OPEN_AGREEMENT_STATUSES,
  type TAgreement,
  type TAgreementListQuery,
  type TCreateAgreementInput,
  type TUpdateAgreementInput,
  ZCreateAgreementInput,
  ZUpdateAgreementInput,
} from '@clientela/contract';
import { and, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError, type FieldError, notFound } from '../../http/errors.ts';
import { afterCursor, cursorKey, orderBy, pageOf, parseSort, type SortField } from '../../lib/pagination.ts';
import { assertReadable, contactsOfCompanies, readableRecords, unitOfUser } from '../activities/records.ts';
import { companies, companyPolicy } from '../companies/index.ts';
import { contracts } from '../contracts/contracts.table.ts';
import { assertReadableDeals, deals, readableDealRefs } from '../deals/index.ts';
import { recordChange } from '../history/index.ts';
import { users } from '../users/index.ts';
import { agreementPolicy } from './agreements.policy.ts';
import { agreements } from './agreements.table.ts';

type AgreementRow = typeof agreements.$inferSelect;

/** What an agreement's history keeps: every field people change (its status above all). */
const TRACKED = [
  'title',
  'details',
  'status',
  'companyId',
  'contactId',
  'agreedById',
  'agreedOn',
  'validUntil',
  'resource',
  'contractId',
  'dealId',
];

const SORTS: Record<(typeof AGREEMENT_SORTS)[number], SortField> = {
  agreedOn: { column: agreements.agreedOn },
  createdAt: { column: agreements.createdAt, cast: 'timestamptz' },
  updatedAt: { column: agreements.updatedAt, cast: 'timestamptz' },
};

/** SQL true while an agreement binds us: proposed or agreed, and not past its date. */
export const bindingSql = sql<boolean>`(${agreements.status} IN (${sql.join(
  OPEN_AGREEMENT_STATUSES.map((s) => sql`${s}`),
  sql`, `,
)}) AND (${agreements.validUntil} IS NULL OR ${agreements.validUntil} >= CURRENT_DATE))`;

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Agreements as the API shows them. The customer is named only to those who may read it: the
 * others still see that the promise exists (and what it reserves), not with whom.
 */
export async function presentAgreements(
  ctx: Ctx,
  db: Executor,
  rows: readonly (AgreementRow & { binding?: boolean })[],
): Promise<TAgreement[]> {
  const people = [...new Set(rows.flatMap((r) => [r.agreedById, r.createdById]).filter((id): id is string => Boolean(id)))];
  const [records, names, contractsById, dealsById] = await Promise.all([
    readableRecords(ctx, db, {
      company: rows.flatMap((r) => r.companyId ?? []),
      contact: rows.flatMap((r) => r.contactId ?? []),
    }),
    people.length === 0
      ? []
      : db
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(and(eq(users.workspaceId, ctx.actor.workspaceId), inArray(users.id, people))),
    contractRefs(
      ctx,
      db,
      rows.flatMap((r) => r.contractId ?? []),
    ),
    readableDealRefs(
      ctx,
      db,
      rows.flatMap((r) => r.dealId ?? []),
    ),
  ]);
  const deal = (id: string | null) => {
    const found = id ? dealsById.get(id) : undefined;
    return found ? { id: found.id, title: found.title } : null;
  };
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  const person = (id: string | null) => (id && nameOf.has(id) ? { id, name: nameOf.get(id) as string } : null);
  const record = (id: string | null) => {
    const found = id ? records.get(id) : undefined;
    return found ? { id: found.id, name: found.name } : null;
  };
  const now = today();
  const rights = await Promise.all(
    rows.map(async (row) => {
      const ref = { ownerId: row.agreedById ?? row.createdById, unitId: row.unitId };
      return {
        mayChange: await agreementPolicy.can(ctx.actor, 'update', ref),
        mayDelete: await agreementPolicy.can(ctx.actor, 'delete', ref),
      };
    }),
  );
  return rows.map((row, i) => ({
    id: row.id,
    title: row.title,
    details: row.details,
    status: row.status,
    company: record(row.companyId),
    contact: record(row.contactId),
    customerHidden: Boolean((row.companyId && !records.has(row.companyId)) || (row.contactId && !records.has(row.contactId))),
    agreedBy: person(row.agreedById),
    agreedOn: row.agreedOn,
    validUntil: row.validUntil,
    resource: row.resource,
    contract: (row.contractId && contractsById.get(row.contractId)) || null,
    deal: deal(row.dealId),
    binding:
      row.binding ?? ((OPEN_AGREEMENT_STATUSES as readonly string[]).includes(row.status) && (!row.validUntil || row.validUntil >= now)),
    createdBy: person(row.createdById),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    mayChange: rights[i]?.mayChange ?? false,
    mayDelete: rights[i]?.mayDelete ?? false,
  }));
}

/** Number and subject of the contracts among `ids` whose company the actor may read. */
async function contractRefs(ctx: Ctx, db: Executor, ids: readonly string[]) {
  const found = new Map<string, { id: string; number: string; subject: string }>();
  if (ids.length === 0) return found;
  const rows = await db
    .select({ id: contracts.id, number: contracts.number, subject: contracts.subject })
    .from(contracts)
    .innerJoin(companies, and(eq(companies.workspaceId, contracts.workspaceId), eq(companies.id, contracts.companyId)))
    .where(
      and(
        eq(contracts.workspaceId, ctx.actor.workspaceId),
        inArray(contracts.id, [...new Set(ids)]),
        isNull(contracts.deletedAt),
        isNull(companies.deletedAt),
        await companyPolicy.filter(ctx.actor, 'read', { owner: companies.ownerId, unit: companies.unitId }),
      ),
    );
  for (const row of rows) found.set(row.id, row);
  return found;
}

/** A contract named by an agreement must be one the actor may read. */
async function checkContract(ctx: Ctx, db: Executor, contractId: string | null | undefined) {
  if (!contractId) return;
  if (!(await contractRefs(ctx, db, [contractId])).has(contractId))
    throw new AppError('validation_failed', 'No such contract', { errors: [{ path: 'contractId', message: 'No such contract' }] });
}

async function findAgreement(ctx: Ctx, db: Executor, id: string, lock = false): Promise<AgreementRow> {
  await agreementPolicy.authorize(ctx.actor, 'read');
  const query = db
    .select()
    .from(agreements)
    .where(and(eq(agreements.workspaceId, ctx.actor.workspaceId), eq(agreements.id, id), isNull(agreements.deletedAt)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('agreement');
  return row;
}

export async function getAgreement(ctx: Ctx, id: string): Promise<TAgreement> {
  const [agreement] = await presentAgreements(ctx, ctx.db, [await findAgreement(ctx, ctx.db, id)]);
  return agreement as TAgreement;
}

function checkShape(values: { companyId: string | null; contactId: string | null; agreedOn: string; validUntil: string | null }) {
  const errors: FieldError[] = [];
  if (!values.companyId && !values.contactId) errors.push({ path: 'companyId', message: 'Choose a company or a contact' });
  if (values.validUntil && values.validUntil < values.agreedOn) errors.push({ path: 'validUntil', message: 'Ends before it was agreed' });
  if (errors.length > 0) throw new AppError('validation_failed', 'The agreement is not complete', { errors });
}

/**
 * A deal named by an agreement must be one the actor may read; when both the agreement and the
 * deal name a company, it must be the same one. 400 naming `dealId` otherwise.
 */
async function checkDeal(ctx: Ctx, db: Executor, dealId: string | null | undefined, companyId: string | null, known = false) {
  if (!dealId) return;
  // A deal the agreement already names is not the editor's to see: only its company is compared.
  const [deal] = known
    ? await db
        .select({ companyId: deals.companyId })
        .from(deals)
        .where(and(eq(deals.workspaceId, ctx.actor.workspaceId), eq(deals.id, dealId)))
    : [(await assertReadableDeals(ctx, db, { path: 'dealId', ids: [dealId], single: true })).get(dealId)];
  if (deal?.companyId && companyId && deal.companyId !== companyId)
    throw new AppError('validation_failed', 'The deal is with another company', {
      errors: [{ path: 'dealId', message: 'The deal is with another company' }],
    });
}

async function checkCustomers(ctx: Ctx, db: Executor, values: { companyId?: string | null; contactId?: string | null }) {
  await assertReadable(ctx, db, [
    { path: 'companyId', type: 'company', ids: values.companyId ? [values.companyId] : [], single: true },
    { path: 'contactId', type: 'contact', ids: values.contactId ? [values.contactId] : [], single: true },
  ]);
}

/** Records a promise made to or by a customer the actor may read. */
export async function createAgreement(ctx: Ctx, raw: TCreateAgreementInput): Promise<TAgreement> {
  const input = ZCreateAgreementInput.parse(raw);
  const workspaceId = ctx.actor.workspaceId;
  const values = {
    companyId: input.companyId ?? null,
    contactId: input.contactId ?? null,
    agreedOn: input.agreedOn ?? today(),
    validUntil: input.validUntil ?? null,
  };
  checkShape(values);
  const agreedById = input.agreedById ?? ctx.actor.userId;
  await agreementPolicy.authorize(ctx.actor, 'create');
  const [unitId] = await Promise.all([
    agreedById === ctx.actor.userId ? ctx.actor.unitId : unitOfUser(ctx.db, workspaceId, agreedById, 'agreedById'),
    checkCustomers(ctx, ctx.db, values),
    checkContract(ctx, ctx.db, input.contractId),
    checkDeal(ctx, ctx.db, input.dealId, values.companyId),
  ]);
  const [row] = await ctx.db
    .insert(agreements)
    .values({
      workspaceId,
      title: input.title,
      details: input.details || null,
      status: input.status,
      ...values,
      agreedById,
      unitId,
      resource: input.resource || null,
      contractId: input.contractId ?? null,
      dealId: input.dealId ?? null,
      createdById: ctx.actor.userId,
    })
    .returning();
  if (!row) throw new Error('agreement insert returned nothing');
  const [agreement] = await presentAgreements(ctx, ctx.db, [row]);
  return agreement as TAgreement;
}

/** Changes an agreement (its status above all): whoever agreed, their unit's manager, or an admin. */
export async function updateAgreement(ctx: Ctx, id: string, raw: TUpdateAgreementInput): Promise<TAgreement> {
  const input = ZUpdateAgreementInput.parse(raw);
  return ctx.db.transaction(async (tx) => {
    const row = await findAgreement(ctx, tx, id, true);
    await agreementPolicy.authorize(ctx.actor, 'update', { ownerId: row.agreedById ?? row.createdById, unitId: row.unitId });
    const values = {
      companyId: input.companyId === undefined ? row.companyId : input.companyId,
      contactId: input.contactId === undefined ? row.contactId : input.contactId,
      agreedOn: input.agreedOn ?? row.agreedOn,
      validUntil: input.validUntil === undefined ? row.validUntil : input.validUntil,
    };
    checkShape(values);
    await checkCustomers(ctx, tx, {
      companyId: values.companyId !== row.companyId ? values.companyId : null,
      contactId: values.contactId !== row.contactId ? values.contactId : null,
    });
    if (input.contractId !== undefined && input.contractId !== row.contractId) await checkContract(ctx, tx, input.contractId);
    const dealId = input.dealId === undefined ? row.dealId : input.dealId;
    // A new deal, or a kept one under another company: the pair is checked again.
    if (dealId !== row.dealId || values.companyId !== row.companyId)
      await checkDeal(ctx, tx, dealId, values.companyId, dealId === row.dealId);
    const agreedById = input.agreedById ?? row.agreedById;
    const unitId =
      input.agreedById && input.agreedById !== row.agreedById
        ? await unitOfUser(tx, row.workspaceId, input.agreedById, 'agreedById')
        : row.unitId;
    const [updated] = await tx
      .update(agreements)
      .set({
        ...values,
        title: input.title ?? row.title,
        details: input.details === undefined ? row.details : input.details || null,
        status: input.status ?? row.status,
        agreedById,
        unitId,
        resource: input.resource === undefined ? row.resource : input.resource || null,
        contractId: input.contractId === undefined ? row.contractId : input.contractId,
        dealId,
        updatedAt: sql`now()`,
      })
      .where(and(eq(agreements.workspaceId, row.workspaceId), eq(agreements.id, row.id)))
      .returning();
    if (!updated) throw notFound('agreement');
    await recordChange(tx, {
      workspaceId: row.workspaceId,
      entityType: 'agreement',
      entityId: row.id,
      actorId: ctx.actor.userId,
      action: 'updated',
      before: row,
      after: updated,
      fields: TRACKED,
    });
    const [agreement] = await presentAgreements(ctx, tx, [updated]);
    return agreement as TAgreement;
  });
}

/** Moves an agreement to the bin; a mistaken record, not a broken promise (that is a status). */
export async function deleteAgreement(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const row = await findAgreement(ctx, tx, id, true);
    await agreementPolicy.authorize(ctx.actor, 'delete', { ownerId: row.agreedById ?? row.createdById, unitId: row.unitId });
    await tx
      .update(agreements)
      .set({ deletedAt: sql`now()` })
      .where(and(eq(agreements.workspaceId, row.workspaceId), eq(agreements.id, row.id)));
    await recordChange(tx, {
      workspaceId: row.workspaceId,
      entityType: 'agreement',
      entityId: row.id,
      actorId: ctx.actor.userId,
      action: 'deleted',
      before: null,
      after: null,
      fields: [],
    });
  });
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The agreements of a company: its own and those made with its contacts. */
export function agreementsOfCustomers(companyIds: readonly string[], contactIds: readonly string[]): SQL {
  const conditions = [
    companyIds.length > 0 ? inArray(agreements.companyId, [...companyIds]) : undefined,
    contactIds.length > 0 ? inArray(agreements.contactId, [...contactIds]) : undefined,
  ].filter((c): c is SQL => c !== undefined);
  return conditions.length === 0 ? sql`false` : (or(...conditions) as SQL);
}

/** The company-wide list of agreements, with what binds us first to hand (`filter[binding]=true`). */
export async function listAgreements(ctx: Ctx, query: TAgreementListQuery) {
  await agreementPolicy.authorize(ctx.actor, 'read');
  const workspaceId = ctx.actor.workspaceId;
  const keyset = parseSort(query.sort, SORTS, '-agreedOn');
  const companyId = query['filter[companyId]'];
  const customer = companyId
    ? await customerCondition(ctx, companyId)
    : query['filter[contactId]']
      ? eq(agreements.contactId, query['filter[contactId]'])
      : undefined;
  const q = query.q?.trim().toLowerCase();
  const resource = query['filter[resource]']?.trim().toLowerCase();
  const conditions = [
    eq(agreements.workspaceId, workspaceId),
    isNull(agreements.deletedAt),
    customer,
    query['filter[status]']?.length ? inArray(agreements.status, query['filter[status]']) : undefined,
    query['filter[binding]'] === 'true' ? bindingSql : query['filter[binding]'] === 'false' ? sql`NOT ${bindingSql}` : undefined,
    query['filter[agreedById]'] ? eq(agreements.agreedById, query['filter[agreedById]']) : undefined,
    query['filter[contractId]'] ? eq(agreements.contractId, query['filter[contractId]']) : undefined,
    query['filter[dealId]'] ? await dealCondition(ctx, query['filter[dealId]']) : undefined,
    resource ? sql`lower(coalesce(${agreements.resource}, '')) LIKE ${`%${escapeLike(resource)}%`}` : undefined,
    q
      ? sql`(lower(coalesce(${agreements.title}, '') || ' ' || coalesce(${agreements.resource}, '')) LIKE ${`%${escapeLike(q)}%`}
          OR lower(coalesce(${agreements.details}, '')) LIKE ${`%${escapeLike(q)}%`})`
      : undefined,
  ];
  const rows = await ctx.db
    .select({ row: agreements, binding: bindingSql, cursorKey: cursorKey(keyset) })
    .from(agreements)
    .where(and(...conditions, afterCursor(keyset, agreements.id, query.cursor)))
    .orderBy(...orderBy(keyset, agreements.id))
    .limit(query.limit + 1);
  const [counted] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(agreements)
    .where(and(...conditions));
  const { page, nextCursor } = pageOf(
    rows.map((r) => ({ ...r.row, binding: r.binding, cursorKey: r.cursorKey })),
    query.limit,
    keyset,
  );
  return { data: await presentAgreements(ctx, ctx.db, page), nextCursor, total: counted?.n ?? 0 };
}

/** The agreements made in a deal: the deal must be one the actor may read (404 otherwise). */
async function dealCondition(ctx: Ctx, dealId: string): Promise<SQL> {
  if (!(await readableDealRefs(ctx, ctx.db, [dealId])).has(dealId)) throw notFound('deal');
  return eq(agreements.dealId, dealId);
}

/** A company's agreements and its contacts': the company must be one the actor may read. */
async function customerCondition(ctx: Ctx, companyId: string): Promise<SQL> {
  const found = await readableRecords(ctx, ctx.db, { company: [companyId] });
  if (!found.has(companyId)) throw notFound('company');
  const contactIds = await contactsOfCompanies(ctx.db, ctx.actor.workspaceId, [companyId]);
  return agreementsOfCustomers([companyId], contactIds);
}
