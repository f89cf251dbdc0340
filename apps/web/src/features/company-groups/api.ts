import type { TCompanyGroup, TCreateCompanyGroupInput, TUpdateCompanyGroupInput } from '@clientela/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import type { Page } from '../customers/types.ts';

const GROUPS_KEY = ['company-groups'] as const;

export type GroupSummary = Omit<TCompanyGroup, 'members'>;

/** The client groups, for choosing one. */
export function useCompanyGroups() {
  return useQuery({
    queryKey: [...GROUPS_KEY, 'list'],
    queryFn: () => api<Page<GroupSummary>>('/api/v1/company-groups', { query: { limit: 200 } }),
    select: (page) => page.data,
  });
}

/** One group with the members the user may see. */
export function useCompanyGroup(id: string | undefined) {
  return useQuery({
    queryKey: [...GROUPS_KEY, 'one', id],
    queryFn: () => api<TCompanyGroup>(`/api/v1/company-groups/${id}`),
    enabled: Boolean(id),
  });
}

/** Creates a group. */
export function useCreateCompanyGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TCreateCompanyGroupInput) => api<TCompanyGroup>('/api/v1/company-groups', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: GROUPS_KEY }),
  });
}

/** Renames a group or changes its notes. */
export function useUpdateCompanyGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: TUpdateCompanyGroupInput & { id: string }) =>
      api<TCompanyGroup>(`/api/v1/company-groups/${id}`, { method: 'PATCH', body: input }),
    onSuccess: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: GROUPS_KEY }), queryClient.invalidateQueries({ queryKey: ['companies'] })]),
  });
}
