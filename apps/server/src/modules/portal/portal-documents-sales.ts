import type {
  TPortalDocumentLine,
  TPortalListQuery,
  TPortalOrder,
  TPortalOrderDetail,
  TPortalOrderList,
  TPortalQuote,
  TPortalQuoteDetail,
  TPortalQuoteList,
  TPortalQuoteStatus,
  TQuote,
  TSalesLine,
} from '@clientela/contract';
import { type AnyColumn, and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { companies } from '../companies/index.ts';
import { contacts } from '../contacts/index.ts';
import { linesOf, orderLines, quoteLines, quotes, salesOrders } from '../sales/index.ts';
import { users } from '../users/index.ts';
import { workspaces } from '../workspaces/index.ts';
import type { PortalActor } from './portal-session.ts';

// A customer reads the orders and quotes of the companies whose portal they may see
// (`companyIds`), never a draft quote; another company's document is "not found", as if it did not exist.

type Cursor = [day: string, createdAt: string, id: string];

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(raw: string): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(parsed) &&
      parsed.length === 3 &&
      /^\d{4}-\d{2}-\d{2}$/.test(String(parsed[0])) &&
      !Number.isNaN(Date.parse(String(parsed[1]))) &&
      /^[0-9a-f-]{36}$/i.test(String(parsed[2]))
    )
      return parsed as Cursor;
  } catch {
    // fall through to the error below
  }
  throw new AppError('validation_failed', 'The cursor is not valid', { errors: [{ path: 'cursor', message: 'Invalid cursor' }] });
}

/** Newest first: by the document's day, then when it was entered, then its id; the cursor continues after the last row. */
function after(day: AnyColumn, createdAt: AnyColumn, id: AnyColumn, raw?: string) {
  if (!raw) return undefined;
  const [d, c, i] = decodeCursor(raw);
  return sql`(${day}, ${createdAt}, ${id}) < (${d}::date, ${c}::timestamptz, ${i}::uuid)`;
}

const toLine = (line: TSalesLine): TPortalDocumentLine => ({
  position: line.position,
  name: line.description,
  sku: line.product?.sku ?? null,
  quantity: line.quantity,
  unit: line.unit,
  unitPrice: line.unitPrice,
  discountPercent: line.discountPercent,
  vatRate: line.vatRate,
  total: line.total,
});

function selectOrders(db: Database) {
  return db
    .select({
      order: salesOrders,
      companyName: companies.name,
      createdKey: sql<string>`${salesOrders.createdAt}::text`,
    })
    .from(salesOrders)
    .innerJoin(companies, and(eq(companies.workspaceId, salesOrders.workspaceId), eq(companies.id, salesOrders.companyId)));
}

type OrderRow = Awaited<ReturnType<ReturnType<typeof selectOrders>['where']>>[number];

function presentOrder({ order, companyName }: OrderRow): TPortalOrder {
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    orderedOn: order.orderedOn,
    company: { id: order.companyId, name: companyName },
    currency: order.currency,
    net: order.net,
    vat: order.vat,
    total: order.total,
    invoiced: order.invoiced,
    paid: order.paid,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The orders of the customer's companies, newest first. */
export async function listPortalOrders(db: Database, actor: PortalActor, query: TPortalListQuery): Promise<TPortalOrderList> {
  if (actor.companyIds.length === 0) return { data: [], nextCursor: null, total: 0 };
  const mine = and(eq(salesOrders.workspaceId, actor.workspaceId), inArray(salesOrders.companyId, actor.companyIds));
  const [rows, counted] = await Promise.all([
    selectOrders(db)
      .where(and(mine, after(salesOrders.orderedOn, salesOrders.createdAt, salesOrders.id, query.cursor)))
      .orderBy(desc(salesOrders.orderedOn), desc(salesOrders.createdAt), desc(salesOrders.id))
      .limit(query.limit + 1),
    db.select({ n: sql<number>`count(*)::int` }).from(salesOrders).where(mine),
  ]);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map(presentOrder),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.order.orderedOn, last.createdKey, last.order.id]) : null,
    total: counted[0]?.n ?? 0,
  };
}

/** The customer's three latest orders, for the first page. */
export async function latestPortalOrders(db: Database, actor: PortalActor, limit = 3): Promise<TPortalOrder[]> {
  return (await listPortalOrders(db, actor, { limit })).data;
}

/** One order of the customer's companies with its lines; any other is 404. */
export async function getPortalOrder(db: Database, actor: PortalActor, id: string): Promise<TPortalOrderDetail> {
  if (!UUID.test(id) || actor.companyIds.length === 0) throw notFound('order');
  const [row] = await selectOrders(db).where(
    and(eq(salesOrders.workspaceId, actor.workspaceId), eq(salesOrders.id, id), inArray(salesOrders.companyId, actor.companyIds)),
  );
  if (!row) throw notFound('order');
  const [lines, quote] = await Promise.all([
    linesOf(db, orderLines, actor.workspaceId, 'orderId', [id]),
    row.order.quoteId
      ? db
          .select({ id: quotes.id, number: quotes.number, version: quotes.version })
          .from(quotes)
          .where(and(eq(quotes.workspaceId, actor.workspaceId), eq(quotes.id, row.order.quoteId), ne(quotes.status, 'draft')))
      : [],
  ]);
  return { ...presentOrder(row), quote: quote[0] ?? null, lines: (lines.get(id) ?? []).map(toLine) };
}

