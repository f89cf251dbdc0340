import type {
  TBuilderReport,
  TCreateSavedReportInput,
  TReportDefinition,
  TSavedReport,
  TSavedReportList,
  TSession,
  TUpdateSavedReportInput,
} from '@clientela/contract';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fileNameOf } from '../../components/export-button.tsx';
import { ApiError, api, toApiError } from '../../lib/api.ts';
import { SESSION_KEY } from '../../lib/query-client.ts';

const BUILDER_KEY = ['report-builder'] as const;
const SAVED_KEY = [...BUILDER_KEY, 'saved'] as const;

/** The figures of a definition, once it is run; kept on screen while the next run loads. */
export function useBuilderRun(definition: TReportDefinition | null) {
  return useQuery({
    queryKey: [...BUILDER_KEY, 'run', definition],
    queryFn: ({ signal }) => api<TBuilderReport>('/api/v1/reports/builder/run', { method: 'POST', body: definition, signal }),
    enabled: definition !== null,
    placeholderData: keepPreviousData,
  });
}

/** The reader's own saved reports first, then those shared with them. */
export function useSavedReports() {
  return useQuery({
    queryKey: SAVED_KEY,
    queryFn: ({ signal }) => api<TSavedReportList>('/api/v1/saved-reports', { signal }),
    select: (list) => list.data,
  });
}

/** One saved report, opened from the address. */
export function useSavedReport(id: string | undefined) {
  return useQuery({
    queryKey: [...SAVED_KEY, id],
    queryFn: ({ signal }) => api<TSavedReport>(`/api/v1/saved-reports/${id}`, { signal }),
    enabled: id !== undefined,
    retry: false,
  });
}

function useSavedChange<I>(write: (input: I) => Promise<TSavedReport | undefined>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (report) => {
      if (report) queryClient.setQueryData([...SAVED_KEY, report.id], report);
      void queryClient.invalidateQueries({ queryKey: SAVED_KEY, exact: true });
    },
  });
}

export const useCreateSavedReport = () =>
  useSavedChange((input: TCreateSavedReportInput) => api<TSavedReport>('/api/v1/saved-reports', { method: 'POST', body: input }));

export const useUpdateSavedReport = () =>
  useSavedChange(({ id, ...input }: TUpdateSavedReportInput & { id: string }) =>
    api<TSavedReport>(`/api/v1/saved-reports/${id}`, { method: 'PUT', body: input }),
  );

export const useDeleteSavedReport = () =>
  useSavedChange(async (id: string) => {
    await api<void>(`/api/v1/saved-reports/${id}`, { method: 'DELETE' });
    return undefined;
  });

/** The figures of a definition as an Excel file, saved under the server's name. */
export function useDownloadXlsx() {
  const queryClient = useQueryClient();
  return async (definition: TReportDefinition) => {
    const csrfToken = queryClient.getQueryData<TSession | null>(SESSION_KEY)?.csrfToken;
    let response: Response;
    try {
      response = await fetch('/api/v1/reports/builder/run?format=xlsx', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', ...(csrfToken ? { 'X-CSRF-Token': csrfToken } : {}) },
        body: JSON.stringify(definition),
      });
    } catch (cause) {
      throw new ApiError(0, 'network_error', cause instanceof Error ? cause.message : 'Network error');
    }
    if (!response.ok) throw await toApiError(response);
    const link = document.createElement('a');
    link.href = URL.createObjectURL(await response.blob());
    link.download = fileNameOf(response.headers.get('Content-Disposition'), 'report.xlsx');
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  };
}
