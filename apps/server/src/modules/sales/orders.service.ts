import type {
  TCreateOrderInput,
  TCreatePaymentInput,
  TCreditStatus,
  TOrder,
  TOrderListQuery,
  TOrderStatus,
  TOrderStatusInput,
  TPayment,
  TPaymentListQuery,
  TSalesSummary,
  TSalesSummaryQuery,
  TUpdateOrderInput,
} from '@clientela/contract';
import {
  ZCreateOrderInput,
  ZCreatePaymentInput,
  ZOrderStatusInput,
  ZPutCreditLimitInput,
  ZSalesSummaryQuery,
  ZUpdateOrderInput,
} from '@clientela/contract';
import { and, eq, ilike, isNull, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { afterCursor, cursorKey, orderBy, pageOf, parseSort } from '../../lib/pagination.ts';
import { assertReadable } from '../activities/records.ts';
import { companies, companyGroups } from '../companies/index.ts';
import { contacts } from '../contacts/index.ts';
import { baseAmountSql, baseCurrencyOf, EXPOSED_SQL, unknownCurrencies } from '../currencies/index.ts';
import { deals, readableDeals } from '../deals/index.ts';
import { priceLists } from '../products/index.ts';
import { units } from '../units/index.ts';
import { escapeLike, users } from '../users/index.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';
import { type LineValues, linesOf, resolveLines, writeLines } from './lines.ts';
import { nextNumber } from './numbers.ts';
import { salesPolicy } from './sales.policy.ts';
import { creditLimits, orderLines, payments, quotes, salesOrders } from './sales.table.ts';

const overrideBy = alias(users, 'override_by');

function selectOrders(db: Executor, key: SQL<string> = sql<string>`''`) {
  return db
    .select({
      key,
      order: salesOrders,
      receivable: sql<string>`(${salesOrders.invoiced} - ${salesOrders.paid})::text`,
      companyName: companies.name,
      contactName: contacts.name,
      dealTitle: deals.title,
      quoteNumber: quotes.number,
      quoteVersion: quotes.version,
      ownerName: users.name,
      unitName: units.name,
      overrideByName: overrideBy.name,
      baseCurrency: workspaces.baseCurrency,
    })
    .from(salesOrders)
    .innerJoin(companies, and(eq(companies.workspaceId, salesOrders.workspaceId), eq(companies.id, salesOrders.companyId)))
    .innerJoin(workspaces, eq(workspaces.id, salesOrders.workspaceId))
    .leftJoin(contacts, and(eq(contacts.workspaceId, salesOrders.workspaceId), eq(contacts.id, salesOrders.contactId)))
    .leftJoin(deals, and(eq(deals.workspaceId, salesOrders.workspaceId), eq(deals.id, salesOrders.dealId)))
    .leftJoin(quotes, and(eq(quotes.workspaceId, salesOrders.workspaceId), eq(quotes.id, salesOrders.quoteId)))
    .leftJoin(users, and(eq(users.workspaceId, salesOrders.workspaceId), eq(users.id, salesOrders.ownerId)))
    .leftJoin(units, and(eq(units.workspaceId, salesOrders.workspaceId), eq(units.id, salesOrders.unitId)))
    .leftJoin(overrideBy, and(eq(overrideBy.workspaceId, salesOrders.workspaceId), eq(overrideBy.id, salesOrders.creditOverrideById)));
}
type Selected = Awaited<ReturnType<typeof selectOrders>>[number];

const ref = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

async function presentOrders(ctx: Ctx, rows: Selected[]): Promise<TOrder[]> {
  const lines = await linesOf(
    ctx.db,
    orderLines,
    ctx.actor.workspaceId,
    'orderId',
    rows.map((r) => r.order.id),
  );
  return Promise.all(
    rows.map(async (row) => {
      const { order } = row;
      return {
        id: order.id,
        number: order.number,
        status: order.status,
        company: { id: order.companyId, name: row.companyName },
        contact: ref(order.contactId, row.contactName),
        deal: order.dealId ? { id: order.dealId, title: row.dealTitle ?? '' } : null,
        quoteId: order.quoteId,
        quote: order.quoteId ? { id: order.quoteId, number: row.quoteNumber ?? '', version: row.quoteVersion ?? 1 } : null,
        owner: ref(order.ownerId, row.ownerName),
        unit: ref(order.unitId, row.unitName),
        priceListId: order.priceListId,
        currency: order.currency,
        orderedOn: order.orderedOn,
        lines: lines.get(order.id) ?? [],
        net: order.net,
        vat: order.vat,
        total: order.total,
        totalBase: order.totalBase,
        baseCurrency: row.baseCurrency,
        invoiced: order.invoiced,
        paid: order.paid,
        receivable: row.receivable,
        creditOverride:
          order.creditOverrideById && order.creditOverrideAt
            ? {
                by: { id: order.creditOverrideById, name: row.overrideByName ?? '' },
                reason: order.creditOverrideReason ?? '',
                at: order.creditOverrideAt.toISOString(),
              }
            : null,
        notes: order.notes,
        mayChange: await salesPolicy.can(ctx.actor, 'update', { ownerId: order.ownerId, unitId: order.unitId }),
        createdAt: order.createdAt.toISOString(),
        updatedAt: order.updatedAt.toISOString(),
      };
    }),
  );
}

async function readableOrders(ctx: Ctx): Promise<SQL> {
  return and(
    eq(salesOrders.workspaceId, ctx.actor.workspaceId),
    await salesPolicy.filter(ctx.actor, 'read', { owner: salesOrders.ownerId, unit: salesOrders.unitId }),
  ) as SQL;
}

export async function getOrder(ctx: Ctx, id: string): Promise<TOrder> {
  const rows = await selectOrders(ctx.db).where(and(eq(salesOrders.id, id), await readableOrders(ctx)));
  const [order] = await presentOrders(ctx, rows);
  if (!order) throw notFound('order');
  return order;
}

/** Locks an order the actor may change, for the rest of the transaction. */
async function lockOrder(ctx: Ctx, tx: Executor, id: string) {
  const [order] = await tx
    .select()
    .from(salesOrders)
    .where(and(eq(salesOrders.workspaceId, ctx.actor.workspaceId), eq(salesOrders.id, id)))
    .for('update');
  if (!order || !(await salesPolicy.can(ctx.actor, 'read', { ownerId: order.ownerId, unitId: order.unitId }))) throw notFound('order');
  await salesPolicy.authorize(ctx.actor, 'update', { ownerId: order.ownerId, unitId: order.unitId });
  return order;
}

/** Brings an order's totals, base value and credit exposure in step with its lines, payments and status. */
async function refreshOrder(tx: Executor, workspaceId: string, id: string) {
  const ws = sql`${workspaceId}::uuid`;
  const day = sql`sales_order.ordered_on`;
  const currency = sql`sales_order.currency`;
  await tx.execute(sql`
    UPDATE sales_order SET net = l.net, vat = l.vat, total = l.net + l.vat, updated_at = now()
    FROM (SELECT coalesce(sum(net), 0) AS net, coalesce(sum(vat), 0) AS vat FROM order_line
      WHERE workspace_id = ${workspaceId} AND order_id = ${id}) l
    WHERE sales_order.workspace_id = ${workspaceId} AND sales_order.id = ${id}`);
  await tx.execute(sql`
    UPDATE sales_order SET total_base = ${baseAmountSql(ws, sql`sales_order.total`, currency, day)},
      exposure_base = coalesce(${baseAmountSql(ws, sql.raw(EXPOSED_SQL), currency, day)}, 0)
    WHERE sales_order.workspace_id = ${workspaceId} AND sales_order.id = ${id}`);
}

/** The price list of a new document and its currency: the one named, else the default one, else none and the currency named or the base. */
export async function documentPricing(db: Executor, workspaceId: string, input: { priceListId?: string | null; currency?: string }) {
  const [list] = await db
    .select({ id: priceLists.id, currency: priceLists.currency })
    .from(priceLists)
    .where(
      and(
        eq(priceLists.workspaceId, workspaceId),
        isNull(priceLists.deletedAt),
        input.priceListId ? eq(priceLists.id, input.priceListId) : input.priceListId === null ? sql`false` : eq(priceLists.isDefault, true),
      ),
    );
  if (input.priceListId && !list)
    throw new AppError('validation_failed', 'No such price list', { errors: [{ path: 'priceListId', message: 'No such price list' }] });
  if (list && input.currency && input.currency !== list.currency && input.priceListId)
    throw new AppError('validation_failed', 'The price list is in another currency', {
      errors: [{ path: 'currency', message: `The price list is in ${list.currency}` }],
    });
  const usable = list && (!input.currency || input.currency === list.currency) ? list : undefined;
  const currency = usable?.currency ?? input.currency ?? (await baseCurrencyOf(db, workspaceId));
  const unknown = await unknownCurrencies(db, workspaceId, [{ path: 'currency', code: currency }]);
  if (unknown.length) throw new AppError('validation_failed', 'Unknown currency', { errors: unknown });
  return { priceListId: usable?.id ?? null, currency };
}

/** Checks the deal a document is about: readable by the actor. */
async function assertDeal(ctx: Ctx, db: Executor, dealId: string | null | undefined) {
  if (!dealId) return;
  const [deal] = await db
    .select({ id: deals.id })
    .from(deals)
    .where(and(eq(deals.id, dealId), await readableDeals(ctx)));
  if (!deal) throw new AppError('validation_failed', 'No such deal', { errors: [{ path: 'dealId', message: 'No such deal' }] });
}

async function assertUnit(db: Executor, workspaceId: string, unitId: string) {
  const [unit] = await db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.workspaceId, workspaceId), eq(units.id, unitId)));
  if (!unit) throw new AppError('validation_failed', 'No such unit', { errors: [{ path: 'unitId', message: 'No such unit' }] });
}

