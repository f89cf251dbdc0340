import type {
  TCreateOrderInput,
  TCreatePaymentInput,
  TCreateQuoteInput,
  TCreditStatus,
  TOrder,
  TOrderStatus,
  TPayment,
  TQuote,
  TQuoteStatus,
  TUpdateOrderInput,
  TUpdateQuoteInput,
} from '@clientela/contract';
import { keepPreviousData, type QueryClient, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import type { Page } from '../customers/types.ts';

export const QUOTES_KEY = ['quotes'] as const;
export const ORDERS_KEY = ['orders'] as const;
export const PAYMENTS_KEY = ['payments'] as const;
export const CREDIT_KEY = ['credit'] as const;
const PAGE_SIZE = 50;

/** The query parameters of the quotes list (`GET /quotes`). */
export type QuoteQuery = { q?: string; 'filter[status]'?: TQuoteStatus; 'filter[companyId]'?: string; 'filter[dealId]'?: string };

/** The query parameters of the orders list (`GET /orders`). */
export type OrderQuery = { q?: string; 'filter[status]'?: TOrderStatus; 'filter[companyId]'?: string; 'filter[unitId]'?: string };

/** Quotes matching `query`, newest first, page by page ("load more"). */
export function useQuotePages(query: QuoteQuery) {
  return useInfiniteQuery({
    queryKey: [...QUOTES_KEY, 'list', query],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api<Page<TQuote>>('/api/v1/quotes', { signal, query: { ...query, limit: PAGE_SIZE, cursor: pageParam } }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** One quote with its lines and totals. */
export function useQuote(id: string) {
  return useQuery({ queryKey: [...QUOTES_KEY, 'one', id], queryFn: ({ signal }) => api<TQuote>(`/api/v1/quotes/${id}`, { signal }) });
}

/** Orders matching `query`, newest first, page by page. */
export function useOrderPages(query: OrderQuery) {
  return useInfiniteQuery({
    queryKey: [...ORDERS_KEY, 'list', query],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api<Page<TOrder>>('/api/v1/orders', { signal, query: { ...query, limit: PAGE_SIZE, cursor: pageParam } }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** One order with its lines, totals, invoiced and paid amounts. */
export function useOrder(id: string) {
  return useQuery({ queryKey: [...ORDERS_KEY, 'one', id], queryFn: ({ signal }) => api<TOrder>(`/api/v1/orders/${id}`, { signal }) });
}

/** The payments received against an order. */
export function useOrderPayments(orderId: string) {
  return useQuery({
    queryKey: [...PAYMENTS_KEY, orderId],
    queryFn: ({ signal }) => api<Page<TPayment>>('/api/v1/payments', { signal, query: { 'filter[orderId]': orderId, limit: 200 } }),
    select: (list) => list.data,
  });
}

/** Where a company stands on credit, in the base currency. */
export function useCreditStatus(companyId: string | undefined) {
  return useQuery({
    queryKey: [...CREDIT_KEY, companyId],
    queryFn: ({ signal }) => api<TCreditStatus>(`/api/v1/credit/companies/${companyId}`, { signal }),
    enabled: Boolean(companyId),
  });
}

// Quotes become orders and orders move credit: a change to any of them refreshes all three.
const refreshSales = (queryClient: QueryClient) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: QUOTES_KEY }),
    queryClient.invalidateQueries({ queryKey: ORDERS_KEY }),
    queryClient.invalidateQueries({ queryKey: PAYMENTS_KEY }),
    queryClient.invalidateQueries({ queryKey: CREDIT_KEY }),
  ]);

function useSalesMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => refreshSales(queryClient) });
}

/** Drafts a quote; lines with a product and no price take the price list's. */
export function useCreateQuote() {
  return useSalesMutation((input: TCreateQuoteInput) => api<TQuote>('/api/v1/quotes', { method: 'POST', body: input }));
}

/** Changes a draft quote (409 `status_transition_invalid` once sent). */
export function useUpdateQuote() {
  return useSalesMutation(({ id, ...input }: TUpdateQuoteInput & { id: string }) =>
    api<TQuote>(`/api/v1/quotes/${id}`, { method: 'PATCH', body: input }),
  );
}

/** Moves a quote on: draft → sent → accepted, rejected or expired. */
export function useQuoteStatus() {
  return useSalesMutation(({ id, status }: { id: string; status: TQuoteStatus }) =>
    api<TQuote>(`/api/v1/quotes/${id}/status`, { method: 'POST', body: { status } }),
  );
}

/** Starts a new draft version of a quote, with the same number and lines. */
export function useNewQuoteVersion() {
  return useSalesMutation((id: string) => api<TQuote>(`/api/v1/quotes/${id}/versions`, { method: 'POST' }));
}

/** Turns an accepted quote into an order, once. */
export function useConvertQuote() {
  return useSalesMutation((id: string) => api<TOrder>(`/api/v1/quotes/${id}/order`, { method: 'POST' }));
}

/** Creates an order by hand; lines with a product and no price take the price list's. */
export function useCreateOrder() {
  return useSalesMutation((input: TCreateOrderInput) => api<TOrder>('/api/v1/orders', { method: 'POST', body: input }));
}

/** Changes an order: its lines while new, its invoiced amount until cancelled. */
export function useUpdateOrder() {
  return useSalesMutation(({ id, ...input }: TUpdateOrderInput & { id: string }) =>
    api<TOrder>(`/api/v1/orders/${id}`, { method: 'PATCH', body: input }),
  );
}

/** Moves an order on; over a credit limit it answers 409 `credit_limit_exceeded` unless a manager gives a reason. */
export function useOrderStatus() {
  return useSalesMutation(({ id, ...input }: { id: string; status: TOrderStatus; overrideReason?: string }) =>
    api<TOrder>(`/api/v1/orders/${id}/status`, { method: 'POST', body: input }),
  );
}

/** Records a payment against an order; more than it leaves open answers 400 on `amount`. */
export function useCreatePayment() {
  return useSalesMutation((input: TCreatePaymentInput) => api<TPayment>('/api/v1/payments', { method: 'POST', body: input }));
}

/** Sets or removes (null) a company's or a group's credit limit: managers and admins. */
export function usePutCreditLimit() {
  return useSalesMutation(({ target, id, limit }: { target: 'companies' | 'groups'; id: string; limit: string | null }) =>
    api<unknown>(`/api/v1/credit/${target}/${id}`, { method: 'PUT', body: { limit } }),
  );
}
