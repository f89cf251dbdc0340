import type { TBulkInput, TCompany, TContact, TRecordEntity, TSavedQuery } from '@clientela/contract';
import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../lib/api.ts';
import { COMPANIES_KEY } from '../companies/api.ts';
import { CONTACTS_KEY } from '../contacts/api.ts';
import type { Page } from '../customers/types.ts';

const PAGE_SIZE = 30;

/** The API's name for each kind of record. */
export const RESOURCE = { company: 'companies', contact: 'contacts' } as const;
/** The query-cache key under which each kind of record lives; their mutations refresh it. */
export const RECORDS_KEY = { company: COMPANIES_KEY, contact: CONTACTS_KEY } as const;

export type RecordOf = { company: TCompany; contact: TContact };
/** A row of either customer list. */
export type CustomerRecord = TCompany | TContact;

/** Companies or contacts matching a list query, page by page from the server ("load more"). */
export function useRecordPages<E extends TRecordEntity>(entity: E, query: TSavedQuery, enabled = true) {
  return useInfiniteQuery({
    queryKey: [...RECORDS_KEY[entity], 'list', query],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api<Page<RecordOf[E]>>(`/api/v1/${RESOURCE[entity]}`, { signal, query: { ...query, limit: PAGE_SIZE, cursor: pageParam } }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** One action on many selected records; all of them change, or none. */
export function useBulkAction(entity: TRecordEntity) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TBulkInput) => api<{ changed: number }>(`/api/v1/${RESOURCE[entity]}/bulk`, { method: 'POST', body: input }),
    // Lists count their members, and a record's page shows its owner, tags and status.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: RECORDS_KEY[entity] }),
        queryClient.invalidateQueries({ queryKey: ['lists'] }),
      ]),
  });
}

/** The address of an export file of the list: its query and the columns shown. */
export function exportUrl(entity: TRecordEntity, query: TSavedQuery, columns: readonly string[], format: 'csv' | 'xlsx' | 'vcf'): string {
  return withQuery(`/api/v1/exports/${RESOURCE[entity]}`, { ...query, format, columns: columns.join(',') });
}
