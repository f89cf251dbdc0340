import type { TConsentRecord, TEraseInput, TErasure, TPersonDataStatus } from '@clientela/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { CONTACTS_KEY } from '../contacts/api.ts';

const GDPR_KEY = ['gdpr'] as const;

/** Where a person's export file downloads from (the server names it and forbids caching). */
export const exportUrl = (contactId: string) => `/api/v1/gdpr/contacts/${contactId}/export`;

/** A person's erasure, if any, and whether the reader may export or erase. */
export function usePersonDataStatus(contactId: string) {
  return useQuery({
    queryKey: [...GDPR_KEY, 'status', contactId],
    queryFn: ({ signal }) => api<TPersonDataStatus>(`/api/v1/gdpr/contacts/${contactId}`, { signal }),
  });
}

/** The record of a person's consents, newest first. */
export function useConsentRecord(contactId: string) {
  return useQuery({
    queryKey: [...GDPR_KEY, 'consents', contactId],
    queryFn: ({ signal }) => api<TConsentRecord>(`/api/v1/gdpr/contacts/${contactId}/consents`, { signal }),
    select: (record) => record.data,
  });
}

/** Erases a person; the contact page then reads the anonymised contact and its history again. */
export function useErasePerson(contactId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TEraseInput) => api<TErasure>(`/api/v1/gdpr/contacts/${contactId}/erase`, { method: 'POST', body: input }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: GDPR_KEY }),
        queryClient.invalidateQueries({ queryKey: CONTACTS_KEY }),
        queryClient.invalidateQueries({ queryKey: ['consent'] }),
      ]),
  });
}
