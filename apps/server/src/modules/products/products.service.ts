import type {
  PRODUCT_SORTS,
  TCreatePriceListInput,
  TCreateProductCategoryInput,
  TCreateProductInput,
  TPriceList,
  TPriceListPricesQuery,
  TProduct,
  TProductCategory,
  TProductListQuery,
  TPutPricesInput,
  TUpdatePriceListInput,
  TUpdateProductCategoryInput,
  TUpdateProductInput,
} from '@clientela/contract';
import {
  ZCreatePriceListInput,
  ZCreateProductCategoryInput,
  ZCreateProductInput,
  ZPutPricesInput,
  ZUpdatePriceListInput,
  ZUpdateProductCategoryInput,
  ZUpdateProductInput,
} from '@clientela/contract';
import { type AnyColumn, and, asc, eq, getTableColumns, ilike, inArray, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { afterCursor, cursorKey, orderBy, pageOf, parseSort, type SortField } from '../../lib/pagination.ts';
import { unknownCurrencies } from '../currencies/index.ts';
import { escapeLike } from '../users/index.ts';
import { priceLists, productCategories, productPrices, products } from './products.table.ts';

/** Everyone reads the catalogue; admins and managers keep it. */
function mayEdit(ctx: Ctx) {
  if (ctx.actor.role === 'employee') throw forbidden('Only an administrator or a manager changes the catalogue');
}

const invalid = (path: string, message: string) => new AppError('validation_failed', message, { errors: [{ path, message }] });

function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } }).cause ?? error;
  return (cause as { code?: string }).code === '23505';
}

// Categories

export async function listCategories(ctx: Ctx): Promise<TProductCategory[]> {
  const rows = await ctx.db
    .select({
      category: productCategories,
      productCount: sql<number>`(SELECT count(*)::int FROM product p WHERE p.workspace_id = product_category.workspace_id
        AND p.category_id = product_category.id AND p.deleted_at IS NULL AND p.active)`,
    })
    .from(productCategories)
    .where(eq(productCategories.workspaceId, ctx.actor.workspaceId))
    .orderBy(asc(productCategories.position), asc(productCategories.name));
  return rows.map(({ category, productCount }) => ({
    id: category.id,
    name: category.name,
    parentId: category.parentId,
    position: category.position,
    productCount,
  }));
}

/** The category ids from `id` up to its root; used to refuse a parent that would make a cycle. */
async function ancestorsOf(db: Executor, workspaceId: string, id: string): Promise<string[]> {
  const result = await db.execute<{ id: string }>(sql`
    WITH RECURSIVE up AS (
      SELECT id, parent_id FROM product_category WHERE workspace_id = ${workspaceId} AND id = ${id}
      UNION SELECT c.id, c.parent_id FROM product_category c JOIN up ON c.workspace_id = ${workspaceId} AND c.id = up.parent_id
    ) SELECT id FROM up`);
  return result.rows.map((r) => r.id);
}

async function assertCategory(db: Executor, workspaceId: string, id: string, path: string) {
  const [row] = await db
    .select({ id: productCategories.id })
    .from(productCategories)
    .where(and(eq(productCategories.workspaceId, workspaceId), eq(productCategories.id, id)));
  if (!row) throw invalid(path, 'No such category');
}

export async function createCategory(ctx: Ctx, raw: TCreateProductCategoryInput): Promise<TProductCategory> {
  mayEdit(ctx);
  const input = ZCreateProductCategoryInput.parse(raw);
  const workspaceId = ctx.actor.workspaceId;
  if (input.parentId) await assertCategory(ctx.db, workspaceId, input.parentId, 'parentId');
  const [row] = await ctx.db
    .insert(productCategories)
    .values({ workspaceId, name: input.name, parentId: input.parentId ?? null, position: input.position ?? 0 })
    .returning();
  if (!row) throw new Error('category insert returned nothing');
  return { id: row.id, name: row.name, parentId: row.parentId, position: row.position, productCount: 0 };
}

