import type { TTaskReminderRules } from '@clientela/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

const KEY = ['tasks', 'reminder-rules'] as const;

/** When the workspace reminds assignees and tells unit heads about stuck tasks (everyone may read them). */
export function useReminderRules() {
  return useQuery({ queryKey: KEY, queryFn: ({ signal }) => api<TTaskReminderRules>('/api/v1/tasks/reminder-rules', { signal }) });
}

/** Replaces the workspace's reminder and escalation rules (admins). */
export function useSaveReminderRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TTaskReminderRules) => api<TTaskReminderRules>('/api/v1/tasks/reminder-rules', { method: 'PUT', body: input }),
    onSuccess: (saved) => queryClient.setQueryData(KEY, saved),
  });
}