/** Today in the actor's time zone. */
export async function todayOf(db: Executor, ctx: Ctx): Promise<string> {
  const result = await db.execute<{ today: string }>(
    sql`SELECT (now() AT TIME ZONE time_zone)::date::text AS today FROM app_user WHERE workspace_id = ${ctx.actor.workspaceId} AND id = ${ctx.actor.userId}`,
  );
  return result.rows[0]?.today ?? new Date().toISOString().slice(0, 10);
}

/**
 * Writes a new order (from the form, or from an accepted quote with its lines as they were), in
 * the caller's transaction. The owner is the actor; the branch is the one named or the owner's unit.
 */
export async function insertOrder(
  ctx: Ctx,
  tx: Executor,
  input: Omit<TCreateOrderInput, 'lines'> & { quoteId?: string },
  lines: LineValues[],
  pricing: { priceListId: string | null; currency: string },
): Promise<string> {
  const workspaceId = ctx.actor.workspaceId;
  const unitId = input.unitId === undefined ? ctx.actor.unitId : input.unitId;
  if (unitId && unitId !== ctx.actor.unitId) await assertUnit(tx, workspaceId, unitId);
  await salesPolicy.authorize(ctx.actor, 'create', { ownerId: ctx.actor.userId, unitId });
  const orderedOn = input.orderedOn ?? (await todayOf(tx, ctx));
  const [row] = await tx
    .insert(salesOrders)
    .values({
      workspaceId,
      number: await nextNumber(tx, workspaceId, 'O', orderedOn),
      companyId: input.companyId,
      contactId: input.contactId ?? null,
      dealId: input.dealId ?? null,
      quoteId: input.quoteId ?? null,
      ownerId: ctx.actor.userId,
      unitId: unitId ?? null,
      ...pricing,
      orderedOn,
      notes: input.notes || null,
      createdById: ctx.actor.userId,
    })
    .returning({ id: salesOrders.id });
  if (!row) throw new Error('order insert returned nothing');
  await writeLines(tx, orderLines, { workspaceId, column: 'orderId', id: row.id }, lines);
  await refreshOrder(tx, workspaceId, row.id);
  return row.id;
}