export async function updateCategory(ctx: Ctx, id: string, raw: TUpdateProductCategoryInput): Promise<TProductCategory> {
  mayEdit(ctx);
  const input = ZUpdateProductCategoryInput.parse(raw);
  const workspaceId = ctx.actor.workspaceId;
  await assertCategory(ctx.db, workspaceId, id, 'id').catch(() => {
    throw notFound('category');
  });
  if (input.parentId) {
    await assertCategory(ctx.db, workspaceId, input.parentId, 'parentId');
    if ((await ancestorsOf(ctx.db, workspaceId, input.parentId)).includes(id))
      throw invalid('parentId', 'A category cannot be placed inside itself');
  }
  await ctx.db
    .update(productCategories)
    .set({
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.parentId !== undefined ? { parentId: input.parentId } : {}),
      ...(input.position !== undefined ? { position: input.position } : {}),
    })
    .where(and(eq(productCategories.workspaceId, workspaceId), eq(productCategories.id, id)));
  const found = (await listCategories(ctx)).find((c) => c.id === id);
  if (!found) throw notFound('category');
  return found;
}

/** Removes an empty category; one with products (removed ones aside) or sub-categories answers 409 `category_in_use`. */
export async function deleteCategory(ctx: Ctx, id: string): Promise<void> {
  mayEdit(ctx);
  const workspaceId = ctx.actor.workspaceId;
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: productCategories.id })
      .from(productCategories)
      .where(and(eq(productCategories.workspaceId, workspaceId), eq(productCategories.id, id)))
      .for('update');
    if (!row) throw notFound('category');
    const [used] = await tx
      .execute<{ products: number; children: number }>(sql`
      SELECT (SELECT count(*)::int FROM product WHERE workspace_id = ${workspaceId} AND category_id = ${id} AND deleted_at IS NULL) AS products,
        (SELECT count(*)::int FROM product_category WHERE workspace_id = ${workspaceId} AND parent_id = ${id}) AS children`)
      .then((r) => r.rows);
    if (used && (used.products > 0 || used.children > 0))
      throw new AppError('category_in_use', `The category holds ${used.products} product(s) and ${used.children} sub-categories`, {
        errors: [{ path: 'id', message: 'Move its products and sub-categories first' }],
      });
    // Removed products keep no link to it.
    await tx
      .update(products)
      .set({ categoryId: null })
      .where(and(eq(products.workspaceId, workspaceId), eq(products.categoryId, id)));
    await tx.delete(productCategories).where(and(eq(productCategories.workspaceId, workspaceId), eq(productCategories.id, id)));
  });
}

// Products

const byName = sql`lower(${products.name})` as unknown as AnyColumn;
const bySku = sql`lower(${products.sku})` as unknown as AnyColumn;
const SORTS: Record<(typeof PRODUCT_SORTS)[number], SortField> = {
  name: { column: byName },
  sku: { column: bySku },
  createdAt: { column: products.createdAt, cast: 'timestamptz' },
};

function selectProducts(db: Executor, key: SQL<string> = sql<string>`''`) {
  return db
    .select({ key, product: getTableColumns(products), categoryName: productCategories.name })
    .from(products)
    .leftJoin(
      productCategories,
      and(eq(productCategories.workspaceId, products.workspaceId), eq(productCategories.id, products.categoryId)),
    );
}
type SelectedProduct = Awaited<ReturnType<typeof selectProducts>>[number];

async function presentProducts(db: Executor, workspaceId: string, rows: SelectedProduct[]): Promise<TProduct[]> {
  const ids = rows.map((r) => r.product.id);
  const prices = ids.length
    ? await db
        .select({
          productId: productPrices.productId,
          priceListId: priceLists.id,
          name: priceLists.name,
          currency: priceLists.currency,
          price: productPrices.price,
        })
        .from(productPrices)
        .innerJoin(priceLists, and(eq(priceLists.workspaceId, productPrices.workspaceId), eq(priceLists.id, productPrices.priceListId)))
        .where(and(eq(productPrices.workspaceId, workspaceId), inArray(productPrices.productId, ids), isNull(priceLists.deletedAt)))
        .orderBy(sql`${priceLists.isDefault} DESC`, asc(priceLists.name))
    : [];
  return rows.map(({ product, categoryName }) => ({
    id: product.id,
    sku: product.sku,
    name: product.name,
    description: product.description,
    kind: product.kind,
    category: product.categoryId ? { id: product.categoryId, name: categoryName ?? '' } : null,
    unit: product.unit,
    vatRate: product.vatRate,
    active: product.active,
    prices: prices
      .filter((p) => p.productId === product.id)
      .map((p) => ({ priceListId: p.priceListId, priceListName: p.name, currency: p.currency, price: p.price })),
    createdAt: product.createdAt.toISOString(),
    updatedAt: product.updatedAt.toISOString(),
  }));
}

