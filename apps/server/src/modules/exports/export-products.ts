import { PRICE_FIELD_PREFIX, type TProduct, type TSavedQuery, ZProductListQuery } from '@clientela/contract';
import type { Ctx } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { listPriceLists, productsInOrder } from '../products/index.ts';
import type { Column } from './export-columns.ts';
import type { ExportLabels } from './export-labels.ts';
import { openInOrder } from './read-in-order.ts';

/** A product file's own columns, in this order; one price column per price list follows them. */
export const PRODUCT_COLUMNS = ['sku', 'name', 'category', 'kind', 'unit', 'vatRate', 'active', 'description'] as const;

type PriceList = { id: string; name: string; currency: string };

/**
 * A product file's column. Headings are words the product import knows, so that the file maps
 * itself when imported again: a price column reads "Price: Retail (EUR)", the list's name and
 * currency, which the import finds among the workspace's price lists.
 */
function productColumn(id: string, labels: ExportLabels, lists: PriceList[]): Column<TProduct> {
  if (id.startsWith(PRICE_FIELD_PREFIX)) {
    const list = lists.find((l) => `${PRICE_FIELD_PREFIX}${l.id}` === id) as PriceList;
    return {
      id,
      heading: `${labels.product.price}: ${list.name} (${list.currency})`,
      kind: 'money',
      currency: list.currency,
      // numeric(14,2) fits a double exactly to the cent.
      value: (p) => {
        const price = p.prices.find((one) => one.priceListId === list.id)?.price;
        return price === undefined ? null : Number(price);
      },
    };
  }
  const heading = labels.product[id as (typeof PRODUCT_COLUMNS)[number]];
  const text = (value: (p: TProduct) => string | null | undefined): Column<TProduct> => ({
    id,
    heading,
    kind: 'text',
    value: (p) => value(p) || null,
  });
  switch (id) {
    case 'category':
      return text((p) => p.category?.name);
    case 'kind':
      return text((p) => labels.kind[p.kind]);
    case 'vatRate':
      return { id, heading, kind: 'text', value: (p) => Number(p.vatRate) };
    case 'active':
      return text((p) => (p.active ? labels.yes : labels.no));
    case 'sku':
      return text((p) => p.sku);
    case 'name':
      return text((p) => p.name);
    case 'unit':
      return text((p) => p.unit);
    default:
      return text((p) => p.description);
  }
}

/** The list's query of an export (paging aside), checked as the products list checks it; 400 names each fault. */
function parseQuery(query: TSavedQuery) {
  const { limit: _limit, cursor: _cursor, ...rest } = query;
  const parsed = ZProductListQuery.safeParse(rest);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || 'query', message: issue.message }));
    throw new AppError('validation_failed', 'The list query is not valid', { errors });
  }
  return parsed.data;
}

/** Checks a product export's columns and query, then opens the matching products (everyone reads the catalogue). */
export async function prepareProducts(ctx: Ctx, request: { format: string; columns: string | undefined; query: TSavedQuery }) {
  if (request.format === 'vcf') {
    throw new AppError('validation_failed', 'vCard files hold people: export contacts', {
      errors: [{ path: 'format', message: 'Contacts only' }],
    });
  }
  const query = parseQuery(request.query);
  const lists = await listPriceLists(ctx);
  const priceColumns = lists.map((l) => `${PRICE_FIELD_PREFIX}${l.id}`);
  const known = new Set<string>([...PRODUCT_COLUMNS, ...priceColumns]);
  const ids = request.columns ? request.columns.split(',').map((id) => id.trim()) : [...PRODUCT_COLUMNS, ...priceColumns];
  const seen = new Set<string>();
  const errors: { path: string; message: string }[] = [];
  for (const [index, id] of ids.entries()) {
    if (!known.has(id)) errors.push({ path: `columns.${index}`, message: 'No such column' });
    else if (seen.has(id)) errors.push({ path: `columns.${index}`, message: 'Column listed twice' });
    seen.add(id);
  }
  if (errors.length > 0) throw new AppError('validation_failed', 'Unknown columns', { errors });
  return {
    columns: (labels: ExportLabels) => ids.map((id) => productColumn(id, labels, lists)),
    open: (batch: number) => openInOrder(ctx.db, productsInOrder(ctx, query), batch),
  };
}
