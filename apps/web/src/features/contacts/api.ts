import type { TContact, TCreateContactInput, TUpdateContactInput } from '@clientela/contract';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { type CustomerFilters, type History, listQuery, type Page } from '../customers/types.ts';

const PAGE_SIZE = 30;
export const CONTACTS_KEY = ['contacts'] as const;

export type ContactFilters = CustomerFilters & { companyId?: string; birthdayMonth?: number };

/** Contacts page by page from the server ("load more"), filtered and sorted there. */
export function useContacts(filters: ContactFilters) {
  return useInfiniteQuery({
    queryKey: [...CONTACTS_KEY, 'list', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api<Page<TContact>>('/api/v1/contacts', {
        signal,
        query: {
          ...listQuery(filters, PAGE_SIZE, pageParam),
          'filter[companyId]': filters.companyId,
          'filter[birthdayMonth]': filters.birthdayMonth,
        },
      }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** One contact. */
export function useContact(id: string) {
  return useQuery({ queryKey: [...CONTACTS_KEY, 'one', id], queryFn: () => api<TContact>(`/api/v1/contacts/${id}`) });
}

/** Who changed what in a contact. */
export function useContactHistory(id: string) {
  return useQuery({
    queryKey: [...CONTACTS_KEY, 'history', id],
    queryFn: () => api<History>(`/api/v1/contacts/${id}/history`),
    select: (history) => history.data,
  });
}

function useContactMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: CONTACTS_KEY }) });
}

/** Adds a contact. */
export function useCreateContact() {
  return useContactMutation((input: TCreateContactInput) => api<TContact>('/api/v1/contacts', { method: 'POST', body: input }));
}

/** Changes the fields sent; `companies` replaces the links. */
export function useUpdateContact() {
  return useContactMutation(({ id, ...input }: TUpdateContactInput & { id: string }) =>
    api<TContact>(`/api/v1/contacts/${id}`, { method: 'PATCH', body: input }),
  );
}

/** Deletes a contact (softly: the history stays). */
export function useDeleteContact() {
  return useContactMutation((id: string) => api<void>(`/api/v1/contacts/${id}`, { method: 'DELETE' }));
}
