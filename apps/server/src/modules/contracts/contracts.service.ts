import {
  type CONTRACT_SORTS,
  type TAgreement,
  type TContract,
  type TContractListQuery,
  type TCreateContractInput,
  type TUpdateContractInput,
  ZCreateContractInput,
  ZUpdateContractInput,
} from '@clientela/contract';
import { type AnyColumn, and, desc, eq, ilike, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { afterCursor, cursorKey, orderBy, pageOf, parseSort, type SortField } from '../../lib/pagination.ts';
import { assertReadable, unitOfUser } from '../activities/records.ts';
import { bindingSql, presentAgreements } from '../agreements/agreements.service.ts';
import { agreements } from '../agreements/agreements.table.ts';
import { companies, companyPolicy } from '../companies/index.ts';
import { contacts } from '../contacts/index.ts';
import { escapeLike, users } from '../users/index.ts';
import { contractPolicy } from './contracts.policy.ts';
import { contracts } from './contracts.table.ts';

/** A contract without an end date sorts after every dated one (it runs "for ever"). */
const endOrNever = sql`coalesce(${contracts.endDate}, 'infinity'::date)` as unknown as AnyColumn;

const SORTS: Record<(typeof CONTRACT_SORTS)[number], SortField> = {
  endDate: { column: endOrNever },
  number: { column: contracts.number },
  createdAt: { column: contracts.createdAt, cast: 'timestamptz' },
};

const bindingCount = sql<number>`(SELECT count(*)::int FROM ${agreements}
  WHERE ${agreements.workspaceId} = ${contracts.workspaceId} AND ${agreements.contractId} = ${contracts.id}
    AND ${agreements.deletedAt} IS NULL AND ${bindingSql})`;

/** A contract is seen by whoever may read its company. */
async function readableCompany(ctx: Ctx): Promise<SQL> {
  return and(
    isNull(companies.deletedAt),
    await companyPolicy.filter(ctx.actor, 'read', { owner: companies.ownerId, unit: companies.unitId }),
  ) as SQL;
}

function selectContracts(db: Executor, key: SQL<string> = sql<string>`''`) {
  return db
    .select({
      key,
      contract: contracts,
      companyName: companies.name,
      contactName: contacts.name,
      responsibleName: users.name,
      binding: bindingCount,
    })
    .from(contracts)
    .innerJoin(companies, and(eq(companies.workspaceId, contracts.workspaceId), eq(companies.id, contracts.companyId)))
    .leftJoin(contacts, and(eq(contacts.workspaceId, contracts.workspaceId), eq(contacts.id, contracts.contactId)))
    .leftJoin(users, and(eq(users.workspaceId, contracts.workspaceId), eq(users.id, contracts.responsibleId)));
}

type Selected = Awaited<ReturnType<typeof selectContracts>>[number];

function present({ contract, companyName, contactName, responsibleName, binding }: Selected): TContract {
  return {
    id: contract.id,
    number: contract.number,
    subject: contract.subject,
    company: { id: contract.companyId, name: companyName },
    contact: contract.contactId ? { id: contract.contactId, name: contactName ?? '' } : null,
    startDate: contract.startDate,
    endDate: contract.endDate,
    value: contract.value,
    currency: contract.currency,
    renewal: contract.renewal,
    responsible: contract.responsibleId && responsibleName ? { id: contract.responsibleId, name: responsibleName } : null,
    unitId: contract.unitId,
    notes: contract.notes,
    bindingAgreements: binding,
    createdAt: contract.createdAt.toISOString(),
    updatedAt: contract.updatedAt.toISOString(),
  };
}

async function findVisible(ctx: Ctx, db: Executor, id: string): Promise<Selected> {
  const [row] = await selectContracts(db).where(
    and(eq(contracts.workspaceId, ctx.actor.workspaceId), eq(contracts.id, id), isNull(contracts.deletedAt), await readableCompany(ctx)),
  );
  if (!row) throw notFound('contract');
  return row;
}

export async function getContract(ctx: Ctx, id: string): Promise<TContract> {
  return present(await findVisible(ctx, ctx.db, id));
}

const numberTaken = () =>
  new AppError('contract_number_taken', 'Another contract has this number', {
    errors: [{ path: 'number', message: 'Already in use' }],
  });

function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } }).cause ?? error;
  return (cause as { code?: string }).code === '23505';
}

function checkDates(values: { startDate: string | null; endDate: string | null; value: string | null; currency: string | null }) {
  const errors = [];
  if (values.startDate && values.endDate && values.endDate < values.startDate)
    errors.push({ path: 'endDate', message: 'Ends before it starts' });
  if (values.value && !values.currency) errors.push({ path: 'currency', message: 'An amount needs its currency' });
  if (errors.length > 0) throw new AppError('validation_failed', 'The contract is not consistent', { errors });
}