export async function getProduct(ctx: Ctx, id: string, db: Executor = ctx.db): Promise<TProduct> {
  const rows = await selectProducts(db).where(
    and(eq(products.workspaceId, ctx.actor.workspaceId), eq(products.id, id), isNull(products.deletedAt)),
  );
  const [product] = await presentProducts(db, ctx.actor.workspaceId, rows);
  if (!product) throw notFound('product');
  return product;
}

const skuTaken = () => new AppError('sku_taken', 'Another product has this SKU', { errors: [{ path: 'sku', message: 'Already in use' }] });

/** Writes prices (list, product, price); a null price takes the product out of that list. */
async function savePrices(tx: Executor, workspaceId: string, rows: { priceListId: string; productId: string; price: string | null }[]) {
  const set = rows.flatMap((r) =>
    r.price === null ? [] : [{ workspaceId, priceListId: r.priceListId, productId: r.productId, price: r.price }],
  );
  const cleared = rows.filter((r) => r.price === null);
  if (set.length)
    await tx
      .insert(productPrices)
      .values(set)
      .onConflictDoUpdate({
        target: [productPrices.workspaceId, productPrices.priceListId, productPrices.productId],
        set: { price: sql`excluded.price`, updatedAt: sql`now()` },
      });
  if (cleared.length)
    await tx.delete(productPrices).where(
      and(
        eq(productPrices.workspaceId, workspaceId),
        sql`(${productPrices.priceListId}, ${productPrices.productId}) IN (${sql.join(
          cleared.map((r) => sql`(${r.priceListId}::uuid, ${r.productId}::uuid)`),
          sql`, `,
        )})`,
      ),
    );
}

/** Sets some of a product's prices (a null price takes it out of that list); the lists must be live. */
async function writePrices(
  tx: Executor,
  workspaceId: string,
  productId: string,
  prices: { priceListId: string; price: string | null }[],
  path = 'prices',
) {
  if (prices.length === 0) return;
  const listIds = [...new Set(prices.map((p) => p.priceListId))];
  const live = await tx
    .select({ id: priceLists.id })
    .from(priceLists)
    .where(and(eq(priceLists.workspaceId, workspaceId), inArray(priceLists.id, listIds), isNull(priceLists.deletedAt)));
  const known = new Set(live.map((l) => l.id));
  const errors = prices.flatMap((p, i) =>
    known.has(p.priceListId) ? [] : [{ path: `${path}.${i}.priceListId`, message: 'No such price list' }],
  );
  if (errors.length) throw new AppError('validation_failed', 'Unknown price list', { errors });
  await savePrices(
    tx,
    workspaceId,
    prices.map((p) => ({ ...p, productId })),
  );
}

export async function createProduct(ctx: Ctx, raw: TCreateProductInput): Promise<TProduct> {
  mayEdit(ctx);
  const input = ZCreateProductInput.parse(raw);
  const workspaceId = ctx.actor.workspaceId;
  try {
    const id = await ctx.db.transaction(async (tx) => {
      if (input.categoryId) await assertCategory(tx, workspaceId, input.categoryId, 'categoryId');
      const [row] = await tx
        .insert(products)
        .values({
          workspaceId,
          sku: input.sku || null,
          name: input.name,
          description: input.description || null,
          kind: input.kind ?? 'product',
          categoryId: input.categoryId ?? null,
          unit: input.unit ?? 'pcs',
          vatRate: input.vatRate ?? '0',
          active: input.active ?? true,
        })
        .returning({ id: products.id });
      if (!row) throw new Error('product insert returned nothing');
      await writePrices(tx, workspaceId, row.id, input.prices ?? []);
      return row.id;
    });
    return getProduct(ctx, id);
  } catch (error) {
    if (isUniqueViolation(error)) throw skuTaken();
    throw error;
  }
}

