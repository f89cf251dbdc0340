import type { TProduct, TSalesLine, TSalesLineInput } from '@clientela/contract';
import { type LineAmounts, normalizeAmount } from './money.ts';

/** A line of a quote or an order while it is edited: a catalogue product's, or free text. */
export type LineFormValues = {
  productId: string | null;
  /** The product's name and SKU, shown on its line. */
  productName?: string;
  /** Its prices per list, for the running totals; the server prices it. */
  prices?: TProduct['prices'];
  description?: string;
  quantity?: string;
  unit?: string;
  /** Typed by the user: for a product it overrides the list's price. */
  unitPrice?: string;
  discountPercent?: string;
  vatRate?: string;
};

const typed = (value: string | undefined) => (value?.trim() ? value.trim().replace(',', '.') : undefined);

const productName = (product: { name: string; sku: string | null }) => (product.sku ? `${product.name} · ${product.sku}` : product.name);

/** A new line for a product picked from the catalogue: one of it, at the list's price. */
export function productLine(product: TProduct): LineFormValues {
  return {
    productId: product.id,
    productName: productName(product),
    prices: product.prices,
    quantity: '1',
    unit: product.unit,
    vatRate: product.vatRate,
  };
}

/** A new free-text line. */
export function freeLine(): LineFormValues {
  return { productId: null, quantity: '1', vatRate: '0' };
}

/** The price a line will have: the one typed, else its product's in the price list. */
export function linePrice(line: LineFormValues, priceListId: string | null | undefined): string | undefined {
  return typed(line.unitPrice) ?? line.prices?.find((price) => price.priceListId === priceListId)?.price;
}

/** The lines as the running totals read them. */
export function lineAmounts(lines: LineFormValues[], priceListId: string | null | undefined): LineAmounts[] {
  return lines.map((line) => ({
    quantity: typed(line.quantity) ?? '',
    unitPrice: linePrice(line, priceListId) ?? '',
    discountPercent: typed(line.discountPercent),
    vatRate: typed(line.vatRate),
  }));
}

/** One line as the API takes it: a product line sends only what the user set, for the server to fill in the rest. */
export function toLineInput(line: LineFormValues): TSalesLineInput {
  const unitPrice = line.unitPrice?.trim() ? (normalizeAmount(line.unitPrice) ?? line.unitPrice.trim()) : undefined;
  const discountPercent = typed(line.discountPercent);
  const description = line.description?.trim() || undefined;
  if (line.productId) {
    return { productId: line.productId, quantity: typed(line.quantity) ?? '', description, unitPrice, discountPercent };
  }
  return {
    description,
    quantity: typed(line.quantity) ?? '',
    unit: line.unit?.trim() || undefined,
    unitPrice,
    discountPercent,
    vatRate: typed(line.vatRate),
  };
}

/** A saved line, ready for the editor: its stored price stays as it is. */
export function toLineFormValues(line: TSalesLine): LineFormValues {
  return {
    productId: line.product?.id ?? null,
    productName: line.product ? productName(line.product) : undefined,
    description: line.product && line.description === line.product.name ? '' : line.description,
    quantity: line.quantity,
    unit: line.unit,
    unitPrice: line.unitPrice,
    discountPercent: Number(line.discountPercent) ? line.discountPercent : '',
    vatRate: line.vatRate,
  };
}