export async function createOrder(ctx: Ctx, raw: TCreateOrderInput): Promise<TOrder> {
  const input = ZCreateOrderInput.parse(raw);
  const workspaceId = ctx.actor.workspaceId;
  const id = await ctx.db.transaction(async (tx) => {
    await assertReadable(ctx, tx, [
      { path: 'companyId', type: 'company', ids: [input.companyId], single: true },
      { path: 'contactId', type: 'contact', ids: input.contactId ? [input.contactId] : [], single: true },
    ]);
    await assertDeal(ctx, tx, input.dealId);
    const pricing = await documentPricing(tx, workspaceId, input);
    const lines = await resolveLines(tx, workspaceId, pricing.priceListId, input.lines);
    return insertOrder(ctx, tx, input, lines, pricing);
  });
  return getOrder(ctx, id);
}

export async function updateOrder(ctx: Ctx, id: string, raw: TUpdateOrderInput): Promise<TOrder> {
  const input = ZUpdateOrderInput.parse(raw);
  const workspaceId = ctx.actor.workspaceId;
  await ctx.db.transaction(async (tx) => {
    const order = await lockOrder(ctx, tx, id);
    if (input.lines && order.status !== 'new')
      throw new AppError('status_transition_invalid', 'Lines change only while the order is new', {
        errors: [{ path: 'lines', message: `The order is ${order.status}` }],
      });
    if (input.invoiced !== undefined && order.status === 'cancelled')
      throw new AppError('status_transition_invalid', 'A cancelled order is not invoiced', {
        errors: [{ path: 'invoiced', message: 'Cancelled' }],
      });
    await assertReadable(ctx, tx, [{ path: 'contactId', type: 'contact', ids: input.contactId ? [input.contactId] : [], single: true }]);
    if (input.unitId) await assertUnit(tx, workspaceId, input.unitId);
    // Moved to another branch, the order must stay within the actor's reach (as when it was created).
    if (input.unitId !== undefined && input.unitId !== order.unitId)
      await salesPolicy.authorize(ctx.actor, 'update', { ownerId: order.ownerId, unitId: input.unitId });
    if (input.lines) {
      const lines = await resolveLines(tx, workspaceId, order.priceListId, input.lines);
      await writeLines(tx, orderLines, { workspaceId, column: 'orderId', id }, lines);
    }
    await tx
      .update(salesOrders)
      .set({
        ...(input.contactId !== undefined ? { contactId: input.contactId } : {}),
        ...(input.unitId !== undefined ? { unitId: input.unitId } : {}),
        ...(input.notes !== undefined ? { notes: input.notes || null } : {}),
        ...(input.invoiced !== undefined ? { invoiced: input.invoiced } : {}),
      })
      .where(and(eq(salesOrders.workspaceId, workspaceId), eq(salesOrders.id, id)));
    await refreshOrder(tx, workspaceId, id);
    const [check] = await tx
      .select({ over: sql<boolean>`${salesOrders.invoiced} > ${salesOrders.total}` })
      .from(salesOrders)
      .where(and(eq(salesOrders.workspaceId, workspaceId), eq(salesOrders.id, id)));
    if (check?.over)
      throw new AppError('validation_failed', 'More invoiced than ordered', {
        errors: [{ path: 'invoiced', message: 'Above the order total' }],
      });
  });
  return getOrder(ctx, id);
}

