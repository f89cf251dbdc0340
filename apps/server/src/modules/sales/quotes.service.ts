import type { TCreateQuoteInput, TLocale, TQuote, TQuoteListQuery, TQuoteStatus, TUpdateQuoteInput } from '@clientela/contract';
import { ZCreateQuoteInput, ZQuoteStatusInput, ZUpdateQuoteInput } from '@clientela/contract';
import { and, asc, eq, ilike, max, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { afterCursor, cursorKey, orderBy, pageOf, parseSort } from '../../lib/pagination.ts';
import { assertReadable } from '../activities/records.ts';
import { companies } from '../companies/index.ts';
import { contacts } from '../contacts/index.ts';
import { baseAmountSql } from '../currencies/index.ts';
import { deals, readableDeals } from '../deals/index.ts';
import { escapeLike, users } from '../users/index.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';
import { type LineValues, linesOf, resolveLines, writeLines } from './lines.ts';
import { nextNumber } from './numbers.ts';
import { documentPricing, getOrder, insertOrder, todayOf } from './orders.service.ts';
import { salesPolicy } from './sales.policy.ts';
import { quoteLines, quotes } from './sales.table.ts';

function selectQuotes(db: Executor, key: SQL<string> = sql<string>`''`) {
  return db
    .select({
      key,
      quote: quotes,
      companyName: companies.name,
      contactName: contacts.name,
      dealTitle: deals.title,
      ownerName: users.name,
      baseCurrency: workspaces.baseCurrency,
    })
    .from(quotes)
    .innerJoin(companies, and(eq(companies.workspaceId, quotes.workspaceId), eq(companies.id, quotes.companyId)))
    .innerJoin(workspaces, eq(workspaces.id, quotes.workspaceId))
    .leftJoin(contacts, and(eq(contacts.workspaceId, quotes.workspaceId), eq(contacts.id, quotes.contactId)))
    .leftJoin(deals, and(eq(deals.workspaceId, quotes.workspaceId), eq(deals.id, quotes.dealId)))
    .leftJoin(users, and(eq(users.workspaceId, quotes.workspaceId), eq(users.id, quotes.ownerId)));
}
type Selected = Awaited<ReturnType<typeof selectQuotes>>[number];

const ref = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

async function presentQuotes(ctx: Ctx, rows: Selected[]): Promise<TQuote[]> {
  const lines = await linesOf(
    ctx.db,
    quoteLines,
    ctx.actor.workspaceId,
    'quoteId',
    rows.map((r) => r.quote.id),
  );
  return Promise.all(
    rows.map(async (row) => {
      const { quote } = row;
      return {
        id: quote.id,
        number: quote.number,
        version: quote.version,
        status: quote.status,
        company: { id: quote.companyId, name: row.companyName },
        contact: ref(quote.contactId, row.contactName),
        deal: quote.dealId ? { id: quote.dealId, title: row.dealTitle ?? '' } : null,
        owner: ref(quote.ownerId, row.ownerName),
        unitId: quote.unitId,
        priceListId: quote.priceListId,
        currency: quote.currency,
        language: quote.language,
        issuedOn: quote.issuedOn,
        validUntil: quote.validUntil,
        lines: lines.get(quote.id) ?? [],
        net: quote.net,
        vat: quote.vat,
        total: quote.total,
        totalBase: quote.totalBase,
        baseCurrency: row.baseCurrency,
        notes: quote.notes,
        orderId: quote.orderId,
        mayChange: await salesPolicy.can(ctx.actor, 'update', { ownerId: quote.ownerId, unitId: quote.unitId }),
        createdAt: quote.createdAt.toISOString(),
        updatedAt: quote.updatedAt.toISOString(),
      };
    }),
  );
}

async function readableQuotes(ctx: Ctx): Promise<SQL> {
  return and(
    eq(quotes.workspaceId, ctx.actor.workspaceId),
    await salesPolicy.filter(ctx.actor, 'read', { owner: quotes.ownerId, unit: quotes.unitId }),
  ) as SQL;
}

export async function getQuote(ctx: Ctx, id: string): Promise<TQuote> {
  const rows = await selectQuotes(ctx.db).where(and(eq(quotes.id, id), await readableQuotes(ctx)));
  const [quote] = await presentQuotes(ctx, rows);
  if (!quote) throw notFound('quote');
  return quote;
}

async function lockQuote(ctx: Ctx, tx: Executor, id: string) {
  const [quote] = await tx
    .select()
    .from(quotes)
    .where(and(eq(quotes.workspaceId, ctx.actor.workspaceId), eq(quotes.id, id)))
    .for('update');
  if (!quote || !(await salesPolicy.can(ctx.actor, 'read', { ownerId: quote.ownerId, unitId: quote.unitId }))) throw notFound('quote');
  await salesPolicy.authorize(ctx.actor, 'update', { ownerId: quote.ownerId, unitId: quote.unitId });
  return quote;
}

/** A quote's totals and base value from its lines. */
async function refreshQuote(tx: Executor, workspaceId: string, id: string) {
  await tx.execute(sql`
    UPDATE quote SET net = l.net, vat = l.vat, total = l.net + l.vat, updated_at = now()
    FROM (SELECT coalesce(sum(net), 0) AS net, coalesce(sum(vat), 0) AS vat FROM quote_line WHERE workspace_id = ${workspaceId} AND quote_id = ${id}) l
    WHERE quote.workspace_id = ${workspaceId} AND quote.id = ${id}`);
  await tx.execute(sql`
    UPDATE quote SET total_base = ${baseAmountSql(sql`${workspaceId}::uuid`, sql`quote.total`, sql`quote.currency`, sql`quote.issued_on`)}
    WHERE quote.workspace_id = ${workspaceId} AND quote.id = ${id}`);
}

/** The language a quote is written in unless told: its author's. */
async function languageOf(db: Executor, ctx: Ctx): Promise<TLocale> {
  const [me] = await db
    .select({ locale: users.locale })
    .from(users)
    .where(and(eq(users.workspaceId, ctx.actor.workspaceId), eq(users.id, ctx.actor.userId)));
  return (me?.locale as TLocale | undefined) ?? 'en';
}

async function checkLinks(ctx: Ctx, db: Executor, input: { companyId?: string; contactId?: string | null; dealId?: string | null }) {
  await assertReadable(ctx, db, [
    { path: 'companyId', type: 'company', ids: input.companyId ? [input.companyId] : [], single: true },
    { path: 'contactId', type: 'contact', ids: input.contactId ? [input.contactId] : [], single: true },
  ]);
  if (input.dealId) {
    const [deal] = await db
      .select({ id: deals.id })
      .from(deals)
      .where(and(eq(deals.id, input.dealId), await readableDeals(ctx)));
    if (!deal) throw new AppError('validation_failed', 'No such deal', { errors: [{ path: 'dealId', message: 'No such deal' }] });
  }
}

function checkDates(issuedOn: string, validUntil: string | null) {
  if (validUntil && validUntil < issuedOn)
    throw new AppError('validation_failed', 'Valid until before it is issued', {
      errors: [{ path: 'validUntil', message: 'Before the issue date' }],
    });
}

export async function createQuote(ctx: Ctx, raw: TCreateQuoteInput): Promise<TQuote> {
  const input = ZCreateQuoteInput.parse(raw);
  const workspaceId = ctx.actor.workspaceId;
  const id = await ctx.db.transaction(async (tx) => {
    await checkLinks(ctx, tx, input);
    await salesPolicy.authorize(ctx.actor, 'create', { ownerId: ctx.actor.userId, unitId: ctx.actor.unitId });
    const pricing = await documentPricing(tx, workspaceId, input);
    const lines = await resolveLines(tx, workspaceId, pricing.priceListId, input.lines);
    const issuedOn = input.issuedOn ?? (await todayOf(tx, ctx));
    checkDates(issuedOn, input.validUntil ?? null);
    const [row] = await tx
      .insert(quotes)
      .values({
        workspaceId,
        number: await nextNumber(tx, workspaceId, 'Q', issuedOn),
        companyId: input.companyId,
        contactId: input.contactId ?? null,
        dealId: input.dealId ?? null,
        ownerId: ctx.actor.userId,
        unitId: ctx.actor.unitId,
        ...pricing,
        language: input.language ?? (await languageOf(tx, ctx)),
        issuedOn,
        validUntil: input.validUntil ?? null,
        notes: input.notes || null,
        createdById: ctx.actor.userId,
      })
      .returning({ id: quotes.id });
    if (!row) throw new Error('quote insert returned nothing');
    await writeLines(tx, quoteLines, { workspaceId, column: 'quoteId', id: row.id }, lines);
    await refreshQuote(tx, workspaceId, row.id);
    return row.id;
  });
  return getQuote(ctx, id);
}

const notDraft = (status: TQuoteStatus) =>
  new AppError('status_transition_invalid', `A ${status} quote does not change: make a new version`, {
    errors: [{ path: 'status', message: `The quote is ${status}` }],
  });

/** Changes a draft; a sent quote stays as the customer saw it. */
export async function updateQuote(ctx: Ctx, id: string, raw: TUpdateQuoteInput): Promise<TQuote> {
  const input = ZUpdateQuoteInput.parse(raw);
  const workspaceId = ctx.actor.workspaceId;
  await ctx.db.transaction(async (tx) => {
    const quote = await lockQuote(ctx, tx, id);
    if (quote.status !== 'draft') throw notDraft(quote.status);
    await checkLinks(ctx, tx, input);
    let pricing = { priceListId: quote.priceListId, currency: quote.currency };
    if (input.priceListId !== undefined || input.currency !== undefined)
      pricing = await documentPricing(tx, workspaceId, { priceListId: input.priceListId, currency: input.currency ?? quote.currency });
    const issuedOn = input.issuedOn ?? quote.issuedOn;
    checkDates(issuedOn, input.validUntil === undefined ? quote.validUntil : input.validUntil);
    if (input.lines) {
      const lines = await resolveLines(tx, workspaceId, pricing.priceListId, input.lines);
      await writeLines(tx, quoteLines, { workspaceId, column: 'quoteId', id }, lines);
    }
    await tx
      .update(quotes)
      .set({
        ...pricing,
        ...(input.contactId !== undefined ? { contactId: input.contactId } : {}),
        ...(input.dealId !== undefined ? { dealId: input.dealId } : {}),
        ...(input.language !== undefined ? { language: input.language } : {}),
        issuedOn,
        ...(input.validUntil !== undefined ? { validUntil: input.validUntil } : {}),
        ...(input.notes !== undefined ? { notes: input.notes || null } : {}),
      })
      .where(and(eq(quotes.workspaceId, workspaceId), eq(quotes.id, id)));
    await refreshQuote(tx, workspaceId, id);
  });
  return getQuote(ctx, id);
}

const NEXT: Record<TQuoteStatus, readonly TQuoteStatus[]> = {
  draft: ['sent'],
  sent: ['accepted', 'rejected', 'expired'],
  accepted: [],
  rejected: [],
  expired: [],
};

export async function setQuoteStatus(ctx: Ctx, id: string, raw: { status: TQuoteStatus }): Promise<TQuote> {
  const { status } = ZQuoteStatusInput.parse(raw);
  await ctx.db.transaction(async (tx) => {
    const quote = await lockQuote(ctx, tx, id);
    if (!NEXT[quote.status].includes(status))
      throw new AppError('status_transition_invalid', `A ${quote.status} quote cannot become ${status}`, {
        errors: [{ path: 'status', message: `Allowed: ${NEXT[quote.status].join(', ') || 'a new version'}` }],
      });
    await tx
      .update(quotes)
      .set({ status, updatedAt: sql`now()` })
      .where(and(eq(quotes.workspaceId, ctx.actor.workspaceId), eq(quotes.id, id)));
  });
  return getQuote(ctx, id);
}

/** A new draft version of a proposal, with the same number and lines, for the customer's next round. */
export async function newQuoteVersion(ctx: Ctx, id: string): Promise<TQuote> {
  const workspaceId = ctx.actor.workspaceId;
  const newId = await ctx.db.transaction(async (tx) => {
    const quote = await lockQuote(ctx, tx, id);
    const [latest] = await tx
      .select({ version: max(quotes.version) })
      .from(quotes)
      .where(and(eq(quotes.workspaceId, workspaceId), eq(quotes.number, quote.number)));
    const { id: _old, createdAt: _c, updatedAt: _u, ...copy } = quote;
    const [row] = await tx
      .insert(quotes)
      .values({ ...copy, version: (latest?.version ?? quote.version) + 1, status: 'draft', orderId: null, createdById: ctx.actor.userId })
      .returning({ id: quotes.id });
    if (!row) throw new Error('quote insert returned nothing');
    const lines = await tx
      .select()
      .from(quoteLines)
      .where(and(eq(quoteLines.workspaceId, workspaceId), eq(quoteLines.quoteId, id)))
      .orderBy(asc(quoteLines.position));
    await writeLines(tx, quoteLines, { workspaceId, column: 'quoteId', id: row.id }, lines.map(lineValues));
    await refreshQuote(tx, workspaceId, row.id);
    return row.id;
  });
  return getQuote(ctx, newId);
}

const lineValues = (line: typeof quoteLines.$inferSelect): LineValues => ({
  productId: line.productId,
  description: line.description,
  quantity: line.quantity,
  unit: line.unit,
  unitPrice: line.unitPrice,
  discountPercent: line.discountPercent,
  vatRate: line.vatRate,
});

/** Turns an accepted quote into an order with the same lines and prices, once. */
export async function convertQuote(ctx: Ctx, id: string) {
  const workspaceId = ctx.actor.workspaceId;
  const orderId = await ctx.db.transaction(async (tx) => {
    const quote = await lockQuote(ctx, tx, id);
    if (quote.status !== 'accepted' || quote.orderId)
      throw new AppError(
        'status_transition_invalid',
        quote.orderId ? 'The quote is already an order' : 'Only an accepted quote becomes an order',
        {
          errors: [{ path: 'status', message: quote.orderId ? 'Already converted' : `The quote is ${quote.status}` }],
        },
      );
    const lines = await tx
      .select()
      .from(quoteLines)
      .where(and(eq(quoteLines.workspaceId, workspaceId), eq(quoteLines.quoteId, id)))
      .orderBy(asc(quoteLines.position));
    const orderId = await insertOrder(
      ctx,
      tx,
      { companyId: quote.companyId, contactId: quote.contactId, dealId: quote.dealId, quoteId: quote.id, notes: quote.notes },
      lines.map(lineValues),
      { priceListId: quote.priceListId, currency: quote.currency },
    );
    await tx
      .update(quotes)
      .set({ orderId, updatedAt: sql`now()` })
      .where(and(eq(quotes.workspaceId, workspaceId), eq(quotes.id, id)));
    return orderId;
  });
  return getOrder(ctx, orderId);
}

export async function listQuotes(ctx: Ctx, query: TQuoteListQuery) {
  const keyset = parseSort(undefined, { createdAt: { column: quotes.createdAt, cast: 'timestamptz' } }, '-createdAt');
  const q = query.q?.trim();
  const conditions = [
    await readableQuotes(ctx),
    query['filter[status]'] ? eq(quotes.status, query['filter[status]']) : undefined,
    query['filter[companyId]'] ? eq(quotes.companyId, query['filter[companyId]']) : undefined,
    query['filter[dealId]'] ? eq(quotes.dealId, query['filter[dealId]']) : undefined,
    q ? or(ilike(quotes.number, `%${escapeLike(q)}%`), ilike(companies.name, `%${escapeLike(q)}%`)) : undefined,
  ];
  const rows = await selectQuotes(ctx.db, cursorKey(keyset))
    .where(and(...conditions, afterCursor(keyset, quotes.id, query.cursor)))
    .orderBy(...orderBy(keyset, quotes.id))
    .limit(query.limit + 1);
  const [counted] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(quotes)
    .innerJoin(companies, and(eq(companies.workspaceId, quotes.workspaceId), eq(companies.id, quotes.companyId)))
    .where(and(...conditions));
  const { page, nextCursor } = pageOf(
    rows.map((row) => ({ ...row, id: row.quote.id, cursorKey: row.key })),
    query.limit,
    keyset,
  );
  return { data: await presentQuotes(ctx, page), nextCursor, total: counted?.n ?? 0 };
}

/**
 * Sent quotes whose last valid day has passed become expired, the day after it in their owner's
 * time zone (UTC for a quote without one). Run with the per-minute sweep; returns how many expired.
 */
export async function expireQuotes(db: Executor, now: Date): Promise<number> {
  const result = await db.execute(sql`
    UPDATE quote SET status = 'expired', updated_at = now()
    WHERE quote.status = 'sent' AND quote.valid_until < (${now.toISOString()}::timestamptz AT TIME ZONE coalesce(
      (SELECT u.time_zone FROM app_user u WHERE u.workspace_id = quote.workspace_id AND u.id = quote.owner_id), 'UTC'))::date`);
  return result.rowCount ?? 0;
}
