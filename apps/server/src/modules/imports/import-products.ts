import { PRICE_FIELD_PREFIX } from '@clientela/contract';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { baseCurrencyOf } from '../currencies/index.ts';
import { parseDecimal, parseNumber, parseYesNo } from './convert.ts';
import { headerKey } from './fields.ts';
import { problemsOf, type RecordJob, type RecordWriter, type RowResult } from './record-rows.ts';

const KINDS: Record<string, 'product' | 'service'> = {
  product: 'product',
  goods: 'product',
  товар: 'product',
  продукт: 'product',
  prodotto: 'product',
  merce: 'product',
  service: 'service',
  услуга: 'service',
  servizio: 'service',
};

/** The workspace's default price list, made in the base currency when it has none. */
async function defaultPriceList(tx: Executor, workspaceId: string): Promise<string> {
  const find = async () =>
    (
      await tx.execute<{ id: string }>(
        sql`SELECT id FROM price_list WHERE workspace_id = ${workspaceId} AND is_default AND deleted_at IS NULL LIMIT 1`,
      )
    ).rows[0]?.id;
  const found = await find();
  if (found) return found;
  const currency = await baseCurrencyOf(tx, workspaceId);
  await tx.execute(sql`INSERT INTO price_list (workspace_id, name, currency, is_default) VALUES (${workspaceId}, ${currency}, ${currency}, true)
    ON CONFLICT DO NOTHING`);
  const made = await find();
  if (!made) throw new Error('no default price list');
  return made;
}

/** A category by name, made when missing. */
async function categoryNamed(tx: Executor, workspaceId: string, name: string, cache: Map<string, string>): Promise<string> {
  const key = name.toLowerCase();
  const cached = cache.get(key);
  if (cached) return cached;
  const [found] = (
    await tx.execute<{ id: string }>(
      sql`SELECT id FROM product_category WHERE workspace_id = ${workspaceId} AND lower(name) = ${key} ORDER BY created_at LIMIT 1`,
    )
  ).rows;
  const id =
    found?.id ??
    (await tx.execute<{ id: string }>(sql`INSERT INTO product_category (workspace_id, name) VALUES (${workspaceId}, ${name}) RETURNING id`))
      .rows[0]?.id;
  if (!id) throw new Error('category insert returned nothing');
  cache.set(key, id);
  return id;
}

/** The live price lists among those the mapping names (`price.<id>` columns), with their columns' fields. */
async function mappedPriceLists(tx: Executor, job: RecordJob): Promise<{ field: string; id: string }[]> {
  const fields = job.mapping.columns.flatMap((c) => (c.field?.startsWith(PRICE_FIELD_PREFIX) ? [c.field] : []));
  if (fields.length === 0) return [];
  const live = await tx.execute<{ id: string }>(
    sql`SELECT id::text FROM price_list WHERE workspace_id = ${job.imp.workspaceId} AND deleted_at IS NULL`,
  );
  const ids = new Set(live.rows.map((r) => r.id));
  return fields.map((field) => ({ field, id: field.slice(PRICE_FIELD_PREFIX.length) })).filter((l) => ids.has(l.id));
}

/**
 * Products: a name already in the catalogue (any letter case) is that product, updated (or
 * skipped, as the mapping says); the series becomes a category and the price goes to the
 * default price list, or a column's price to the list it names (as a product export writes them).
 */
