import type { TCompany, TCreateCompanyInput, TUpdateCompanyInput } from '@clientela/contract';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import type { History, Page } from '../customers/types.ts';

export const COMPANIES_KEY = ['companies'] as const;

/** Companies whose name matches `q`, for pickers. */
export function useCompanyOptions(q: string, extra: Record<string, string | undefined> = {}) {
  return useQuery({
    queryKey: [...COMPANIES_KEY, 'options', q, extra],
    queryFn: ({ signal }) =>
      api<Page<TCompany>>('/api/v1/companies', { signal, query: { q: q.trim(), limit: 20, sort: 'name', ...extra } }),
    select: (page) => page.data,
    placeholderData: keepPreviousData,
  });
}

/** One company. */
export function useCompany(id: string) {
  return useQuery({ queryKey: [...COMPANIES_KEY, 'one', id], queryFn: () => api<TCompany>(`/api/v1/companies/${id}`) });
}

/** Who changed what in a company, newest last. */
export function useCompanyHistory(id: string) {
  return useQuery({
    queryKey: [...COMPANIES_KEY, 'history', id],
    queryFn: () => api<History>(`/api/v1/companies/${id}/history`),
    select: (history) => history.data,
  });
}

function useCompanyMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    // Groups list their members and search finds companies: both change with a company.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: COMPANIES_KEY }),
        queryClient.invalidateQueries({ queryKey: ['company-groups'] }),
      ]),
  });
}

/** Adds a company. */
export function useCreateCompany() {
  return useCompanyMutation((input: TCreateCompanyInput) => api<TCompany>('/api/v1/companies', { method: 'POST', body: input }));
}

/** Changes the fields sent. */
export function useUpdateCompany() {
  return useCompanyMutation(({ id, ...input }: TUpdateCompanyInput & { id: string }) =>
    api<TCompany>(`/api/v1/companies/${id}`, { method: 'PATCH', body: input }),
  );
}

/** Deletes a company (softly: its history stays). */
export function useDeleteCompany() {
  return useCompanyMutation((id: string) => api<void>(`/api/v1/companies/${id}`, { method: 'DELETE' }));
}
