import type { TKpiBoard, TKpiMeasure, TKpiPeriod, TKpiSeries } from '@clientela/contract';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

export const ANALYTICS_KEY = ['analytics'] as const;

/** The figures are live; the board asks again every minute while it is open. */
const REFRESH_MS = 60_000;

export type BoardParams = { period: TKpiPeriod; unitId?: string | undefined };

/** The KPI board for a period (and a unit), kept on screen while the next one loads. */
export function useKpiBoard(params: BoardParams) {
  return useQuery({
    queryKey: [...ANALYTICS_KEY, 'kpi', params],
    queryFn: ({ signal }) => api<TKpiBoard>('/api/v1/dashboards/kpi', { query: params, signal }),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
  });
}

/** One measure step by step (hours of today, days of a week or month) beside the previous period. */
export function useKpiSeries(params: BoardParams & { measure: TKpiMeasure }) {
  return useQuery({
    queryKey: [...ANALYTICS_KEY, 'kpi-series', params],
    queryFn: ({ signal }) => api<TKpiSeries>('/api/v1/dashboards/kpi/series', { query: params, signal }),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
  });
}
