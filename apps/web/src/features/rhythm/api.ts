import type { TBirthdays, TDormantList, TNotContactedList, TRhythmCompliance, TRhythmRules, TRhythmScopeQuery } from '@clientela/contract';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

const RULES_KEY = ['rhythm', 'rules'] as const;

/** How often each class of customer must be contacted (everyone may read it). */
export function useRhythmRules() {
  return useQuery({ queryKey: RULES_KEY, queryFn: ({ signal }) => api<TRhythmRules>('/api/v1/rhythm/rules', { signal }) });
}

/** Replaces the three rules (admins); the reports follow them at once. */
export function useSaveRhythmRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TRhythmRules) => api<TRhythmRules>('/api/v1/rhythm/rules', { method: 'PUT', body: input }),
    onSuccess: (saved) => {
      queryClient.setQueryData(RULES_KEY, saved);
      return queryClient.invalidateQueries({ queryKey: ['reports', 'contact-rhythm'] });
    },
  });
}

/** Who keeps the contact rhythm, per manager, with the overdue customers. */
export function useCompliance(scope: TRhythmScopeQuery) {
  return useQuery({
    queryKey: ['reports', 'contact-rhythm', scope],
    queryFn: ({ signal }) => api<TRhythmCompliance>('/api/v1/reports/contact-rhythm', { signal, query: scope }),
    placeholderData: keepPreviousData,
  });
}

/** Contacts whose birthday falls this week or this month. */
export function useBirthdays(range: 'week' | 'month') {
  return useQuery({
    queryKey: ['reports', 'birthdays', range],
    queryFn: ({ signal }) => api<TBirthdays>('/api/v1/reports/birthdays', { signal, query: { range } }),
    placeholderData: keepPreviousData,
  });
}

/** Customers nobody has been in touch with for `days` days. */
export function useNotContacted(days: number) {
  return useQuery({
    queryKey: ['reports', 'not-contacted', days],
    queryFn: ({ signal }) => api<TNotContactedList>('/api/v1/reports/not-contacted', { signal, query: { days } }),
    placeholderData: keepPreviousData,
  });
}

/** Companies that bought before but not in the last `months` months. */
export function useDormant(months: number) {
  return useQuery({
    queryKey: ['reports', 'dormant', months],
    queryFn: ({ signal }) => api<TDormantList>('/api/v1/reports/dormant', { signal, query: { months } }),
    placeholderData: keepPreviousData,
  });
}