const NEXT: Record<TOrderStatus, readonly TOrderStatus[]> = {
  new: ['confirmed', 'cancelled'],
  confirmed: ['shipped', 'cancelled'],
  shipped: ['delivered', 'cancelled'],
  delivered: [],
  cancelled: [],
};

/**
 * The credit exposure of a company and of its group (its orders and its members' that count, in
 * the base currency), with their limits, leaving out one order; the rows are locked so that two
 * confirmations at once are checked one after the other.
 */
async function exposureOf(tx: Executor, workspaceId: string, companyId: string, exceptOrderId: string | null) {
  const [company] = await tx
    .select({ groupId: companies.groupId, groupName: companyGroups.name })
    .from(companies)
    .leftJoin(companyGroups, and(eq(companyGroups.workspaceId, companies.workspaceId), eq(companyGroups.id, companies.groupId)))
    .where(and(eq(companies.workspaceId, workspaceId), eq(companies.id, companyId)))
    .for('update', { of: companies });
  if (!company) throw notFound('company');
  if (company.groupId)
    await tx
      .select({ id: companyGroups.id })
      .from(companyGroups)
      .where(and(eq(companyGroups.workspaceId, workspaceId), eq(companyGroups.id, company.groupId)))
      .for('update');
  const except = exceptOrderId ? sql`AND o.id <> ${exceptOrderId}` : sql``;
  const result = await tx.execute<{
    company_exposure: string;
    company_limit: string | null;
    group_exposure: string;
    group_limit: string | null;
  }>(sql`
    SELECT
      (SELECT coalesce(sum(o.exposure_base), 0) FROM sales_order o WHERE o.workspace_id = ${workspaceId} AND o.company_id = ${companyId} ${except})::text AS company_exposure,
      (SELECT limit_base::text FROM credit_limit WHERE workspace_id = ${workspaceId} AND company_id = ${companyId}) AS company_limit,
      (SELECT coalesce(sum(o.exposure_base), 0) FROM sales_order o JOIN company c ON c.workspace_id = o.workspace_id AND c.id = o.company_id
        WHERE o.workspace_id = ${workspaceId} AND c.group_id = ${company.groupId} ${except})::text AS group_exposure,
      (SELECT limit_base::text FROM credit_limit WHERE workspace_id = ${workspaceId} AND group_id = ${company.groupId}) AS group_limit`);
  const row = result.rows[0];
  return {
    group: company.groupId ? { id: company.groupId, name: company.groupName ?? '' } : null,
    companyExposure: row?.company_exposure ?? '0',
    companyLimit: row?.company_limit ?? null,
    groupExposure: row?.group_exposure ?? '0',
    groupLimit: row?.group_limit ?? null,
  };
}

