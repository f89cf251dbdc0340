import type { TUpdateWorkspaceSettingsInput, TWorkspaceSettings } from '@clientela/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { SESSION_KEY } from '../../lib/query-client.ts';

const KEY = ['workspace-settings'] as const;

export function useWorkspaceSettings() {
  return useQuery({ queryKey: KEY, queryFn: () => api<TWorkspaceSettings>('/api/v1/workspace') });
}

/** Saves the workspace's name or default phone country (admins). */
export function useUpdateWorkspaceSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TUpdateWorkspaceSettingsInput) => api<TWorkspaceSettings>('/api/v1/workspace', { method: 'PATCH', body: input }),
    onSuccess: (saved) => {
      queryClient.setQueryData(KEY, saved);
      // The header shows the workspace's name.
      void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
    },
  });
}
