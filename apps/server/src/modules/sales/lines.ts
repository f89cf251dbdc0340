import type { TSalesLine, TSalesLineInput } from '@clientela/contract';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { productPrices, products } from '../products/index.ts';
import type { orderLines, quoteLines } from './sales.table.ts';

type LineTable = typeof quoteLines | typeof orderLines;

/** A line ready to be written: what was entered, completed from its product and price list. */
export type LineValues = {
  productId: string | null;
  description: string;
  quantity: string;
  unit: string;
  unitPrice: string;
  discountPercent: string;
  vatRate: string;
};

/**
 * Completes lines from their products: the name, unit and VAT rate when left out, and the price in
 * `priceListId`. A product that is not in the catalogue, or has no price there when none is given,
 * answers 400 naming the line's field; a line without a product needs its description and price.
 */
export async function resolveLines(
  db: Executor,
  workspaceId: string,
  priceListId: string | null,
  lines: TSalesLineInput[],
): Promise<LineValues[]> {
  const ids = [...new Set(lines.flatMap((l) => (l.productId ? [l.productId] : [])))];
  const [found, prices] = await Promise.all([
    ids.length
      ? db
          .select({ id: products.id, name: products.name, unit: products.unit, vatRate: products.vatRate })
          .from(products)
          .where(and(eq(products.workspaceId, workspaceId), inArray(products.id, ids), isNull(products.deletedAt)))
      : [],
    ids.length && priceListId
      ? db
          .select({ productId: productPrices.productId, price: productPrices.price })
          .from(productPrices)
          .where(
            and(
              eq(productPrices.workspaceId, workspaceId),
              eq(productPrices.priceListId, priceListId),
              inArray(productPrices.productId, ids),
            ),
          )
      : [],
  ]);
  const productOf = new Map(found.map((p) => [p.id, p]));
  const priceOf = new Map(prices.map((p) => [p.productId, p.price]));
  const errors: { path: string; message: string }[] = [];
  const values = lines.map((line, i): LineValues => {
    const product = line.productId ? productOf.get(line.productId) : undefined;
    const description = line.description || product?.name || '';
    const unitPrice = line.unitPrice ?? (line.productId ? priceOf.get(line.productId) : undefined);
    if (line.productId && !product) errors.push({ path: `lines.${i}.productId`, message: 'No such product' });
    else if (!description) errors.push({ path: `lines.${i}.description`, message: 'A line without a product needs a description' });
    else if (unitPrice === undefined)
      errors.push({
        path: `lines.${i}.unitPrice`,
        message: line.productId ? 'The product has no price in this price list' : 'A price is needed',
      });
    return {
      productId: line.productId ?? null,
      description,
      quantity: line.quantity,
      unit: line.unit ?? product?.unit ?? 'pcs',
      unitPrice: unitPrice ?? '0',
      discountPercent: line.discountPercent ?? '0',
      vatRate: line.vatRate ?? product?.vatRate ?? '0',
    };
  });
  if (errors.length) throw new AppError('validation_failed', 'Some lines cannot be priced', { errors });
  return values;
}

/** Replaces a document's lines (quote or order) with `values`, in their order. */
export async function writeLines(
  tx: Executor,
  table: LineTable,
  owner: { workspaceId: string; column: 'quoteId' | 'orderId'; id: string },
  values: LineValues[],
) {
  const ownerColumn = owner.column === 'quoteId' ? (table as typeof quoteLines).quoteId : (table as typeof orderLines).orderId;
  await tx.delete(table).where(and(eq(table.workspaceId, owner.workspaceId), eq(ownerColumn, owner.id)));
  if (values.length === 0) return;
  await tx
    .insert(table)
    .values(values.map((v, position) => ({ ...v, position, workspaceId: owner.workspaceId, [owner.column]: owner.id })) as never);
}

/** The lines of some documents, in order, keyed by the document. */
export async function linesOf(
  db: Executor,
  table: LineTable,
  workspaceId: string,
  column: 'quoteId' | 'orderId',
  ids: string[],
): Promise<Map<string, TSalesLine[]>> {
  const ownerColumn = column === 'quoteId' ? (table as typeof quoteLines).quoteId : (table as typeof orderLines).orderId;
  const out = new Map<string, TSalesLine[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .select({
      line: table,
      owner: ownerColumn,
      total: sql<string>`(${table.net} + ${table.vat})::text`,
      productName: products.name,
      sku: products.sku,
    })
    .from(table)
    .leftJoin(products, and(eq(products.workspaceId, table.workspaceId), eq(products.id, table.productId)))
    .where(and(eq(table.workspaceId, workspaceId), inArray(ownerColumn, ids)))
    .orderBy(asc(table.position));
  for (const { line, owner, total, productName, sku } of rows) {
    const list = out.get(owner) ?? [];
    list.push({
      id: line.id,
      position: line.position,
      product: line.productId ? { id: line.productId, name: productName ?? '', sku } : null,
      description: line.description,
      quantity: line.quantity,
      unit: line.unit,
      unitPrice: line.unitPrice,
      discountPercent: line.discountPercent,
      vatRate: line.vatRate,
      net: line.net ?? '0.00',
      vat: line.vat ?? '0.00',
      total,
    });
    out.set(owner, list);
  }
  return out;
}
