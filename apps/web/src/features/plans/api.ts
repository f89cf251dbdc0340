import type { TForecast, TPlanGrid, TPlanKind, TPlanTargets, TRevenueBasis, TSavePlansInput, TSavePlansResult } from '@clientela/contract';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

export const PLANS_KEY = ['plans'] as const;
export const FORECAST_KEY = ['reports', 'forecast'] as const;

/** The plans of one kind for a year, as a grid. */
export function usePlanGrid(kind: TPlanKind, year: number) {
  return useQuery({
    queryKey: [...PLANS_KEY, 'grid', kind, year],
    queryFn: ({ signal }) => api<TPlanGrid>('/api/v1/plans', { query: { kind, year }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Saves many cells of a grid in one request; the forecast follows. */
export function useSavePlans() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TSavePlansInput) => api<TSavePlansResult>('/api/v1/plans', { method: 'PUT', body: input }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: PLANS_KEY });
      void queryClient.invalidateQueries({ queryKey: FORECAST_KEY });
    },
  });
}

/** Targets of a kind matching a name that the reader may set (or read) plans for. */
export function usePlanTargets(kind: TPlanKind, q: string, action: 'read' | 'set', enabled = true) {
  return useQuery({
    queryKey: [...PLANS_KEY, 'targets', kind, q, action],
    queryFn: ({ signal }) => api<TPlanTargets>('/api/v1/plans/targets', { query: { kind, q, action }, signal }),
    enabled: enabled && kind !== 'total',
    placeholderData: keepPreviousData,
  });
}

export type ForecastParams = { kind: TPlanKind; targetId?: string | undefined; basis?: TRevenueBasis | undefined };

/** The forecast for a target against its plan, with its backtest. */
export function useForecast(params: ForecastParams) {
  return useQuery({
    queryKey: [...FORECAST_KEY, params],
    queryFn: ({ signal }) => api<TForecast>('/api/v1/forecasts', { query: params, signal }),
    enabled: params.kind === 'total' || Boolean(params.targetId),
    placeholderData: keepPreviousData,
  });
}
