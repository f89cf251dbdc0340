import type {
  TMailing,
  TMailingInput,
  TMailingRecipient,
  TMailTemplate,
  TMailTemplateInput,
  TRecipientStatus,
  TTemplatePreview,
  TTemplatePreviewInput,
  TTemplatePurpose,
  TTemplateTestInput,
  TTemplateTestResult,
  TUpdateMailingInput,
  TUpdateMailTemplateInput,
} from '@clientela/contract';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { useMe } from '../auth/api.ts';
import type { Page } from '../customers/types.ts';

const TEMPLATES_KEY = ['mail-templates'] as const;
const MAILINGS_KEY = ['mailings'] as const;

/** Whether the signed-in user may write templates and create, queue and stop mailings (admins and managers). */
export function useMayManageMailings(): boolean {
  return useMe().role !== 'employee';
}

/** The live templates, newest change first; `purpose` keeps one kind (e.g. the birthday ones). */
export function useTemplates(purpose?: TTemplatePurpose) {
  return useQuery({
    queryKey: [...TEMPLATES_KEY, 'list', purpose ?? 'all'],
    queryFn: ({ signal }) => api<Page<TMailTemplate>>('/api/v1/templates', { signal, query: { purpose } }),
  });
}

/** One template with every language's version. */
export function useTemplate(id: string | undefined) {
  return useQuery({
    queryKey: [...TEMPLATES_KEY, 'one', id],
    queryFn: ({ signal }) => api<TMailTemplate>(`/api/v1/templates/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

/** Creates a template (or changes it when `id` is given); 400 `invalid_template` names each broken version. */
export function useSaveTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: (TMailTemplateInput | TUpdateMailTemplateInput) & { id?: string }) =>
      id
        ? api<TMailTemplate>(`/api/v1/templates/${id}`, { method: 'PATCH', body: input })
        : api<TMailTemplate>('/api/v1/templates', { method: 'POST', body: input }),
    onSuccess: (saved) => {
      queryClient.setQueryData([...TEMPLATES_KEY, 'one', saved.id], saved);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: [...TEMPLATES_KEY, 'list'] }),
        queryClient.invalidateQueries({ queryKey: [...TEMPLATES_KEY, 'preview', saved.id] }),
      ]);
    },
  });
}

/** The saved template filled for a contact (or with sample values), as a recipient would get it. */
export function useTemplatePreview(id: string | undefined, input: TTemplatePreviewInput, enabled = true) {
  return useQuery({
    queryKey: [...TEMPLATES_KEY, 'preview', id, input],
    queryFn: ({ signal }) => api<TTemplatePreview>(`/api/v1/templates/${id}/preview`, { method: 'POST', body: input, signal }),
    enabled: Boolean(id) && enabled,
    placeholderData: keepPreviousData,
  });
}

/** Sends one test mail of a template's version to the signed-in user. */
export function useSendTestMail() {
  return useMutation({
    mutationFn: ({ id, ...input }: TTemplateTestInput & { id: string }) =>
      api<TTemplateTestResult>(`/api/v1/templates/${id}/test`, { method: 'POST', body: input }),
  });
}

/** The mailings, newest first. */
export function useMailings(campaignId?: string) {
  return useQuery({
    queryKey: [...MAILINGS_KEY, 'list', campaignId ?? null],
    queryFn: ({ signal }) => api<Page<TMailing>>('/api/v1/mailings', { signal, query: { limit: 200, campaignId } }),
    // A list with a mailing on its way follows its progress.
    refetchInterval: (query) => (query.state.data?.data.some((mailing) => isMoving(mailing)) ? 5_000 : false),
  });
}

/** Whether a mailing is on its way, so that its page and the list follow its progress. */
export function isMoving(mailing: Pick<TMailing, 'status'>): boolean {
  return mailing.status === 'queued' || mailing.status === 'sending';
}

/** One mailing with its counts; refreshed every few seconds while it is queued or sending. */
export function useMailing(id: string) {
  return useQuery({
    queryKey: [...MAILINGS_KEY, 'one', id],
    queryFn: ({ signal }) => api<TMailing>(`/api/v1/mailings/${id}`, { signal }),
    refetchInterval: (query) => (query.state.data && isMoving(query.state.data) ? 3_000 : false),
  });
}

/**
 * A page of a mailing's recipients, of one status or all; refreshed while the mailing moves, and once
 * more when it stops (the key changes), so the last messages' statuses agree with the counts.
 */
export function useRecipients(id: string, status: TRecipientStatus | undefined, cursor: string | undefined, moving: boolean) {
  return useQuery({
    queryKey: [...MAILINGS_KEY, 'recipients', id, status ?? 'all', cursor ?? '', moving],
    queryFn: ({ signal }) =>
      api<Page<TMailingRecipient>>(`/api/v1/mailings/${id}/recipients`, { signal, query: { status, cursor, limit: 50 } }),
    placeholderData: keepPreviousData,
    refetchInterval: moving ? 5_000 : false,
  });
}

function useMailingMutation<TInput>(mutationFn: (input: TInput) => Promise<TMailing>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (saved) => {
      queryClient.setQueryData([...MAILINGS_KEY, 'one', saved.id], saved);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: [...MAILINGS_KEY, 'list'] }),
        queryClient.invalidateQueries({ queryKey: [...MAILINGS_KEY, 'recipients', saved.id] }),
      ]);
    },
  });
}

/** Saves a draft mailing (created when no `id` is given). */
export function useSaveMailing() {
  return useMailingMutation(({ id, ...input }: (TMailingInput | TUpdateMailingInput) & { id?: string }) =>
    id
      ? api<TMailing>(`/api/v1/mailings/${id}`, { method: 'PATCH', body: input })
      : api<TMailing>('/api/v1/mailings', { method: 'POST', body: input }),
  );
}

export type MailingAction = 'queue' | 'pause' | 'resume' | 'cancel';

/** Queues a draft for sending, or pauses, resumes or cancels a mailing on its way. */
export function useMailingAction() {
  return useMailingMutation(({ id, action }: { id: string; action: MailingAction }) =>
    api<TMailing>(`/api/v1/mailings/${id}/${action}`, { method: 'POST', body: {} }),
  );
}

/** A campaign as the mailing form offers it. */
type CampaignOption = { id: string; name: string };

/** The campaigns a mailing may belong to. */
export function useCampaignOptions() {
  return useQuery({
    queryKey: ['campaigns', 'options'],
    queryFn: ({ signal }) => api<Page<CampaignOption>>('/api/v1/campaigns', { signal, query: { limit: 200 } }),
    select: (page) => page.data,
    staleTime: 60_000,
  });
}
