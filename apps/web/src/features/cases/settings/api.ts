import type {
  TCaseRoutingRule,
  TCaseRoutingRuleInput,
  TCaseType,
  TCaseTypeInput,
  TSlaPolicy,
  TSlaPolicyInput,
  TWorkingCalendar,
  TWorkingCalendarInput,
} from '@clientela/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';

type Resource = 'case-types' | 'sla-policies' | 'working-calendars' | 'case-routing-rules';

function useList<T>(resource: Resource) {
  return useQuery({
    queryKey: [resource],
    queryFn: ({ signal }) => api<{ data: T[] }>(`/api/v1/${resource}`, { signal }),
    select: (list) => list.data,
  });
}

/** Create, change and delete for one settings resource; the lists (and the cases, whose SLA may read them) are fetched again after. */
function useWrites<T, TInput>(resource: Resource) {
  const queryClient = useQueryClient();
  const done = () => Promise.all([queryClient.invalidateQueries({ queryKey: [resource] })]);
  return {
    create: useMutation({
      mutationFn: (input: TInput) => api<T>(`/api/v1/${resource}`, { method: 'POST', body: input }),
      onSuccess: done,
    }),
    update: useMutation({
      mutationFn: ({ id, ...input }: Partial<TInput> & { id: string }) =>
        api<T>(`/api/v1/${resource}/${id}`, { method: 'PATCH', body: input }),
      onSuccess: done,
    }),
    remove: useMutation({
      mutationFn: (id: string) => api<void>(`/api/v1/${resource}/${id}`, { method: 'DELETE' }),
      onSuccess: done,
    }),
  };
}

export const useSettingsCaseTypes = () => useList<TCaseType>('case-types');
export const useCaseTypeWrites = () => useWrites<TCaseType, TCaseTypeInput>('case-types');
export const useSettingsSlaPolicies = () => useList<TSlaPolicy>('sla-policies');
export const useSlaPolicyWrites = () => useWrites<TSlaPolicy, TSlaPolicyInput>('sla-policies');
export const useWorkingCalendars = () => useList<TWorkingCalendar>('working-calendars');
export const useWorkingCalendarWrites = () => useWrites<TWorkingCalendar, TWorkingCalendarInput>('working-calendars');
export const useRoutingRules = () => useList<TCaseRoutingRule>('case-routing-rules');
export const useRoutingRuleWrites = () => useWrites<TCaseRoutingRule, TCaseRoutingRuleInput>('case-routing-rules');