export async function updateProduct(ctx: Ctx, id: string, raw: TUpdateProductInput): Promise<TProduct> {
  mayEdit(ctx);
  const input = ZUpdateProductInput.parse(raw);
  const workspaceId = ctx.actor.workspaceId;
  try {
    await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .select({ id: products.id })
        .from(products)
        .where(and(eq(products.workspaceId, workspaceId), eq(products.id, id), isNull(products.deletedAt)))
        .for('update');
      if (!row) throw notFound('product');
      if (input.categoryId) await assertCategory(tx, workspaceId, input.categoryId, 'categoryId');
      await tx
        .update(products)
        .set({
          ...(input.sku !== undefined ? { sku: input.sku || null } : {}),
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.description !== undefined ? { description: input.description || null } : {}),
          ...(input.kind !== undefined ? { kind: input.kind } : {}),
          ...(input.categoryId !== undefined ? { categoryId: input.categoryId } : {}),
          ...(input.unit !== undefined ? { unit: input.unit } : {}),
          ...(input.vatRate !== undefined ? { vatRate: input.vatRate } : {}),
          ...(input.active !== undefined ? { active: input.active } : {}),
          updatedAt: sql`now()`,
        })
        .where(and(eq(products.workspaceId, workspaceId), eq(products.id, id)));
      await writePrices(tx, workspaceId, id, input.prices ?? []);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw skuTaken();
    throw error;
  }
  return getProduct(ctx, id);
}

/** Takes a product out of the catalogue (quotes and orders that name it keep their lines). */
export async function deleteProduct(ctx: Ctx, id: string): Promise<void> {
  mayEdit(ctx);
  const removed = await ctx.db
    .update(products)
    .set({ deletedAt: sql`now()`, active: false })
    .where(and(eq(products.workspaceId, ctx.actor.workspaceId), eq(products.id, id), isNull(products.deletedAt)))
    .returning({ id: products.id });
  if (removed.length === 0) throw notFound('product');
}

/** What the products list (and its export) shows of the catalogue: everyone reads it, live products only. */
function productListWhere(ctx: Ctx, query: TProductListQuery) {
  const q = query.q?.trim();
  return and(
    eq(products.workspaceId, ctx.actor.workspaceId),
    isNull(products.deletedAt),
    query['filter[categoryId]'] ? eq(products.categoryId, query['filter[categoryId]']) : undefined,
    query['filter[active]'] ? eq(products.active, query['filter[active]'] === 'true') : undefined,
    query['filter[kind]'] ? eq(products.kind, query['filter[kind]']) : undefined,
    query['filter[priceListId]']
      ? sql`EXISTS (SELECT 1 FROM product_price pp WHERE pp.workspace_id = ${products.workspaceId} AND pp.product_id = ${products.id}
          AND pp.price_list_id = ${query['filter[priceListId]']})`
      : undefined,
    q ? or(ilike(products.name, `%${escapeLike(q)}%`), ilike(products.sku, `%${escapeLike(q)}%`)) : undefined,
  );
}

export async function listProducts(ctx: Ctx, query: TProductListQuery) {
  const keyset = parseSort(query.sort, SORTS, 'name');
  const workspaceId = ctx.actor.workspaceId;
  const where = productListWhere(ctx, query);
  const [rows, counted] = await Promise.all([
    selectProducts(ctx.db, cursorKey(keyset))
      .where(and(where, afterCursor(keyset, products.id, query.cursor)))
      .orderBy(...orderBy(keyset, products.id))
      .limit(query.limit + 1),
    ctx.db.select({ n: sql<number>`count(*)::int` }).from(products).where(where),
  ]);
  const { page, nextCursor } = pageOf(
    rows.map((row) => ({ ...row, id: row.product.id, cursorKey: row.key })),
    query.limit,
    keyset,
  );
  return { data: await presentProducts(ctx.db, workspaceId, page), nextCursor, total: counted[0]?.n ?? 0 };
}

/**
 * Every product a list query matches, for an export to read in one cursor: the select in the
 * list's order, its count, and how a batch of its rows is presented (with their prices).
 */
