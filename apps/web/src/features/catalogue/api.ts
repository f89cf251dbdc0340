import type {
  TCreatePriceListInput,
  TCreateProductCategoryInput,
  TCreateProductInput,
  TPriceList,
  TProduct,
  TProductCategory,
  TProductKind,
  TPutPricesInput,
  TUpdatePriceListInput,
  TUpdateProductCategoryInput,
  TUpdateProductInput,
} from '@clientela/contract';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import type { Page } from '../customers/types.ts';

export const PRODUCTS_KEY = ['products'] as const;
export const PRICE_LISTS_KEY = ['price-lists'] as const;
const PAGE_SIZE = 50;

/** The query parameters of the products list (`GET /products`). */
export type ProductQuery = {
  q?: string;
  sort?: string;
  'filter[categoryId]'?: string;
  'filter[active]'?: 'true' | 'false';
  'filter[kind]'?: TProductKind;
  'filter[priceListId]'?: string;
};

/** A product's price in one list, as a price list's page shows it. */
export type PriceListPrice = { product: { id: string; name: string; sku: string | null; unit: string }; price: string };

/** Products matching `query`, page by page ("load more"). */
export function useProductPages(query: ProductQuery, pageSize = PAGE_SIZE) {
  return useInfiniteQuery({
    queryKey: [...PRODUCTS_KEY, 'list', query, pageSize],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api<Page<TProduct>>('/api/v1/products', { signal, query: { ...query, limit: pageSize, cursor: pageParam } }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** Every product category, in their order. */
export function useCategories() {
  return useQuery({
    queryKey: [...PRODUCTS_KEY, 'categories'],
    queryFn: ({ signal }) => api<{ data: TProductCategory[] }>('/api/v1/products/categories', { signal }),
    select: (list) => list.data,
  });
}

/** Every price list of the workspace; `enabled` false asks nothing (a page that may not need them). */
export function usePriceLists(enabled = true) {
  return useQuery({
    enabled,
    queryKey: [...PRICE_LISTS_KEY, 'all'],
    queryFn: ({ signal }) => api<{ data: TPriceList[] }>('/api/v1/price-lists', { signal }),
    select: (list) => list.data,
  });
}

/** One list's prices, product by product, page by page. */
export function usePriceListPrices(id: string, q: string, pageSize = PAGE_SIZE) {
  return useInfiniteQuery({
    queryKey: [...PRICE_LISTS_KEY, 'prices', id, q, pageSize],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api<Page<PriceListPrice>>(`/api/v1/price-lists/${id}/prices`, { signal, query: { q, limit: pageSize, cursor: pageParam } }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

// Products show their prices and lists count their products: a change to either refreshes both.
function useCatalogueMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: PRODUCTS_KEY }),
        queryClient.invalidateQueries({ queryKey: PRICE_LISTS_KEY }),
      ]),
  });
}

/** Adds a product, with its prices. */
export function useCreateProduct() {
  return useCatalogueMutation((input: TCreateProductInput) => api<TProduct>('/api/v1/products', { method: 'POST', body: input }));
}

/** Changes the fields sent of a product. */
export function useUpdateProduct() {
  return useCatalogueMutation(({ id, ...input }: TUpdateProductInput & { id: string }) =>
    api<TProduct>(`/api/v1/products/${id}`, { method: 'PATCH', body: input }),
  );
}

/** Removes a product (the server keeps one that was sold, deactivated). */
export function useDeleteProduct() {
  return useCatalogueMutation((id: string) => api<void>(`/api/v1/products/${id}`, { method: 'DELETE' }));
}

/** Adds a category. */
export function useCreateCategory() {
  return useCatalogueMutation((input: TCreateProductCategoryInput) =>
    api<TProductCategory>('/api/v1/products/categories', { method: 'POST', body: input }),
  );
}

/** Renames or moves a category. */
export function useUpdateCategory() {
  return useCatalogueMutation(({ id, ...input }: TUpdateProductCategoryInput & { id: string }) =>
    api<TProductCategory>(`/api/v1/products/categories/${id}`, { method: 'PATCH', body: input }),
  );
}

/** Removes a category; one with products answers 409 `category_in_use`. */
export function useDeleteCategory() {
  return useCatalogueMutation((id: string) => api<void>(`/api/v1/products/categories/${id}`, { method: 'DELETE' }));
}

/** Adds a price list. */
export function useCreatePriceList() {
  return useCatalogueMutation((input: TCreatePriceListInput) => api<TPriceList>('/api/v1/price-lists', { method: 'POST', body: input }));
}

/** Changes a price list; its currency is fixed once it has prices (409 `price_list_in_use`). */
export function useUpdatePriceList() {
  return useCatalogueMutation(({ id, ...input }: TUpdatePriceListInput & { id: string }) =>
    api<TPriceList>(`/api/v1/price-lists/${id}`, { method: 'PATCH', body: input }),
  );
}

/** Removes a price list. */
export function useDeletePriceList() {
  return useCatalogueMutation((id: string) => api<void>(`/api/v1/price-lists/${id}`, { method: 'DELETE' }));
}

/** Sets many prices of one list at once; a null price takes the product out of the list. */
export function usePutPrices() {
  return useCatalogueMutation(({ id, ...input }: TPutPricesInput & { id: string }) =>
    api<void>(`/api/v1/price-lists/${id}/prices`, { method: 'PUT', body: input }),
  );
}
