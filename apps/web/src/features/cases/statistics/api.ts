import type { TCaseStatDimension, TCaseStatistics } from '@clientela/contract';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';

export type StatisticsParams = { by: TCaseStatDimension; from?: string | undefined; to?: string | undefined; unitId?: string | undefined };

/** Case statistics for a period and a dimension, kept on screen while the next ones load. */
export function useCaseStatistics(params: StatisticsParams) {
  return useQuery({
    queryKey: ['case-statistics', params],
    queryFn: ({ signal }) => api<TCaseStatistics>('/api/v1/case-statistics', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}
