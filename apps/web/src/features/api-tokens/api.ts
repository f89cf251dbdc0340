import type { TApiToken, TCreateApiTokenInput, TCreatedApiToken } from '@clientela/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

const TOKENS_KEY = ['api-tokens'] as const;

type TokenList = { data: TApiToken[] } | TApiToken[];

/** The signed-in user's own API tokens (never their secrets). */
export function useApiTokens() {
  return useQuery({
    queryKey: TOKENS_KEY,
    queryFn: () => api<TokenList>('/api/v1/api-tokens'),
    select: (list) => (Array.isArray(list) ? list : list.data),
  });
}

/** Creates a token; the answer holds its secret, which is never shown again. */
export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TCreateApiTokenInput) => api<TCreatedApiToken>('/api/v1/api-tokens', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}

/** Revokes a token: scripts using it stop working at once. */
export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/v1/api-tokens/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}
