import type { TPortalHome, TPortalOrderDetail, TPortalOrderList, TPortalQuoteDetail, TPortalQuoteList } from '@clientela/contract';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { portalApi } from './portal-api.ts';

const PAGE_SIZE = 20;
const KEY = ['portal', 'documents'] as const;

/** Everything the portal's first page shows (`GET /api/portal/home`). */
export function usePortalHome() {
  return useQuery({ queryKey: [...KEY, 'home'], queryFn: ({ signal }) => portalApi<TPortalHome>('/home', { signal }) });
}

/** The customer's orders, newest first, page by page. */
export function usePortalOrders() {
  return useInfiniteQuery({
    queryKey: [...KEY, 'orders'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => portalApi<TPortalOrderList>('/orders', { signal, query: { limit: PAGE_SIZE, cursor: pageParam } }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The quotes sent to the customer, newest first, page by page. */
export function usePortalQuotes(enabled: boolean) {
  return useInfiniteQuery({
    queryKey: [...KEY, 'quotes'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => portalApi<TPortalQuoteList>('/quotes', { signal, query: { limit: PAGE_SIZE, cursor: pageParam } }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

/** One order with its lines; idle without an id. */
export function usePortalOrder(id: string | null) {
  return useQuery({
    queryKey: [...KEY, 'order', id],
    queryFn: ({ signal }) => portalApi<TPortalOrderDetail>(`/orders/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: id !== null,
  });
}

/** One quote with its lines and its PDF's address; idle without an id. */
export function usePortalQuote(id: string | null) {
  return useQuery({
    queryKey: [...KEY, 'quote', id],
    queryFn: ({ signal }) => portalApi<TPortalQuoteDetail>(`/quotes/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: id !== null,
  });
}
