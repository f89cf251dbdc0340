import type {
  TConvertLeadInput,
  TCreateLeadInput,
  TCreateWebFormInput,
  TDisqualifyLeadInput,
  TLead,
  TLeadListQuery,
  TLeadMatches,
  TLeadStatusInput,
  TLeadSummary,
  TUpdateLeadInput,
  TUpdateWebFormInput,
  TWebForm,
  TWebFormList,
} from '@clientela/contract';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import type { Page } from '../customers/types.ts';

export const LEADS_KEY = ['leads'] as const;
export const WEB_FORMS_KEY = ['web-forms'] as const;
const PAGE_SIZE = 30;

/** The query parameters of the leads list (`GET /leads`), without paging. */
export type LeadQuery = Omit<Partial<TLeadListQuery>, 'limit' | 'cursor'>;

/** Leads matching `query`, page by page from the server ("load more"). */
export function useLeadPages(query: LeadQuery) {
  return useInfiniteQuery({
    queryKey: [...LEADS_KEY, 'list', query],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api<Page<TLeadSummary>>('/api/v1/leads', { signal, query: { ...query, limit: PAGE_SIZE, cursor: pageParam } }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** One lead, whole. */
export function useLead(id: string) {
  return useQuery({ queryKey: [...LEADS_KEY, 'one', id], queryFn: ({ signal }) => api<TLead>(`/api/v1/leads/${id}`, { signal }) });
}

/** Contacts and companies already in the base that look like the lead (its e-mail, phone or company name). */
export function useLeadMatches(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...LEADS_KEY, 'matches', id],
    queryFn: ({ signal }) => api<TLeadMatches>(`/api/v1/leads/${id}/matches`, { signal }),
    enabled,
  });
}

function useLeadMutation<TInput>(mutationFn: (input: TInput) => Promise<TLead>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (saved) => {
      queryClient.setQueryData([...LEADS_KEY, 'one', saved.id], saved);
      return queryClient.invalidateQueries({ queryKey: [...LEADS_KEY, 'list'] });
    },
  });
}

/** Registers a lead by hand. */
export function useCreateLead() {
  return useLeadMutation((input: TCreateLeadInput) => api<TLead>('/api/v1/leads', { method: 'POST', body: input }));
}

/** Changes the fields sent. */
export function useUpdateLead() {
  return useLeadMutation(({ id, ...input }: TUpdateLeadInput & { id: string }) =>
    api<TLead>(`/api/v1/leads/${id}`, { method: 'PATCH', body: input }),
  );
}

/** Moves a lead to new, working or qualified. */
export function useLeadStatus() {
  return useLeadMutation(({ id, ...input }: TLeadStatusInput & { id: string }) =>
    api<TLead>(`/api/v1/leads/${id}/status`, { method: 'POST', body: input }),
  );
}

/** Disqualifies a lead, saying why. */
export function useDisqualifyLead() {
  return useLeadMutation(({ id, ...input }: TDisqualifyLeadInput & { id: string }) =>
    api<TLead>(`/api/v1/leads/${id}/disqualify`, { method: 'POST', body: input }),
  );
}

/** Turns a lead into a contact, a company and maybe a deal, in one go. */
export function useConvertLead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: TConvertLeadInput & { id: string }) =>
      api<TLead>(`/api/v1/leads/${id}/convert`, { method: 'POST', body: input }),
    onSuccess: (saved) => {
      queryClient.setQueryData([...LEADS_KEY, 'one', saved.id], saved);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: [...LEADS_KEY, 'list'] }),
        queryClient.invalidateQueries({ queryKey: ['contacts'] }),
        queryClient.invalidateQueries({ queryKey: ['companies'] }),
        queryClient.invalidateQueries({ queryKey: ['deals'] }),
      ]);
    },
  });
}

/** Deletes a lead. */
export function useDeleteLead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/v1/leads/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...LEADS_KEY, 'list'] }),
  });
}

/** Every web form of the workspace. */
export function useWebForms() {
  return useQuery({
    queryKey: [...WEB_FORMS_KEY],
    queryFn: ({ signal }) => api<TWebFormList>('/api/v1/web-forms', { signal }),
    select: (list) => list.data,
  });
}

function useWebFormMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: WEB_FORMS_KEY }) });
}

/** Creates a web form; the server makes its key and address. */
export function useCreateWebForm() {
  return useWebFormMutation((input: TCreateWebFormInput) => api<TWebForm>('/api/v1/web-forms', { method: 'POST', body: input }));
}

/** Changes the fields sent. */
export function useUpdateWebForm() {
  return useWebFormMutation(({ id, ...input }: TUpdateWebFormInput & { id: string }) =>
    api<TWebForm>(`/api/v1/web-forms/${id}`, { method: 'PATCH', body: input }),
  );
}

/** Deletes a web form; its leads stay. */
export function useDeleteWebForm() {
  return useWebFormMutation((id: string) => api<void>(`/api/v1/web-forms/${id}`, { method: 'DELETE' }));
}

/** The name to show for a lead: its person, else its company, else its e-mail or phone. */
export function leadName(lead: Pick<TLeadSummary, 'name' | 'companyName' | 'email' | 'phone'>): string {
  return lead.name || lead.companyName || lead.email || lead.phone || '';
}
