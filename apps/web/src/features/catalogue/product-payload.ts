import type { TCreateProductInput, TPriceList, TProduct, TProductKind } from '@clientela/contract';

/** The product form's values: one price per active price list, in the order of `lists`. */
export type ProductFormValues = {
  name: string;
  sku?: string | null;
  kind: TProductKind;
  categoryId?: string | null;
  unit: string;
  vatRate?: string | null;
  active: boolean;
  description?: string | null;
  prices?: { price?: string | null }[];
};

const blank = (value: string | null | undefined) => {
  const text = value?.trim();
  return text ? text : null;
};

/** A new product's values: a good, sold in `unit`, active. */
export function newProductValues(unit: string, lists: TPriceList[]): ProductFormValues {
  return {
    name: '',
    sku: null,
    kind: 'product',
    categoryId: null,
    unit,
    vatRate: null,
    active: true,
    description: null,
    prices: lists.map(() => ({ price: null })),
  };
}

/** A product's values in the form, with its price in each of `lists`. */
export function toProductFormValues(product: TProduct, lists: TPriceList[]): ProductFormValues {
  return {
    name: product.name,
    sku: product.sku,
    kind: product.kind,
    categoryId: product.category?.id ?? null,
    unit: product.unit,
    vatRate: product.vatRate,
    active: product.active,
    description: product.description,
    prices: lists.map((list) => ({ price: product.prices.find((price) => price.priceListId === list.id)?.price ?? null })),
  };
}

/**
 * The body of a create or update: every list's price in the form's order, so that a server error
 * on `prices.1.price` lands on the second price field; an empty price takes the product out of that list.
 */
export function toProductInput(values: ProductFormValues, lists: TPriceList[]): TCreateProductInput {
  const vatRate = blank(values.vatRate);
  return {
    name: values.name.trim(),
    sku: blank(values.sku),
    kind: values.kind,
    categoryId: values.categoryId ?? null,
    unit: values.unit.trim(),
    ...(vatRate === null ? {} : { vatRate }),
    active: values.active,
    description: blank(values.description),
    prices: lists.map((list, index) => ({ priceListId: list.id, price: blank(values.prices?.[index]?.price) })),
  };
}
