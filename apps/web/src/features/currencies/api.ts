import type { TCurrencySettings, TExchangeRate, TPutExchangeRatesInput, TUpdateCurrencySettingsInput } from '@clientela/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import type { Page } from '../customers/types.ts';

export const CURRENCIES_KEY = ['currencies'] as const;

/** The base currency, the currencies in use and their latest rates. */
export function useCurrencySettings() {
  return useQuery({
    queryKey: [...CURRENCIES_KEY, 'settings'],
    queryFn: ({ signal }) => api<TCurrencySettings>('/api/v1/currencies', { signal }),
  });
}

/** The newest `limit` rates of one currency, newest first. */
export function useExchangeRates(currency: string | undefined, limit = 60) {
  return useQuery({
    queryKey: [...CURRENCIES_KEY, 'rates', currency, limit],
    queryFn: ({ signal }) =>
      api<Page<TExchangeRate>>('/api/v1/currencies/rates', { signal, query: { 'filter[currency]': currency, limit } }),
    enabled: Boolean(currency),
  });
}

// Settings show each currency's latest rate: every change refreshes both.
function useCurrencyMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: CURRENCIES_KEY }) });
}

/** Sets the base currency (while no amount is recorded) and the currencies in use; admins only. */
export function useUpdateCurrencySettings() {
  return useCurrencyMutation((input: TUpdateCurrencySettingsInput) =>
    api<TCurrencySettings>('/api/v1/currencies', { method: 'PUT', body: input }),
  );
}

/** Enters rates; one for a day that has a rate replaces it. */
export function usePutExchangeRates() {
  return useCurrencyMutation((input: TPutExchangeRatesInput) => api<void>('/api/v1/currencies/rates', { method: 'PUT', body: input }));
}

/** Removes one currency's rate of one day. */
export function useDeleteExchangeRate() {
  return useCurrencyMutation(({ currency, on }: { currency: string; on: string }) =>
    api<void>(`/api/v1/currencies/rates/${currency}/${on}`, { method: 'DELETE' }),
  );
}