/** Records a contract with a company the actor may read; by default the actor is responsible. */
export async function createContract(ctx: Ctx, raw: TCreateContractInput): Promise<TContract> {
  const input = ZCreateContractInput.parse(raw);
  const workspaceId = ctx.actor.workspaceId;
  const values = {
    startDate: input.startDate ?? null,
    endDate: input.endDate ?? null,
    value: input.value ?? null,
    currency: input.currency ?? null,
  };
  checkDates(values);
  const responsibleId = input.responsibleId === undefined ? ctx.actor.userId : input.responsibleId;
  const [responsibleUnit] = await Promise.all([
    responsibleId && responsibleId !== ctx.actor.userId
      ? unitOfUser(ctx.db, workspaceId, responsibleId, 'responsibleId')
      : ctx.actor.unitId,
    assertReadable(ctx, ctx.db, [
      { path: 'companyId', type: 'company', ids: [input.companyId], single: true },
      { path: 'contactId', type: 'contact', ids: input.contactId ? [input.contactId] : [], single: true },
    ]),
  ]);
  const unitId = responsibleId ? responsibleUnit : null;
  await contractPolicy.authorize(ctx.actor, 'create', { ownerId: responsibleId, unitId });
  try {
    const [row] = await ctx.db
      .insert(contracts)
      .values({
        workspaceId,
        number: input.number,
        subject: input.subject,
        companyId: input.companyId,
        contactId: input.contactId ?? null,
        ...values,
        renewal: input.renewal ?? 'to_renegotiate',
        responsibleId,
        unitId,
        notes: input.notes || null,
        createdById: ctx.actor.userId,
      })
      .returning({ id: contracts.id });
    if (!row) throw new Error('contract insert returned nothing');
    return getContract(ctx, row.id);
  } catch (error) {
    if (isUniqueViolation(error)) throw numberTaken();
    throw error;
  }
}

/**
 * Changes a contract: its responsible person, their unit's manager or an admin. Ending it while
 * agreements about it still bind us answers 409 `binding_agreements` naming them, until the
 * person sends their ids back (they have seen them) or closes them.
 */