export const writeProducts: RecordWriter = async (tx, job, rows) => {
  const workspaceId = job.imp.workspaceId;
  const priceList = await defaultPriceList(tx, workspaceId);
  const lists = await mappedPriceLists(tx, job);
  const categories = new Map<string, string>();
  const results: RowResult[] = [];
  for (const row of rows) {
    const p = problemsOf(job.mapping, row);
    if (row.cells.every((c) => c.trim() === '')) {
      results.push({
        line: row.line,
        outcome: 'skip',
        id: null,
        problems: [{ column: null, field: null, code: 'empty_row', value: null, stored: null }],
      });
      continue;
    }
    const name = p.cells.get('name').slice(0, 300);
    if (!name) p.add('name', 'required_missing', null, null, true);
    const priceText = p.cells.get('price');
    const priceRead = priceText ? parseNumber(priceText) : null;
    const price = priceRead !== null && priceRead >= 0 && priceRead < 1e12 ? priceRead : null;
    if (priceText && price === null) p.add('price', 'invalid_number', priceText);
    const vatText = p.cells.get('vatRate').replace('%', '');
    const vatRead = vatText ? parseNumber(vatText) : null;
    const vat = vatRead !== null && vatRead >= 0 && vatRead < 100 ? vatRead : null;
    if (vatText && vat === null) p.add('vatRate', 'invalid_number', vatText);
    const kindText = p.cells.get('kind');
    const kind = kindText ? KINDS[headerKey(kindText)] : undefined;
    if (kindText && !kind) p.add('kind', 'unknown_value', kindText);
    const activeText = p.cells.get('active');
    const active = activeText ? parseYesNo(activeText) : null;
    if (activeText && active === null) p.add('active', 'unknown_value', activeText);
    const listPrices = lists.flatMap(({ field, id }) => {
      const text = p.cells.get(field);
      if (!text) return [];
      const decimal = parseDecimal(text);
      if (decimal === null || Number(decimal) < 0 || Number(decimal) >= 1e12) {
        p.add(field, 'invalid_number', text);
        return [];
      }
      return [{ id, price: decimal }];
    });
    if (p.fatal()) {
      results.push({ line: row.line, outcome: 'reject', id: null, problems: p.list });
      continue;
    }
    const sku = p.cells.get('sku').slice(0, 60) || null;
    const unit = p.cells.get('unit').slice(0, 20) || null;
    const description = p.cells.get('description').slice(0, 5000) || null;
    const series = p.cells.get('category').slice(0, 200);
    const categoryId = series ? await categoryNamed(tx, workspaceId, series, categories) : null;
    const [existing] = (
      await tx.execute<{ id: string }>(
        sql`SELECT id FROM product WHERE workspace_id = ${workspaceId} AND lower(name) = ${name.toLowerCase()} AND deleted_at IS NULL
          ORDER BY created_at LIMIT 1 FOR UPDATE`,
      )
    ).rows;
    let skuFree = sku;
    if (sku) {
      const [holder] = (
        await tx.execute<{ id: string }>(
          sql`SELECT id FROM product WHERE workspace_id = ${workspaceId} AND lower(sku) = ${sku.toLowerCase()} AND deleted_at IS NULL`,
        )
      ).rows;
      if (holder && holder.id !== existing?.id) {
        p.add('sku', 'duplicate_in_base', sku);
        skuFree = null;
      }
    }
    let id: string;
    let outcome: RowResult['outcome'];
    if (existing) {
      id = existing.id;
      const line = job.memory.lineOf(id);
      p.list.push({
        column: null,
        field: null,
        code: line === null ? 'duplicate_in_base' : 'duplicate_in_file',
        value: null,
        stored: null,
        ...(line === null ? {} : { repeatsLine: line }),
      });
      if (job.mapping.duplicates !== 'update') {
        results.push({ line: row.line, outcome: 'skip', id, problems: p.list });
        continue;
      }
      outcome = 'update';
      await tx.execute(sql`UPDATE product SET
          sku = coalesce(${skuFree}, sku), unit = coalesce(${unit}, unit), kind = coalesce(${kind ?? null}, kind),
          vat_rate = coalesce(${vat}::numeric, vat_rate), description = coalesce(${description}, description),
          category_id = coalesce(${categoryId}::uuid, category_id), active = coalesce(${active}::boolean, active), updated_at = now()
        WHERE workspace_id = ${workspaceId} AND id = ${id}`);
    } else {
      id = job.memory.idOf(row.line);
      outcome = 'create';
      await tx.execute(sql`INSERT INTO product (workspace_id, id, sku, name, description, kind, category_id, unit, vat_rate, active)
        VALUES (${workspaceId}, ${id}, ${skuFree}, ${name}, ${description}, ${kind ?? 'product'}, ${categoryId}, ${unit ?? 'pcs'}, ${vat ?? 0},
          ${active ?? true})`);
    }
    const prices = [...(price === null ? [] : [{ id: priceList, price: String(price) }]), ...listPrices];
    for (const one of prices)
      await tx.execute(sql`INSERT INTO product_price (workspace_id, price_list_id, product_id, price) VALUES (${workspaceId}, ${one.id}, ${id}, ${one.price}::numeric)
        ON CONFLICT (workspace_id, price_list_id, product_id) DO UPDATE SET price = excluded.price, updated_at = now()`);
    results.push({ line: row.line, outcome, id, problems: p.list });
  }
  return results;
};