function selectQuotes(db: Database) {
  return db
    .select({ quote: quotes, companyName: companies.name, createdKey: sql<string>`${quotes.createdAt}::text` })
    .from(quotes)
    .innerJoin(companies, and(eq(companies.workspaceId, quotes.workspaceId), eq(companies.id, quotes.companyId)));
}

type QuoteRow = Awaited<ReturnType<ReturnType<typeof selectQuotes>['where']>>[number];

function presentQuote({ quote, companyName }: QuoteRow): TPortalQuote {
  return {
    id: quote.id,
    number: quote.number,
    version: quote.version,
    status: quote.status as TPortalQuoteStatus,
    issuedOn: quote.issuedOn,
    validUntil: quote.validUntil,
    company: { id: quote.companyId, name: companyName },
    currency: quote.currency,
    net: quote.net,
    vat: quote.vat,
    total: quote.total,
  };
}

const customerQuotes = (actor: PortalActor) =>
  and(eq(quotes.workspaceId, actor.workspaceId), inArray(quotes.companyId, actor.companyIds), ne(quotes.status, 'draft'));

/** The quotes sent to the customer's companies (every version sent), newest first. */
export async function listPortalQuotes(db: Database, actor: PortalActor, query: TPortalListQuery): Promise<TPortalQuoteList> {
  if (actor.companyIds.length === 0) return { data: [], nextCursor: null, total: 0 };
  const mine = customerQuotes(actor);
  const [rows, counted] = await Promise.all([
    selectQuotes(db)
      .where(and(mine, after(quotes.issuedOn, quotes.createdAt, quotes.id, query.cursor)))
      .orderBy(desc(quotes.issuedOn), desc(quotes.createdAt), desc(quotes.id))
      .limit(query.limit + 1),
    db.select({ n: sql<number>`count(*)::int` }).from(quotes).where(mine),
  ]);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map(presentQuote),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.quote.issuedOn, last.createdKey, last.quote.id]) : null,
    total: counted[0]?.n ?? 0,
  };
}

async function findQuote(db: Database, actor: PortalActor, id: string): Promise<QuoteRow> {
  if (!UUID.test(id) || actor.companyIds.length === 0) throw notFound('quote');
  const [row] = await selectQuotes(db).where(and(customerQuotes(actor), eq(quotes.id, id)));
  if (!row) throw notFound('quote');
  return row;
}

/** One quote sent to the customer's companies with its lines; a draft or another company's is 404. */
export async function getPortalQuote(db: Database, actor: PortalActor, id: string): Promise<TPortalQuoteDetail> {
  const row = await findQuote(db, actor, id);
  const lines = await linesOf(db, quoteLines, actor.workspaceId, 'quoteId', [id]);
  return {
    ...presentQuote(row),
    notes: row.quote.notes,
    lines: (lines.get(id) ?? []).map(toLine),
    pdfUrl: `/api/portal/quotes/${id}/pdf`,
  };
}

/**
 * A quote sent to the customer, whole, as the sales module's PDF prints it; the author named in
 * its footer is the quote's owner, as on the copy staff send.
 */
export async function portalQuoteForPdf(db: Database, actor: PortalActor, id: string): Promise<TQuote> {
  const { quote, companyName } = await findQuote(db, actor, id);
  const [[extra], lines] = await Promise.all([
    db
      .select({ contactName: contacts.name, ownerName: users.name, baseCurrency: workspaces.baseCurrency })
      .from(workspaces)
      .leftJoin(contacts, and(eq(contacts.workspaceId, workspaces.id), sql`${contacts.id} = ${quote.contactId}`))
      .leftJoin(users, and(eq(users.workspaceId, workspaces.id), sql`${users.id} = ${quote.ownerId}`))
      .where(eq(workspaces.id, actor.workspaceId)),
    linesOf(db, quoteLines, actor.workspaceId, 'quoteId', [id]),
  ]);
  return {
    id: quote.id,
    number: quote.number,
    version: quote.version,
    status: quote.status,
    company: { id: quote.companyId, name: companyName },
    contact: quote.contactId ? { id: quote.contactId, name: extra?.contactName ?? '' } : null,
    deal: null,
    owner: quote.ownerId ? { id: quote.ownerId, name: extra?.ownerName ?? '' } : null,
    unitId: null,
    priceListId: null,
    currency: quote.currency,
    language: quote.language,
    issuedOn: quote.issuedOn,
    validUntil: quote.validUntil,
    lines: lines.get(id) ?? [],
    net: quote.net,
    vat: quote.vat,
    total: quote.total,
    totalBase: null,
    baseCurrency: extra?.baseCurrency ?? quote.currency,
    notes: quote.notes,
    orderId: null,
    mayChange: false,
    createdAt: quote.createdAt.toISOString(),
    updatedAt: quote.updatedAt.toISOString(),
  };
}
