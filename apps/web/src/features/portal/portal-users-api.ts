import type { TInvitePortalUserInput, TPortalUser, TPortalUserList, TPortalUserStatus } from '@clientela/contract';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

/** Every portal-accounts query lives under this key: a change refreshes the list and the contact's card. */
export const PORTAL_USERS_KEY = ['portal-users'] as const;

export type PortalUserFilters = { q?: string; status?: TPortalUserStatus; companyId?: string; contactId?: string; cursor?: string };

/** A page of portal accounts, newest invitation first. */
export function usePortalUsers(filters: PortalUserFilters, limit = 50) {
  return useQuery({
    queryKey: [...PORTAL_USERS_KEY, 'list', filters, limit],
    queryFn: ({ signal }) =>
      api<TPortalUserList>('/api/v1/portal-users', {
        signal,
        query: {
          q: filters.q,
          'filter[status]': filters.status,
          'filter[companyId]': filters.companyId,
          'filter[contactId]': filters.contactId,
          cursor: filters.cursor,
          limit,
        },
      }),
    placeholderData: keepPreviousData,
  });
}

/** The contact's portal account, or null when they have none. */
export function useContactPortalUser(contactId: string) {
  return useQuery({
    queryKey: [...PORTAL_USERS_KEY, 'contact', contactId],
    queryFn: async ({ signal }) =>
      (await api<TPortalUserList>('/api/v1/portal-users', { signal, query: { 'filter[contactId]': contactId, limit: 1 } })).data[0] ?? null,
  });
}

function usePortalUserMutation<TInput>(mutationFn: (input: TInput) => Promise<TPortalUser>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: PORTAL_USERS_KEY }) });
}

/** Invites a contact (or sends a pending invitation again). */
export function useInvitePortalUser() {
  return usePortalUserMutation((input: TInvitePortalUserInput) =>
    api<TPortalUser>('/api/v1/portal-users', { method: 'POST', body: input }),
  );
}

export type PortalUserAction = 'resend' | 'disable' | 'enable';

/** Resends the invitation, disables or enables an account. */
export function usePortalUserAction() {
  return usePortalUserMutation(({ id, action }: { id: string; action: PortalUserAction }) =>
    api<TPortalUser>(`/api/v1/portal-users/${id}/${action}`, { method: 'POST' }),
  );
}
