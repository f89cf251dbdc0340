import type { TCreateRoleInput, TDefinedRole, TDefinedRoleList, TRoleCatalogue, TUpdateRoleInput } from '@clientela/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

export const ROLES_KEY = ['roles'] as const;

/** The workspace's defined roles, by name, with how many people hold each (admins only). */
export function useRoles() {
  return useQuery({
    queryKey: ROLES_KEY,
    queryFn: ({ signal }) => api<TDefinedRoleList>('/api/v1/roles', { signal }),
    select: (list) => list.data,
  });
}

/** What the editor offers: resources with their actions and scopes, and the fields a role can protect. */
export function useRoleCatalogue() {
  return useQuery({
    queryKey: [...ROLES_KEY, 'catalogue'],
    queryFn: ({ signal }) => api<TRoleCatalogue>('/api/v1/roles/catalogue', { signal }),
    staleTime: 60_000,
  });
}

function useRoleMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    // People's roles show on the users page too.
    onSuccess: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: ROLES_KEY }), queryClient.invalidateQueries({ queryKey: ['users'] })]),
  });
}

/** An admin defines a role. */
export function useCreateRole() {
  return useRoleMutation((input: TCreateRoleInput) => api<TDefinedRole>('/api/v1/roles', { method: 'POST', body: input }));
}

/** An admin changes a role; its holders get the change at once. */
export function useUpdateRole() {
  return useRoleMutation(({ id, ...input }: TUpdateRoleInput & { id: string }) =>
    api<TDefinedRole>(`/api/v1/roles/${id}`, { method: 'PATCH', body: input }),
  );
}

/** An admin deletes a role nobody holds (409 `in_use` otherwise). */
export function useDeleteRole() {
  return useRoleMutation((id: string) => api<void>(`/api/v1/roles/${id}`, { method: 'DELETE' }));
}