/** Whether `a + b > limit`, in PostgreSQL's numeric. */
async function exceeds(tx: Executor, a: string, b: string, limit: string | null): Promise<boolean> {
  if (limit === null) return false;
  const result = await tx.execute<{ over: boolean }>(sql`SELECT (${a}::numeric + ${b}::numeric > ${limit}::numeric) AS over`);
  return Boolean(result.rows[0]?.over);
}

/**
 * Moves an order on. Confirming or shipping it is checked against its company's credit limit and
 * its group's: over either, an employee is refused (409 `credit_limit_exceeded` naming each limit);
 * a manager of its branch or an admin passes only with a reason, which the order keeps.
 */
export async function setOrderStatus(ctx: Ctx, id: string, raw: TOrderStatusInput): Promise<TOrder> {
  const { status, overrideReason } = ZOrderStatusInput.parse(raw);
  const workspaceId = ctx.actor.workspaceId;
  await ctx.db.transaction(async (tx) => {
    const order = await lockOrder(ctx, tx, id);
    if (!NEXT[order.status].includes(status))
      throw new AppError('status_transition_invalid', `An order that is ${order.status} cannot become ${status}`, {
        errors: [{ path: 'status', message: `Allowed: ${NEXT[order.status].join(', ') || 'none'}` }],
      });
    let override = false;
    if (status === 'confirmed' || status === 'shipped') {
      const [own] = await tx
        .execute<{ exposure: string | null }>(sql`
        SELECT ${baseAmountSql(sql`${workspaceId}::uuid`, sql`(total - paid)`, sql`currency`, sql`ordered_on`)}::text AS exposure
        FROM sales_order WHERE workspace_id = ${workspaceId} AND id = ${id}`)
        .then((r) => r.rows);
      if (own?.exposure == null)
        throw new AppError('validation_failed', `No ${order.currency} rate on or before ${order.orderedOn}: enter one first`, {
          errors: [{ path: 'currency', message: 'No exchange rate for the order date' }],
        });
      const credit = await exposureOf(tx, workspaceId, order.companyId, id);
      const over = [
        ...((await exceeds(tx, credit.companyExposure, own.exposure, credit.companyLimit))
          ? [{ path: 'company', message: `Exposure ${credit.companyExposure} + ${own.exposure} over the limit ${credit.companyLimit}` }]
          : []),
        ...((await exceeds(tx, credit.groupExposure, own.exposure, credit.groupLimit))
          ? [{ path: 'group', message: `Group exposure ${credit.groupExposure} + ${own.exposure} over the limit ${credit.groupLimit}` }]
          : []),
      ];
      if (over.length) {
        if (!overrideReason)
          throw new AppError('credit_limit_exceeded', 'This order would put the customer over its credit limit', { errors: over });
        if (!(await salesPolicy.can(ctx.actor, 'override', { ownerId: null, unitId: order.unitId })))
          throw forbidden('Only a manager of the branch or an admin lets an order past a credit limit');
        override = true;
      }
    }
    await tx
      .update(salesOrders)
      .set({
        status,
        ...(override ? { creditOverrideById: ctx.actor.userId, creditOverrideReason: overrideReason, creditOverrideAt: sql`now()` } : {}),
      })
      .where(and(eq(salesOrders.workspaceId, workspaceId), eq(salesOrders.id, id)));
    await refreshOrder(tx, workspaceId, id);
  });
  return getOrder(ctx, id);
}

