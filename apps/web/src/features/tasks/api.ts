import type {
  TCreatedTask,
  TCreateTaskInput,
  TLeadTimeAdvice,
  TTask,
  TTaskListQuery,
  TTaskTransitionInput,
  TUpdateTaskInput,
} from '@clientela/contract';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { TIMELINE_KEY } from '../activities/api.ts';
import type { Page } from '../customers/types.ts';

export const TASKS_KEY = ['tasks'] as const;
const PAGE_SIZE = 30;

/** The query parameters of the tasks list (`GET /tasks`), without paging. */
export type TaskQuery = Omit<Partial<TTaskListQuery>, 'limit' | 'cursor'>;

/** Tasks matching `query`, page by page from the server ("Show more"). */
export function useTaskPages(query: TaskQuery, pageSize = PAGE_SIZE) {
  return useInfiniteQuery({
    queryKey: [...TASKS_KEY, 'list', query, pageSize],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api<Page<TTask>>('/api/v1/tasks', { signal, query: { ...query, limit: pageSize, cursor: pageParam } }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** One task; the assignee's first reading marks it received on the server. */
export function useTask(id: string) {
  return useQuery({ queryKey: [...TASKS_KEY, 'one', id], queryFn: () => api<TTask>(`/api/v1/tasks/${id}`) });
}

/** A unit's standard lead time for a kind of work, once both are chosen. */
export function useLeadTime(unitId: string | null | undefined, kind: string | null | undefined) {
  const trimmed = kind?.trim() ?? '';
  return useQuery({
    queryKey: [...TASKS_KEY, 'lead-time', unitId, trimmed],
    queryFn: ({ signal }) => api<TLeadTimeAdvice>('/api/v1/tasks/lead-time', { signal, query: { unitId: unitId ?? '', kind: trimmed } }),
    enabled: Boolean(unitId) && trimmed !== '',
  });
}

function useTaskMutation<TInput, TResult extends TTask = TTask>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (task) => {
      queryClient.setQueryData([...TASKS_KEY, 'one', task.id], task);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: [...TASKS_KEY, 'list'] }),
        // A deal's timeline shows the tasks about it, with their status.
        queryClient.invalidateQueries({ queryKey: [...TIMELINE_KEY, 'deal'] }),
      ]);
    },
  });
}

/** Sends a task to a person or a unit's queue. */
export function useCreateTask() {
  return useTaskMutation((input: TCreateTaskInput) => api<TCreatedTask>('/api/v1/tasks', { method: 'POST', body: input }));
}

/** Changes the fields sent (the assignee may change only the checklist). */
export function useUpdateTask() {
  return useTaskMutation(({ id, ...input }: TUpdateTaskInput & { id: string }) =>
    api<TTask>(`/api/v1/tasks/${id}`, { method: 'PATCH', body: input }),
  );
}

/** Moves a task on; 409 `task_transition_invalid` when its status no longer allows the move. */
export function useTransitionTask() {
  return useTaskMutation(({ id, ...input }: TTaskTransitionInput & { id: string }) =>
    api<TTask>(`/api/v1/tasks/${id}/transitions`, { method: 'POST', body: input }),
  );
}
