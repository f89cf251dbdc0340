import type { TImport, TImportEntity, TImportMappingInput, TImportPreview, TImportProblem, TImportTemplate } from '@clientela/contract';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError, withQuery } from '../../lib/api.ts';
import { RECORDS_KEY } from '../customer-list/api.ts';
import type { Page } from '../customers/types.ts';

export const IMPORTS_KEY = ['imports'] as const;
const TEMPLATES_KEY = ['import-templates'] as const;
const PAGE_SIZE = 20;
const PROBLEMS_PAGE_SIZE = 50;
/** How often a running import is asked for its progress. */
export const POLL_MS = 700;

/** Whether the import is waiting for, or in, its run. */
export function isRunning(imp: Pick<TImport, 'status'> | undefined): boolean {
  return imp?.status === 'queued' || imp?.status === 'running';
}

const oneKey = (id: string) => [...IMPORTS_KEY, 'one', id] as const;
const previewKey = (id: string) => [...IMPORTS_KEY, 'preview', id] as const;

/** The user's imports, newest first, page by page; refreshed while one of them runs. */
export function useImports() {
  return useInfiniteQuery({
    queryKey: [...IMPORTS_KEY, 'list'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => api<Page<TImport>>('/api/v1/imports', { signal, query: { limit: PAGE_SIZE, cursor: pageParam } }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: (query) => (query.state.data?.pages.some((page) => page.data.some(isRunning)) ? 2_000 : false),
  });
}

/** One import; asked again every POLL_MS while it is queued or running. */
export function useImport(id: string | undefined) {
  return useQuery({
    queryKey: oneKey(id ?? ''),
    queryFn: ({ signal }) => api<TImport>(`/api/v1/imports/${id}`, { signal }),
    enabled: id !== undefined,
    refetchInterval: (query) => (isRunning(query.state.data) ? POLL_MS : false),
    // A running import must show fresh figures when the page is opened again.
    staleTime: 0,
  });
}

/** The first rows of the file as the current mapping would import them, and the values no field knows. */
export function usePreview(id: string) {
  return useQuery({
    queryKey: previewKey(id),
    queryFn: ({ signal }) => api<TImportPreview>(`/api/v1/imports/${id}/preview`, { signal }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/** Every row the run rejected, skipped or changed, page by page. */
export function useImportProblems(id: string) {
  return useInfiniteQuery({
    queryKey: [...IMPORTS_KEY, 'problems', id],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api<Page<TImportProblem>>(`/api/v1/imports/${id}/problems`, { signal, query: { limit: PROBLEMS_PAGE_SIZE, cursor: pageParam } }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Stores an import answered by the server as the current one, and refreshes the list of imports. */
function useStoreImport() {
  const queryClient = useQueryClient();
  return (imp: TImport) => {
    queryClient.setQueryData(oneKey(imp.id), imp);
    return queryClient.invalidateQueries({ queryKey: [...IMPORTS_KEY, 'list'] });
  };
}

/** Uploads a file; the server reads it and suggests a mapping. The same file again gives the same import. */
export function useUploadImport() {
  const store = useStoreImport();
  return useMutation({
    mutationFn: ({ entity, file }: { entity: TImportEntity; file: File }) => {
      const form = new FormData();
      // The server reads the entity before the file streams in.
      form.append('entity', entity);
      form.append('file', file, file.name);
      return api<TImport>('/api/v1/imports', { method: 'POST', body: form });
    },
    onSuccess: store,
  });
}

/** Saves the mapping (columns, duplicates, country, value decisions); the preview follows it. */
export function useSaveMapping(id: string) {
  const store = useStoreImport();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (mapping: TImportMappingInput) => api<TImport>(`/api/v1/imports/${id}/mapping`, { method: 'PUT', body: mapping }),
    onSuccess: async (imp) => {
      await store(imp);
      await queryClient.invalidateQueries({ queryKey: previewKey(id) });
    },
    // Started meanwhile (e.g. in another tab): the wizard follows the run instead.
    onError: (error) => (isApiError(error, 'import_not_editable') ? queryClient.invalidateQueries({ queryKey: oneKey(id) }) : undefined),
  });
}

/** Starts the run (in the background on the server). */
export function useRunImport(id: string) {
  const store = useStoreImport();
  return useMutation({
    mutationFn: () => api<TImport>(`/api/v1/imports/${id}/run`, { method: 'POST' }),
    onSuccess: store,
  });
}

/** Stops a queued or running import; the rows already in stay. */
export function useCancelImport(id: string) {
  const store = useStoreImport();
  return useMutation({
    mutationFn: () => api<TImport>(`/api/v1/imports/${id}/cancel`, { method: 'POST' }),
    onSuccess: store,
  });
}

/** What each entity's lists are cached under. */
const LIST_KEYS: Record<TImportEntity, readonly string[]> = {
  ...RECORDS_KEY,
  product: ['products'],
  user: ['users'],
  deal: ['deals'],
  exchange_rate: ['currencies'],
  lead: ['leads'],
};

/** After a run, the lists of the imported records hold new rows. */
export function useRefreshRecords() {
  const queryClient = useQueryClient();
  return (entity: TImportEntity) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: LIST_KEYS[entity] }),
      queryClient.invalidateQueries({ queryKey: [...IMPORTS_KEY, 'list'] }),
    ]);
}

/** The address of the problem report of an import, as CSV or as an Excel workbook. */
export function reportUrl(id: string, format: 'csv' | 'xlsx'): string {
  return withQuery(`/api/v1/imports/${id}/report`, { format });
}

/** Saved mappings for companies or contacts. */
export function useImportTemplates(entity: TImportEntity) {
  return useQuery({
    queryKey: [...TEMPLATES_KEY, entity],
    queryFn: ({ signal }) => api<Page<TImportTemplate>>('/api/v1/import-templates', { signal, query: { entity } }),
    select: (list) => list.data,
  });
}

type TemplateInput = Pick<TImportTemplate, 'entity' | 'name' | 'columns'> & Partial<Pick<TImportTemplate, 'values'>>;

/** Saves the current mapping under a name. */
export function useCreateTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TemplateInput) => api<TImportTemplate>('/api/v1/import-templates', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TEMPLATES_KEY }),
  });
}

/** Deletes a saved mapping. */
export function useDeleteTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/v1/import-templates/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TEMPLATES_KEY }),
  });
}

/** A new import of a finished one's file and mapping, updating what it wrote: its values can be mapped again. */
export function useRepeatImport(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<TImport>(`/api/v1/imports/${id}/repeat`, { method: 'POST' }),
    onSuccess: (created) => {
      queryClient.setQueryData(oneKey(created.id), created);
      return queryClient.invalidateQueries({ queryKey: [...IMPORTS_KEY, 'list'] });
    },
  });
}