export async function listOrders(ctx: Ctx, query: TOrderListQuery) {
  const keyset = parseSort(undefined, { createdAt: { column: salesOrders.createdAt, cast: 'timestamptz' } }, '-createdAt');
  const q = query.q?.trim();
  const conditions = [
    await readableOrders(ctx),
    query['filter[status]'] ? eq(salesOrders.status, query['filter[status]']) : undefined,
    query['filter[companyId]'] ? eq(salesOrders.companyId, query['filter[companyId]']) : undefined,
    query['filter[unitId]'] ? eq(salesOrders.unitId, query['filter[unitId]']) : undefined,
    q ? or(ilike(salesOrders.number, `%${escapeLike(q)}%`), ilike(companies.name, `%${escapeLike(q)}%`)) : undefined,
  ];
  const rows = await selectOrders(ctx.db, cursorKey(keyset))
    .where(and(...conditions, afterCursor(keyset, salesOrders.id, query.cursor)))
    .orderBy(...orderBy(keyset, salesOrders.id))
    .limit(query.limit + 1);
  const [counted] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(salesOrders)
    .innerJoin(companies, and(eq(companies.workspaceId, salesOrders.workspaceId), eq(companies.id, salesOrders.companyId)))
    .where(and(...conditions));
  const { page, nextCursor } = pageOf(
    rows.map((row) => ({ ...row, id: row.order.id, cursorKey: row.key })),
    query.limit,
    keyset,
  );
  return { data: await presentOrders(ctx, page), nextCursor, total: counted?.n ?? 0 };
}

// Payments

function presentPayment(row: { payment: typeof payments.$inferSelect; number: string; companyName: string }): TPayment {
  const { payment } = row;
  return {
    id: payment.id,
    order: { id: payment.orderId, number: row.number },
    company: { id: payment.companyId, name: row.companyName },
    amount: payment.amount,
    currency: payment.currency,
    paidOn: payment.paidOn,
    amountBase: payment.amountBase,
    method: payment.method,
    reference: payment.reference,
    createdAt: payment.createdAt.toISOString(),
  };
}

function selectPayments(db: Executor) {
  return db
    .select({ payment: payments, number: salesOrders.number, companyName: companies.name })
    .from(payments)
    .innerJoin(salesOrders, and(eq(salesOrders.workspaceId, payments.workspaceId), eq(salesOrders.id, payments.orderId)))
    .innerJoin(companies, and(eq(companies.workspaceId, payments.workspaceId), eq(companies.id, payments.companyId)));
}

/** Records money received against an order, in its currency; more than it still leaves open is refused. */
export async function createPayment(ctx: Ctx, raw: TCreatePaymentInput): Promise<TPayment> {
  const input = ZCreatePaymentInput.parse(raw);
  const workspaceId = ctx.actor.workspaceId;
  const id = await ctx.db.transaction(async (tx) => {
    const order = await lockOrder(ctx, tx, input.orderId);
    if (order.status === 'cancelled')
      throw new AppError('status_transition_invalid', 'A cancelled order takes no payment', {
        errors: [{ path: 'orderId', message: 'Cancelled' }],
      });
    const [open] = await tx
      .execute<{ fits: boolean; left: string }>(
        sql`SELECT (${input.amount}::numeric <= ${order.total}::numeric - ${order.paid}::numeric) AS fits, (${order.total}::numeric - ${order.paid}::numeric)::text AS left`,
      )
      .then((r) => r.rows);
    if (!open?.fits)
      throw new AppError('validation_failed', `Only ${open?.left ?? '0'} ${order.currency} is still open on this order`, {
        errors: [{ path: 'amount', message: `At most ${open?.left ?? '0'}` }],
      });
    const paidOn = input.paidOn ?? (await todayOf(tx, ctx));
    const [row] = await tx
      .insert(payments)
      .values({
        workspaceId,
        orderId: order.id,
        companyId: order.companyId,
        amount: input.amount,
        currency: order.currency,
        paidOn,
        amountBase: baseAmountSql(
          sql`${workspaceId}::uuid`,
          sql`${input.amount}::numeric`,
          sql`${order.currency}::text`,
          sql`${paidOn}::date`,
        ),
        method: input.method ?? 'bank_transfer',
        reference: input.reference || null,
        createdById: ctx.actor.userId,
      })
      .returning({ id: payments.id });
    if (!row) throw new Error('payment insert returned nothing');
    await tx
      .update(salesOrders)
      .set({ paid: sql`${salesOrders.paid} + ${input.amount}::numeric` })
      .where(and(eq(salesOrders.workspaceId, workspaceId), eq(salesOrders.id, order.id)));
    await refreshOrder(tx, workspaceId, order.id);
    return row.id;
  });
  const [row] = await selectPayments(ctx.db).where(and(eq(payments.workspaceId, workspaceId), eq(payments.id, id)));
  if (!row) throw notFound('payment');
  return presentPayment(row);
}

