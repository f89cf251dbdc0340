import { z } from 'zod';
import { LIST_LIMIT_MAX, listOf, ZId } from './common.ts';
import { ZAmount, ZCurrencyCode } from './currencies.ts';

const text = (max: number) => z.string().trim().max(max);

/** Goods are counted in units; services are sold by the hour, the visit, the month. */
export const PRODUCT_KINDS = ['product', 'service'] as const;
export const ZProductKind = z.enum(PRODUCT_KINDS);
export type TProductKind = z.infer<typeof ZProductKind>;

/** A VAT rate in percent with up to two decimals ("22", "10", "0", "5.5"). */
export const ZVatRate = z
  .string()
  .trim()
  .regex(/^\d{1,2}(\.\d{1,2})?$/, 'A percentage from 0 to 99.99');

export const ZProductCategory = z.object({
  id: ZId,
  name: z.string(),
  parentId: ZId.nullable(),
  position: z.number().int(),
  /** Active products in it (not counting sub-categories). */
  productCount: z.number().int(),
});
export type TProductCategory = z.infer<typeof ZProductCategory>;

export const ZCreateProductCategoryInput = z.strictObject({
  name: text(120).min(1),
  parentId: ZId.nullable().optional(),
  position: z.number().int().min(0).max(100_000).optional(),
});
export type TCreateProductCategoryInput = z.infer<typeof ZCreateProductCategoryInput>;
export const ZUpdateProductCategoryInput = ZCreateProductCategoryInput.partial();
export type TUpdateProductCategoryInput = z.infer<typeof ZUpdateProductCategoryInput>;
export const ZProductCategoryList = z.object({ data: z.array(ZProductCategory) });

/** A product's price in one price list (in that list's currency). */
export const ZProductPrice = z.object({
  priceListId: ZId,
  priceListName: z.string(),
  currency: ZCurrencyCode,
  price: z.string(),
});

export const ZProduct = z.object({
  id: ZId,
  sku: z.string().nullable(),
  name: z.string(),
  description: z.string().nullable(),
  kind: ZProductKind,
  category: z.object({ id: ZId, name: z.string() }).nullable(),
  /** The unit it is sold in, as people write it: "pcs", "kg", "box of 12", "h". */
  unit: z.string(),
  vatRate: z.string(),
  active: z.boolean(),
  prices: z.array(ZProductPrice),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TProduct = z.infer<typeof ZProduct>;

const productFields = {
  sku: text(64).nullable().optional(),
  name: text(300).min(1),
  description: text(5_000).nullable().optional(),
  kind: ZProductKind.optional(),
  categoryId: ZId.nullable().optional(),
  unit: text(30).min(1).optional(),
  vatRate: ZVatRate.optional(),
  active: z.boolean().optional(),
  /** Its price in each list; a null price takes it out of that list. */
  prices: z
    .array(z.strictObject({ priceListId: ZId, price: ZAmount.nullable() }))
    .max(100)
    .optional(),
};

export const ZCreateProductInput = z.strictObject(productFields);
export type TCreateProductInput = z.infer<typeof ZCreateProductInput>;
export const ZUpdateProductInput = z.strictObject({ ...productFields, name: productFields.name.optional() });
export type TUpdateProductInput = z.infer<typeof ZUpdateProductInput>;

export const PRODUCT_SORTS = ['name', 'sku', 'createdAt'] as const;

export const ZProductListQuery = z.strictObject({
  /** Finds by name or SKU. */
  q: z.string().max(200).optional(),
  sort: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(LIST_LIMIT_MAX).default(50),
  cursor: z.string().max(500).optional(),
  'filter[categoryId]': ZId.optional(),
  'filter[active]': z.enum(['true', 'false']).optional(),
  'filter[kind]': ZProductKind.optional(),
  /** Only products with a price in this list. */
  'filter[priceListId]': ZId.optional(),
});
export type TProductListQuery = z.infer<typeof ZProductListQuery>;
export const ZProductList = listOf(ZProduct);

export const ZPriceList = z.object({
  id: ZId,
  name: z.string(),
  currency: ZCurrencyCode,
  /** The list quotes start from. One per workspace. */
  isDefault: z.boolean(),
  active: z.boolean(),
  productCount: z.number().int(),
});
export type TPriceList = z.infer<typeof ZPriceList>;

export const ZCreatePriceListInput = z.strictObject({
  name: text(120).min(1),
  currency: ZCurrencyCode,
  isDefault: z.boolean().optional(),
  active: z.boolean().optional(),
});
export type TCreatePriceListInput = z.infer<typeof ZCreatePriceListInput>;
/** A list's currency is fixed once it has prices. */
export const ZUpdatePriceListInput = ZCreatePriceListInput.partial();
export type TUpdatePriceListInput = z.infer<typeof ZUpdatePriceListInput>;
export const ZPriceListList = z.object({ data: z.array(ZPriceList) });

/** One list's prices, product by product (`GET /price-lists/:id/prices`). */
export const ZPriceListPrice = z.object({
  product: z.object({ id: ZId, name: z.string(), sku: z.string().nullable(), unit: z.string() }),
  price: z.string(),
});
export const ZPriceListPrices = listOf(ZPriceListPrice);
export const ZPriceListPricesQuery = z.strictObject({
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(LIST_LIMIT_MAX).default(50),
  cursor: z.string().max(500).optional(),
});
export type TPriceListPricesQuery = z.infer<typeof ZPriceListPricesQuery>;

/** Sets many prices of one list at once (up to 1,000); a null price takes the product out. */
export const ZPutPricesInput = z.strictObject({
  prices: z
    .array(z.strictObject({ productId: ZId, price: ZAmount.nullable() }))
    .min(1)
    .max(1000),
});
export type TPutPricesInput = z.infer<typeof ZPutPricesInput>;