export async function updateContract(ctx: Ctx, id: string, raw: TUpdateContractInput): Promise<TContract> {
  const { acknowledgedAgreementIds, ...input } = ZUpdateContractInput.parse(raw);
  const workspaceId = ctx.actor.workspaceId;
  try {
    await ctx.db.transaction(async (tx) => {
      // Locked before it is read, so that two changes at once each see the other's result (the
      // visible read joins nullable rows, which FOR UPDATE may not lock).
      await tx
        .select({ id: contracts.id })
        .from(contracts)
        .where(and(eq(contracts.workspaceId, workspaceId), eq(contracts.id, id)))
        .for('update');
      const { contract } = await findVisible(ctx, tx, id);
      await contractPolicy.authorize(ctx.actor, 'update', { ownerId: contract.responsibleId, unitId: contract.unitId });
      const values = {
        startDate: input.startDate === undefined ? contract.startDate : input.startDate,
        endDate: input.endDate === undefined ? contract.endDate : input.endDate,
        value: input.value === undefined ? contract.value : input.value,
        currency: input.currency === undefined ? contract.currency : input.currency,
      };
      checkDates(values);
      await assertReadable(ctx, tx, [
        {
          path: 'companyId',
          type: 'company',
          ids: input.companyId && input.companyId !== contract.companyId ? [input.companyId] : [],
          single: true,
        },
        {
          path: 'contactId',
          type: 'contact',
          ids: input.contactId && input.contactId !== contract.contactId ? [input.contactId] : [],
          single: true,
        },
      ]);
      let unitId = contract.unitId;
      if (input.responsibleId !== undefined && input.responsibleId !== contract.responsibleId) {
        unitId = input.responsibleId ? await unitOfUser(tx, workspaceId, input.responsibleId, 'responsibleId') : null;
      }
      if (input.renewal === 'ended' && contract.renewal !== 'ended')
        await assertNoBindingAgreements(ctx, tx, id, acknowledgedAgreementIds ?? []);
      await tx
        .update(contracts)
        .set({
          ...values,
          number: input.number ?? contract.number,
          subject: input.subject ?? contract.subject,
          companyId: input.companyId ?? contract.companyId,
          contactId: input.contactId === undefined ? contract.contactId : input.contactId,
          renewal: input.renewal ?? contract.renewal,
          responsibleId: input.responsibleId === undefined ? contract.responsibleId : input.responsibleId,
          unitId,
          notes: input.notes === undefined ? contract.notes : input.notes || null,
          updatedAt: sql`now()`,
        })
        .where(and(eq(contracts.workspaceId, workspaceId), eq(contracts.id, id)));
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw numberTaken();
    throw error;
  }
  return getContract(ctx, id);
}

async function assertNoBindingAgreements(ctx: Ctx, tx: Executor, contractId: string, acknowledged: readonly string[]) {
  const binding = await tx
    .select({ id: agreements.id, title: agreements.title, validUntil: agreements.validUntil })
    .from(agreements)
    .where(
      and(
        eq(agreements.workspaceId, ctx.actor.workspaceId),
        eq(agreements.contractId, contractId),
        isNull(agreements.deletedAt),
        bindingSql,
      ),
    );
  const seen = new Set(acknowledged);
  const unseen = binding.filter((a) => !seen.has(a.id));
  if (unseen.length === 0) return;
  throw new AppError('binding_agreements', `${unseen.length} agreement(s) about this contract still bind us`, {
    errors: unseen.map((a) => ({
      path: `agreements.${a.id}`,
      message: a.validUntil ? `${a.title} (until ${a.validUntil})` : a.title,
    })),
  });
}

export async function deleteContract(ctx: Ctx, id: string): Promise<void> {
  const { contract } = await findVisible(ctx, ctx.db, id);
  await contractPolicy.authorize(ctx.actor, 'delete', { ownerId: contract.responsibleId, unitId: contract.unitId });
  await ctx.db
    .update(contracts)
    .set({ deletedAt: sql`now()` })
    .where(and(eq(contracts.workspaceId, ctx.actor.workspaceId), eq(contracts.id, id)));
}

/** Contracts of the companies the actor may read: by company, renewal state, expiring soon or expired. */
export async function listContracts(ctx: Ctx, query: TContractListQuery) {
  const keyset = parseSort(
    query.sort,
    SORTS,
    query['filter[expiringWithin]'] !== undefined || query['filter[expired]'] ? 'endDate' : '-createdAt',
  );
  const q = query.q?.trim();
  const within = query['filter[expiringWithin]'];
  const live = and(ne(contracts.renewal, 'ended'), sql`${contracts.endDate} IS NOT NULL`);
  const conditions = [
    eq(contracts.workspaceId, ctx.actor.workspaceId),
    isNull(contracts.deletedAt),
    await readableCompany(ctx),
    query['filter[companyId]'] ? eq(contracts.companyId, query['filter[companyId]']) : undefined,
    query['filter[renewal]'] ? eq(contracts.renewal, query['filter[renewal]']) : undefined,
    query['filter[responsibleId]'] ? eq(contracts.responsibleId, query['filter[responsibleId]']) : undefined,
    within !== undefined
      ? and(live, sql`${contracts.endDate} >= CURRENT_DATE AND ${contracts.endDate} <= CURRENT_DATE + ${within}::int`)
      : undefined,
    query['filter[expired]'] ? and(live, sql`${contracts.endDate} < CURRENT_DATE`) : undefined,
    q ? or(ilike(contracts.number, `%${escapeLike(q)}%`), ilike(contracts.subject, `%${escapeLike(q)}%`)) : undefined,
  ];
  const rows = await selectContracts(ctx.db, cursorKey(keyset))
    .where(and(...conditions, afterCursor(keyset, contracts.id, query.cursor)))
    .orderBy(...orderBy(keyset, contracts.id))
    .limit(query.limit + 1);
  const [counted] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(contracts)
    .innerJoin(companies, and(eq(companies.workspaceId, contracts.workspaceId), eq(companies.id, contracts.companyId)))
    .where(and(...conditions));
  const { page, nextCursor } = pageOf(
    rows.map((row) => ({ ...row, id: row.contract.id, cursorKey: row.key })),
    query.limit,
    keyset,
  );
  return { data: page.map(present), nextCursor, total: counted?.n ?? 0 };
}

/** The agreements about a contract, those that bind us first: shown before anybody ends it. */
export async function contractAgreements(ctx: Ctx, id: string): Promise<{ data: TAgreement[] }> {
  await findVisible(ctx, ctx.db, id);
  const rows = await ctx.db
    .select({ row: agreements, binding: bindingSql })
    .from(agreements)
    .where(and(eq(agreements.workspaceId, ctx.actor.workspaceId), eq(agreements.contractId, id), isNull(agreements.deletedAt)))
    .orderBy(desc(bindingSql), desc(agreements.agreedOn), desc(agreements.id));
  return {
    data: await presentAgreements(
      ctx,
      ctx.db,
      rows.map((r) => ({ ...r.row, binding: r.binding })),
    ),
  };
}