/** Payments of the orders the actor may read, newest first. */
export async function listPayments(ctx: Ctx, query: TPaymentListQuery) {
  const keyset = parseSort(undefined, { createdAt: { column: payments.createdAt, cast: 'timestamptz' } }, '-createdAt');
  const conditions = [
    await readableOrders(ctx),
    query['filter[orderId]'] ? eq(payments.orderId, query['filter[orderId]']) : undefined,
    query['filter[companyId]'] ? eq(payments.companyId, query['filter[companyId]']) : undefined,
  ];
  const rows = await selectPayments(ctx.db)
    .where(and(...conditions, afterCursor(keyset, payments.id, query.cursor)))
    .orderBy(...orderBy(keyset, payments.id))
    .limit(query.limit + 1);
  const [counted] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(payments)
    .innerJoin(salesOrders, and(eq(salesOrders.workspaceId, payments.workspaceId), eq(salesOrders.id, payments.orderId)))
    .where(and(...conditions));
  const { page, nextCursor } = pageOf(
    rows.map((row) => ({ ...row, id: row.payment.id, createdAt: row.payment.createdAt })),
    query.limit,
    keyset,
  );
  return { data: page.map(presentPayment), nextCursor, total: counted?.n ?? 0 };
}

// Credit

/** Where a company the actor may read stands on credit, and its group. */
export async function creditStatus(ctx: Ctx, companyId: string): Promise<TCreditStatus> {
  const workspaceId = ctx.actor.workspaceId;
  await assertReadable(ctx, ctx.db, [{ path: 'id', type: 'company', ids: [companyId], single: true }]).catch(() => {
    throw notFound('company');
  });
  return ctx.db.transaction(async (tx) => {
    const credit = await exposureOf(tx, workspaceId, companyId, null);
    const ws = sql`${workspaceId}::uuid`;
    const [receivable] = await tx
      .execute<{ receivable: string; base: string }>(sql`
      SELECT coalesce(sum(${baseAmountSql(ws, sql`(invoiced - paid)`, sql`currency`, sql`ordered_on`)}), 0)::text AS receivable,
        (SELECT base_currency FROM workspace WHERE id = ${workspaceId}) AS base
      FROM sales_order WHERE workspace_id = ${workspaceId} AND company_id = ${companyId} AND status <> 'cancelled'`)
      .then((r) => r.rows);
    return {
      baseCurrency: receivable?.base ?? 'EUR',
      limit: credit.companyLimit,
      exposure: credit.companyExposure,
      receivable: receivable?.receivable ?? '0',
      group: credit.group ? { ...credit.group, limit: credit.groupLimit, exposure: credit.groupExposure } : null,
    };
  });
}

function mayLimit(ctx: Ctx) {
  if (ctx.actor.role === 'employee') throw forbidden('Only a manager or an admin sets credit limits');
}

export async function putCompanyLimit(ctx: Ctx, companyId: string, raw: { limit: string | null }): Promise<TCreditStatus> {
  mayLimit(ctx);
  const { limit } = ZPutCreditLimitInput.parse(raw);
  const workspaceId = ctx.actor.workspaceId;
  await assertReadable(ctx, ctx.db, [{ path: 'id', type: 'company', ids: [companyId], single: true }]).catch(() => {
    throw notFound('company');
  });
  await ctx.db.transaction(async (tx) => {
    await tx.delete(creditLimits).where(and(eq(creditLimits.workspaceId, workspaceId), eq(creditLimits.companyId, companyId)));
    if (limit !== null) await tx.insert(creditLimits).values({ workspaceId, companyId, limitBase: limit, setById: ctx.actor.userId });
  });
  return creditStatus(ctx, companyId);
}

