import type {
  TBirthdayRunResult,
  TBirthdaySettings,
  TBirthdaySettingsInput,
  TConsent,
  TConsentUpdate,
  TUpcomingBirthdays,
} from '@clientela/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

const CONSENT_KEY = ['consent'] as const;
const BIRTHDAYS_KEY = ['birthday-settings'] as const;

/** A contact's marketing consent now and its history. */
export function useConsent(contactId: string) {
  return useQuery({
    queryKey: [...CONSENT_KEY, contactId],
    queryFn: ({ signal }) => api<TConsent>(`/api/v1/contacts/${contactId}/consent`, { signal }),
  });
}

/** Grants or withdraws a contact's consent; the card shows the answer at once. */
export function useUpdateConsent(contactId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TConsentUpdate) => api<TConsent>(`/api/v1/contacts/${contactId}/consent`, { method: 'PUT', body: input }),
    onSuccess: (saved) => queryClient.setQueryData([...CONSENT_KEY, contactId], saved),
  });
}

/** The workspace's birthday automation. */
export function useBirthdaySettings() {
  return useQuery({
    queryKey: [...BIRTHDAYS_KEY, 'settings'],
    queryFn: ({ signal }) => api<TBirthdaySettings>('/api/v1/marketing/birthdays', { signal }),
  });
}

/** Saves the birthday automation (admins). */
export function useSaveBirthdaySettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TBirthdaySettingsInput) => api<TBirthdaySettings>('/api/v1/marketing/birthdays', { method: 'PUT', body: input }),
    onSuccess: (saved) => queryClient.setQueryData([...BIRTHDAYS_KEY, 'settings'], saved),
  });
}

/** The birthdays of the next `days` days, today first. */
export function useUpcomingBirthdays(days = 14) {
  return useQuery({
    queryKey: [...BIRTHDAYS_KEY, 'upcoming', days],
    queryFn: ({ signal }) => api<TUpcomingBirthdays>('/api/v1/marketing/birthdays/upcoming', { signal, query: { days } }),
    select: (list) => list.data,
  });
}

/** Greets today's birthdays now instead of waiting for the hourly run. */
export function useRunBirthdays() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<TBirthdayRunResult>('/api/v1/marketing/birthdays/run', { method: 'POST', body: {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...BIRTHDAYS_KEY, 'upcoming'] }),
  });
}