export function productsInOrder(ctx: Ctx, query: TProductListQuery) {
  const where = productListWhere(ctx, query);
  const select = selectProducts(ctx.db)
    .where(where)
    .orderBy(...orderBy(parseSort(query.sort, SORTS, 'name'), products.id));
  return {
    select,
    count: ctx.db.select({ n: sql<number>`count(*)::int` }).from(products).where(where),
    present: (rows: Awaited<typeof select>) => presentProducts(ctx.db, ctx.actor.workspaceId, rows),
  };
}

// Price lists

function selectPriceLists(db: Executor) {
  return db
    .select({
      list: priceLists,
      productCount: sql<number>`(SELECT count(*)::int FROM product_price pp JOIN product p ON p.workspace_id = pp.workspace_id
        AND p.id = pp.product_id AND p.deleted_at IS NULL WHERE pp.workspace_id = price_list.workspace_id AND pp.price_list_id = price_list.id)`,
    })
    .from(priceLists);
}

const presentList = ({ list, productCount }: Awaited<ReturnType<typeof selectPriceLists>>[number]): TPriceList => ({
  id: list.id,
  name: list.name,
  currency: list.currency,
  isDefault: list.isDefault,
  active: list.active,
  productCount,
});

export async function listPriceLists(ctx: Ctx): Promise<TPriceList[]> {
  const rows = await selectPriceLists(ctx.db)
    .where(and(eq(priceLists.workspaceId, ctx.actor.workspaceId), isNull(priceLists.deletedAt)))
    .orderBy(sql`${priceLists.isDefault} DESC`, asc(priceLists.name));
  return rows.map(presentList);
}

async function findPriceList(db: Executor, workspaceId: string, id: string) {
  const [row] = await selectPriceLists(db).where(
    and(eq(priceLists.workspaceId, workspaceId), eq(priceLists.id, id), isNull(priceLists.deletedAt)),
  );
  if (!row) throw notFound('price list');
  return row;
}

export async function getPriceList(ctx: Ctx, id: string): Promise<TPriceList> {
  return presentList(await findPriceList(ctx.db, ctx.actor.workspaceId, id));
}

async function makeOnlyDefault(tx: Executor, workspaceId: string, id: string) {
  await tx
    .update(priceLists)
    .set({ isDefault: false })
    .where(and(eq(priceLists.workspaceId, workspaceId), eq(priceLists.isDefault, true), ne(priceLists.id, id)));
  await tx
    .update(priceLists)
    .set({ isDefault: true })
    .where(and(eq(priceLists.workspaceId, workspaceId), eq(priceLists.id, id)));
}

export async function createPriceList(ctx: Ctx, raw: TCreatePriceListInput): Promise<TPriceList> {
  mayEdit(ctx);
  const input = ZCreatePriceListInput.parse(raw);
  const workspaceId = ctx.actor.workspaceId;
  const unknown = await unknownCurrencies(ctx.db, workspaceId, [{ path: 'currency', code: input.currency }]);
  if (unknown.length) throw new AppError('validation_failed', 'Unknown currency', { errors: unknown });
  const id = await ctx.db.transaction(async (tx) => {
    // The first list of a workspace is its default.
    const [any] = await tx
      .select({ id: priceLists.id })
      .from(priceLists)
      .where(and(eq(priceLists.workspaceId, workspaceId), isNull(priceLists.deletedAt)))
      .limit(1);
    const [row] = await tx
      .insert(priceLists)
      .values({ workspaceId, name: input.name, currency: input.currency, active: input.active ?? true })
      .returning({ id: priceLists.id });
    if (!row) throw new Error('price list insert returned nothing');
    if (input.isDefault || !any) await makeOnlyDefault(tx, workspaceId, row.id);
    return row.id;
  });
  return getPriceList(ctx, id);
}