export async function putGroupLimit(ctx: Ctx, groupId: string, raw: { limit: string | null }): Promise<{ limit: string | null }> {
  mayLimit(ctx);
  const { limit } = ZPutCreditLimitInput.parse(raw);
  const workspaceId = ctx.actor.workspaceId;
  const [group] = await ctx.db
    .select({ id: companyGroups.id })
    .from(companyGroups)
    .where(and(eq(companyGroups.workspaceId, workspaceId), eq(companyGroups.id, groupId)));
  if (!group) throw notFound('group');
  await ctx.db.transaction(async (tx) => {
    await tx.delete(creditLimits).where(and(eq(creditLimits.workspaceId, workspaceId), eq(creditLimits.groupId, groupId)));
    if (limit !== null) await tx.insert(creditLimits).values({ workspaceId, groupId, limitBase: limit, setById: ctx.actor.userId });
  });
  return { limit };
}

// Sales by branch, product or month

/**
 * Sales added up in the base currency: by branch (the order's unit), by product (each line at its
 * order's rate) or by month, over the orders the actor may read that are not cancelled.
 */
export async function salesSummary(ctx: Ctx, query: TSalesSummaryQuery): Promise<TSalesSummary> {
  const { groupBy } = ZSalesSummaryQuery.parse(query);
  const workspaceId = ctx.actor.workspaceId;
  const where = and(
    await readableOrders(ctx),
    sql`${salesOrders.status} <> 'cancelled'`,
    query['filter[from]'] ? sql`${salesOrders.orderedOn} >= ${query['filter[from]']}::date` : undefined,
    query['filter[to]'] ? sql`${salesOrders.orderedOn} <= ${query['filter[to]']}::date` : undefined,
    query['filter[unitId]'] ? eq(salesOrders.unitId, query['filter[unitId]']) : undefined,
  );
  const ws = sql`${workspaceId}::uuid`;
  const lineBase = baseAmountSql(ws, sql`(order_line.net + order_line.vat)`, sql`sales_order.currency`, sql`sales_order.ordered_on`);
  const grouped =
    groupBy === 'product'
      ? sql`
        SELECT order_line.product_id::text AS key, max(product.name) AS name, count(DISTINCT sales_order.id)::int AS orders,
          coalesce(sum(${lineBase}), 0)::text AS total_base, sum(order_line.quantity)::text AS quantity,
          count(DISTINCT sales_order.id) FILTER (WHERE ${lineBase} IS NULL)::int AS without_rate
        FROM sales_order JOIN order_line ON order_line.workspace_id = sales_order.workspace_id AND order_line.order_id = sales_order.id
        LEFT JOIN product ON product.workspace_id = order_line.workspace_id AND product.id = order_line.product_id
        WHERE ${where} GROUP BY order_line.product_id ORDER BY sum(${lineBase}) DESC NULLS LAST`
      : groupBy === 'unit'
        ? sql`
        SELECT sales_order.unit_id::text AS key, max(unit.name) AS name, count(*)::int AS orders,
          coalesce(sum(sales_order.total_base), 0)::text AS total_base, NULL AS quantity,
          count(*) FILTER (WHERE sales_order.total_base IS NULL)::int AS without_rate
        FROM sales_order LEFT JOIN unit ON unit.workspace_id = sales_order.workspace_id AND unit.id = sales_order.unit_id
        WHERE ${where} GROUP BY sales_order.unit_id ORDER BY sum(sales_order.total_base) DESC NULLS LAST`
        : sql`
        SELECT to_char(sales_order.ordered_on, 'YYYY-MM') AS key, NULL AS name, count(*)::int AS orders,
          coalesce(sum(sales_order.total_base), 0)::text AS total_base, NULL AS quantity,
          count(*) FILTER (WHERE sales_order.total_base IS NULL)::int AS without_rate
        FROM sales_order WHERE ${where} GROUP BY 1 ORDER BY 1`;
  const [rows, base] = await Promise.all([
    ctx.db.execute<{
      key: string | null;
      name: string | null;
      orders: number;
      total_base: string;
      quantity: string | null;
      without_rate: number;
    }>(grouped),
    baseCurrencyOf(ctx.db, workspaceId),
  ]);
  return {
    baseCurrency: base,
    rows: rows.rows.map((r) => ({ key: r.key, name: r.name, orders: r.orders, totalBase: r.total_base, quantity: r.quantity })),
    withoutRate: rows.rows.reduce((n, r) => n + r.without_rate, 0),
  };
}
