import type {
  TCreateProcessDefinitionInput,
  TProcessDefinition,
  TProcessDefinitionDetail,
  TProcessValidation,
  TStartProcessInput,
  TUpdateProcessDefinitionInput,
} from '@clientela/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

export const DEFINITIONS_KEY = ['process-definitions'] as const;
const BASE = '/api/v1/process-definitions';

type DefinitionList = { data: TProcessDefinition[]; nextCursor: string | null; total: number };
export type ProcessTemplate = { key: string; name: string; description: string };
export type PublishResult = { version: number; warnings: TProcessValidation['warnings'] };

/** The workspace's processes (the first page of 200, enough for a list of models). */
export function useProcessDefinitions() {
  return useQuery({
    queryKey: [...DEFINITIONS_KEY, 'list'],
    queryFn: ({ signal }) => api<DefinitionList>(BASE, { query: { limit: 200 }, signal }),
  });
}

/** One process with its draft and versions. */
export function useProcessDefinition(id: string) {
  return useQuery({
    queryKey: [...DEFINITIONS_KEY, 'detail', id],
    queryFn: ({ signal }) => api<TProcessDefinitionDetail>(`${BASE}/${id}`, { signal }),
    // The designer holds the draft while it is edited: a refetch must not replace it behind the author's back.
    refetchOnWindowFocus: false,
  });
}

/** The ready-made processes, named in the reader's language. */
export function useProcessTemplates(enabled: boolean) {
  return useQuery({
    queryKey: [...DEFINITIONS_KEY, 'templates'],
    queryFn: ({ signal }) => api<ProcessTemplate[] | { data: ProcessTemplate[] }>(`${BASE}/templates`, { signal }),
    select: (answer) => (Array.isArray(answer) ? answer : answer.data),
    enabled,
  });
}

/** Creates a process: empty, from a template or from a `.bpmn` file. */
export function useCreateProcessDefinition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TCreateProcessDefinitionInput) => api<TProcessDefinitionDetail>(BASE, { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: DEFINITIONS_KEY }),
  });
}

/** Saves the draft (or the name); 409 `draft_changed` when someone saved since `baseUpdatedAt`. */
export function useUpdateProcessDefinition(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TUpdateProcessDefinitionInput) => api<TProcessDefinitionDetail>(`${BASE}/${id}`, { method: 'PATCH', body: input }),
    onSuccess: (saved) => {
      queryClient.setQueryData([...DEFINITIONS_KEY, 'detail', id], saved);
      void queryClient.invalidateQueries({ queryKey: [...DEFINITIONS_KEY, 'list'] });
    },
  });
}

/** Checks the saved draft as publication would. */
export function useValidateProcessDefinition(id: string) {
  return useMutation({
    mutationFn: () => api<TProcessValidation>(`${BASE}/${id}/validate`, { method: 'POST' }),
  });
}

/** Publishes the saved draft as the next version; 400 `process_invalid` carries the problems. */
export function usePublishProcessDefinition(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<PublishResult>(`${BASE}/${id}/publish`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: DEFINITIONS_KEY }),
  });
}

/** Starts the published version of a process. */
export function useStartProcess() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TStartProcessInput) => api<{ id: string }>('/api/v1/process-instances', { method: 'POST', body: input }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: DEFINITIONS_KEY });
      void queryClient.invalidateQueries({ queryKey: ['process-instances'] });
    },
  });
}