export async function updatePriceList(ctx: Ctx, id: string, raw: TUpdatePriceListInput): Promise<TPriceList> {
  mayEdit(ctx);
  const input = ZUpdatePriceListInput.parse(raw);
  const workspaceId = ctx.actor.workspaceId;
  await ctx.db.transaction(async (tx) => {
    const { list, productCount } = await findPriceList(tx, workspaceId, id);
    if (input.currency && input.currency !== list.currency) {
      if (productCount > 0)
        throw new AppError('price_list_in_use', 'The list has prices in its currency', {
          errors: [{ path: 'currency', message: 'Fixed once the list has prices' }],
        });
      const unknown = await unknownCurrencies(tx, workspaceId, [{ path: 'currency', code: input.currency }]);
      if (unknown.length) throw new AppError('validation_failed', 'Unknown currency', { errors: unknown });
    }
    if (input.isDefault === false && list.isDefault) throw invalid('isDefault', 'Make another list the default instead');
    await tx
      .update(priceLists)
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.currency !== undefined ? { currency: input.currency } : {}),
        ...(input.active !== undefined ? { active: input.active } : {}),
      })
      .where(and(eq(priceLists.workspaceId, workspaceId), eq(priceLists.id, id)));
    if (input.isDefault && !list.isDefault) await makeOnlyDefault(tx, workspaceId, id);
  });
  return getPriceList(ctx, id);
}

export async function deletePriceList(ctx: Ctx, id: string): Promise<void> {
  mayEdit(ctx);
  const workspaceId = ctx.actor.workspaceId;
  const { list } = await findPriceList(ctx.db, workspaceId, id);
  if (list.isDefault) throw invalid('isDefault', 'Make another list the default first');
  await ctx.db
    .update(priceLists)
    .set({ deletedAt: sql`now()` })
    .where(and(eq(priceLists.workspaceId, workspaceId), eq(priceLists.id, id)));
}

/** One list's prices, by product name. */
export async function listPrices(ctx: Ctx, id: string, query: TPriceListPricesQuery) {
  const workspaceId = ctx.actor.workspaceId;
  await findPriceList(ctx.db, workspaceId, id);
  const keyset = parseSort(undefined, { name: { column: byName } }, 'name');
  const q = query.q?.trim();
  const conditions = [
    eq(productPrices.workspaceId, workspaceId),
    eq(productPrices.priceListId, id),
    isNull(products.deletedAt),
    q ? or(ilike(products.name, `%${escapeLike(q)}%`), ilike(products.sku, `%${escapeLike(q)}%`)) : undefined,
  ];
  const join = and(eq(products.workspaceId, productPrices.workspaceId), eq(products.id, productPrices.productId));
  const [rows, counted] = await Promise.all([
    ctx.db
      .select({ key: cursorKey(keyset), product: products, price: productPrices.price })
      .from(productPrices)
      .innerJoin(products, join)
      .where(and(...conditions, afterCursor(keyset, products.id, query.cursor)))
      .orderBy(...orderBy(keyset, products.id))
      .limit(query.limit + 1),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(productPrices)
      .innerJoin(products, join)
      .where(and(...conditions)),
  ]);
  const { page, nextCursor } = pageOf(
    rows.map((row) => ({ ...row, id: row.product.id, cursorKey: row.key })),
    query.limit,
    keyset,
  );
  return {
    data: page.map((r) => ({
      product: { id: r.product.id, name: r.product.name, sku: r.product.sku, unit: r.product.unit },
      price: r.price,
    })),
    nextCursor,
    total: counted[0]?.n ?? 0,
  };
}

/** Sets many prices of one list at once; every product must be in the catalogue. */
export async function putPrices(ctx: Ctx, id: string, raw: TPutPricesInput): Promise<void> {
  mayEdit(ctx);
  const { prices } = ZPutPricesInput.parse(raw);
  const workspaceId = ctx.actor.workspaceId;
  await ctx.db.transaction(async (tx) => {
    await findPriceList(tx, workspaceId, id);
    const ids = [...new Set(prices.map((p) => p.productId))];
    const live = await tx
      .select({ id: products.id })
      .from(products)
      .where(and(eq(products.workspaceId, workspaceId), inArray(products.id, ids), isNull(products.deletedAt)));
    const known = new Set(live.map((p) => p.id));
    const errors = prices.flatMap((p, i) =>
      known.has(p.productId) ? [] : [{ path: `prices.${i}.productId`, message: 'No such product' }],
    );
    if (errors.length) throw new AppError('validation_failed', 'Unknown product', { errors });
    await savePrices(
      tx,
      workspaceId,
      prices.map((p) => ({ ...p, priceListId: id })),
    );
  });
}
