import type { TCreateUserInput, TRole, TUpdateUserInput, TUser } from '@clientela/contract';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { SESSION_KEY } from '../../lib/query-client.ts';

type UserList = { data: TUser[]; nextCursor: string | null; total: number };

export type UserSort = 'name' | '-name' | 'email' | '-email' | 'createdAt' | '-createdAt';

export type UserFilters = {
  q: string;
  role: TRole | undefined;
  unitId: string | undefined;
  active: 'true' | 'false' | undefined;
  sort: UserSort;
};

const PAGE_SIZE = 25;
const USERS_KEY = ['users'] as const;

/** Users page by page from the server ("load more"), filtered and sorted there. */
export function useUsers(filters: UserFilters) {
  return useInfiniteQuery({
    queryKey: [...USERS_KEY, filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api<UserList>('/api/v1/users', {
        signal,
        query: {
          q: filters.q.trim(),
          sort: filters.sort,
          limit: PAGE_SIZE,
          cursor: pageParam,
          'filter[role]': filters.role,
          'filter[unitId]': filters.unitId,
          'filter[active]': filters.active,
        },
      }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });
}

function useUserMutation<TInput>(mutationFn: (input: TInput) => Promise<TUser>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: USERS_KEY }),
        // Member counts of units change with users; one's own role may change too.
        queryClient.invalidateQueries({ queryKey: ['units'] }),
        queryClient.invalidateQueries({ queryKey: SESSION_KEY }),
      ]),
  });
}

/** An admin adds a colleague with an initial password. */
export function useCreateUser() {
  return useUserMutation((input: TCreateUserInput) => api<TUser>('/api/v1/users', { method: 'POST', body: input }));
}

/** An admin changes a colleague's name, role, unit, status or password. */
export function useUpdateUser() {
  return useUserMutation(({ id, ...input }: TUpdateUserInput & { id: string }) =>
    api<TUser>(`/api/v1/users/${id}`, { method: 'PATCH', body: input }),
  );
}
