import type { TCreateWorkspaceInput, TSession, TSetupStatus } from '@clientela/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../lib/api.ts';
import { storeSession } from '../auth/api.ts';

const SETUP_KEY = ['setup'] as const;

/** Whether the server still has no workspace (first start). */
export function useSetupStatus() {
  return useQuery({
    queryKey: SETUP_KEY,
    queryFn: () => api<TSetupStatus>('/api/v1/setup'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Creates the first workspace; its creator comes back signed in as admin. */
export function useCreateWorkspace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TCreateWorkspaceInput) => api<TSession>('/api/v1/setup', { method: 'POST', body: input }),
    onSuccess: (session) => {
      queryClient.setQueryData<TSetupStatus>(SETUP_KEY, { needsSetup: false });
      storeSession(queryClient, session);
    },
    onError: (error) => {
      if (isApiError(error, 'setup_already_done')) {
        queryClient.setQueryData<TSetupStatus>(SETUP_KEY, { needsSetup: false });
      }
    },
  });
}
