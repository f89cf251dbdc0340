import type {
  TCompleteProcessTaskInput,
  TProcessInstance,
  TProcessInstanceDetail,
  TProcessInstanceListQuery,
  TProcessStatistics,
  TProcessTask,
} from '@clientela/contract';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { TASKS_KEY } from '../tasks/api.ts';

export const INSTANCES_KEY = ['process-instances'] as const;
export const PROCESS_TASKS_KEY = ['process-tasks'] as const;
const PAGE_SIZE = 30;

type Page<T> = { data: T[]; nextCursor: string | null; total: number };

/** The filters of the instances list, without paging. */
export type InstanceQuery = Omit<Partial<TProcessInstanceListQuery>, 'limit' | 'cursor'>;

/** Instances matching `query`, newest first, page by page ("Load more"). */
export function useProcessInstances(query: InstanceQuery, pageSize = PAGE_SIZE) {
  return useInfiniteQuery({
    queryKey: [...INSTANCES_KEY, 'list', query, pageSize],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api<Page<TProcessInstance>>('/api/v1/process-instances', { signal, query: { ...query, limit: pageSize, cursor: pageParam } }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** One instance with its model, steps, timers and form. */
export function useProcessInstance(id: string) {
  return useQuery({
    queryKey: [...INSTANCES_KEY, 'one', id],
    queryFn: ({ signal }) => api<TProcessInstanceDetail>(`/api/v1/process-instances/${id}`, { signal }),
  });
}

/** How long a process's runs and steps take (admins and managers). */
export function useProcessStatistics(definitionId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...INSTANCES_KEY, 'statistics', definitionId],
    queryFn: ({ signal }) => api<TProcessStatistics>(`/api/v1/process-definitions/${definitionId}/statistics`, { signal }),
    enabled,
  });
}

function useInstanceAction<TInput>(id: string, action: 'cancel' | 'retry') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TInput) => api<unknown>(`/api/v1/process-instances/${id}/${action}`, { method: 'POST', body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: INSTANCES_KEY }),
  });
}

/** Cancels a running instance, saying why. */
export const useCancelInstance = (id: string) => useInstanceAction<{ reason: string }>(id, 'cancel');
/** Runs a failed instance's failed step again. */
export const useRetryInstance = (id: string) => useInstanceAction<Record<string, never>>(id, 'retry');

/** The process steps an assignment is (none for an ordinary task). */
export function useProcessTasksOfTask(taskId: string) {
  return useQuery({
    queryKey: [...PROCESS_TASKS_KEY, 'of-task', taskId],
    queryFn: ({ signal }) => api<Page<TProcessTask>>('/api/v1/process-tasks', { signal, query: { taskId } }),
  });
}

/** Completes a user step with its form's values; the task, the instance and My day change with it. */
export function useCompleteProcessTask(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TCompleteProcessTaskInput) => api<unknown>(`/api/v1/process-tasks/${id}/complete`, { method: 'POST', body: input }),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: PROCESS_TASKS_KEY }),
        queryClient.invalidateQueries({ queryKey: INSTANCES_KEY }),
        queryClient.invalidateQueries({ queryKey: TASKS_KEY }),
      ]),
  });
}

const INTL_LOCALE = { en: 'en-GB', ru: 'ru-RU', it: 'it-IT' } as const;
const UNITS = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1_000],
] as const;

/**
 * A duration in milliseconds as people read it, in their language and with its two largest units:
 * "2d 4h" in English, "2 д 4 ч" in Russian, "2g 4h" in Italian; under a second reads as 0 seconds.
 */
export function formatDuration(ms: number, locale: keyof typeof INTL_LOCALE): string {
  let rest = Math.max(0, Math.round(ms));
  const parts: string[] = [];
  for (const [unit, size] of UNITS) {
    const amount = Math.floor(rest / size);
    rest -= amount * size;
    if (amount > 0 || parts.length > 0) parts.push(amount > 0 ? unitText(amount, unit, locale) : '');
    if (parts.length === 2) break;
  }
  const shown = parts.filter(Boolean);
  return shown.length > 0 ? shown.join(' ') : unitText(0, 'second', locale);
}

function unitText(amount: number, unit: string, locale: keyof typeof INTL_LOCALE): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], { style: 'unit', unit, unitDisplay: 'narrow' }).format(amount);
}
