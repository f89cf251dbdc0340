import type { TUpdateWorkspaceSettingsInput, TWorkspaceSettings } from '@clientela/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { SESSION_KEY } from '../../lib/query-client.ts';

const KEY = ['workspace-settings'] as const;

/** Where the workspace's logo is served from, to every member. */
export const WORKSPACE_LOGO_URL = '/api/v1/workspace/logo';

export function useWorkspaceSettings() {
  return useQuery({ queryKey: KEY, queryFn: () => api<TWorkspaceSettings>('/api/v1/workspace') });
}

/** Saves the workspace's name, default phone country or letterhead (admins). */
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

/** Uploads the letterhead's logo (admins): the server takes a PNG or JPEG of at most 512 KB, told by its bytes. */
export function usePutWorkspaceLogo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const body = new FormData();
      body.append('file', file, file.name);
      return api<TWorkspaceSettings>(WORKSPACE_LOGO_URL, { method: 'PUT', body });
    },
    onSuccess: (saved) => queryClient.setQueryData(KEY, saved),
  });
}

/** Removes the letterhead's logo (admins). */
export function useDeleteWorkspaceLogo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>(WORKSPACE_LOGO_URL, { method: 'DELETE' }),
    onSuccess: () => queryClient.setQueryData<TWorkspaceSettings>(KEY, (old) => (old ? { ...old, hasLogo: false } : old)),
  });
}
