import type {
  TBudget,
  TBudgetInput,
  TCampaign,
  TCampaignDetail,
  TCampaignListQuery,
  TCreateCampaignCostInput,
  TCreateCampaignInput,
  TCreateLeadSourceInput,
  TLeadSource,
  TRoi,
  TRoiCut,
  TRoiCutQuery,
  TRoiQuery,
  TUpdateCampaignCostInput,
  TUpdateCampaignInput,
  TUpdateLeadSourceInput,
} from '@clientela/contract';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import type { Page } from '../customers/types.ts';

export const CAMPAIGNS_KEY = ['campaigns'] as const;
export const SOURCES_KEY = ['lead-sources'] as const;
export const MARKETING_KEY = ['marketing'] as const;
const PAGE_SIZE = 30;

/** The query parameters of the campaigns list, without paging. */
export type CampaignQuery = Omit<Partial<TCampaignListQuery>, 'limit' | 'cursor'>;

/** Campaigns matching `query`, page by page. */
export function useCampaignPages(query: CampaignQuery) {
  return useInfiniteQuery({
    queryKey: [...CAMPAIGNS_KEY, 'list', query],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api<Page<TCampaign>>('/api/v1/campaigns', { signal, query: { ...query, limit: PAGE_SIZE, cursor: pageParam } }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** Campaigns whose name matches `q`, for pickers. */
export function useCampaignOptions(q: string) {
  return useQuery({
    queryKey: [...CAMPAIGNS_KEY, 'options', q.trim()],
    queryFn: ({ signal }) => api<Page<TCampaign>>('/api/v1/campaigns', { signal, query: { q: q.trim() || undefined, limit: 20 } }),
    select: (page) => page.data,
    placeholderData: keepPreviousData,
  });
}

/** One campaign with its cost lines, totals and results. */
export function useCampaign(id: string) {
  return useQuery({
    queryKey: [...CAMPAIGNS_KEY, 'one', id],
    queryFn: ({ signal }) => api<TCampaignDetail>(`/api/v1/campaigns/${id}`, { signal }),
  });
}

function useCampaignMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: CAMPAIGNS_KEY }), queryClient.invalidateQueries({ queryKey: MARKETING_KEY })]),
  });
}

/** Creates a campaign. */
export function useCreateCampaign() {
  return useCampaignMutation((input: TCreateCampaignInput) => api<TCampaign>('/api/v1/campaigns', { method: 'POST', body: input }));
}

/** Changes the fields sent. */
export function useUpdateCampaign() {
  return useCampaignMutation(({ id, ...input }: TUpdateCampaignInput & { id: string }) =>
    api<TCampaign>(`/api/v1/campaigns/${id}`, { method: 'PATCH', body: input }),
  );
}

/** Deletes a campaign. */
export function useDeleteCampaign() {
  return useCampaignMutation((id: string) => api<void>(`/api/v1/campaigns/${id}`, { method: 'DELETE' }));
}

/** Adds a cost line. */
export function useAddCampaignCost() {
  return useCampaignMutation(({ campaignId, ...input }: TCreateCampaignCostInput & { campaignId: string }) =>
    api<unknown>(`/api/v1/campaigns/${campaignId}/costs`, { method: 'POST', body: input }),
  );
}

/** Changes a cost line. */
export function useUpdateCampaignCost() {
  return useCampaignMutation(({ campaignId, costId, ...input }: TUpdateCampaignCostInput & { campaignId: string; costId: string }) =>
    api<unknown>(`/api/v1/campaigns/${campaignId}/costs/${costId}`, { method: 'PATCH', body: input }),
  );
}

/** Deletes a cost line. */
export function useDeleteCampaignCost() {
  return useCampaignMutation(({ campaignId, costId }: { campaignId: string; costId: string }) =>
    api<void>(`/api/v1/campaigns/${campaignId}/costs/${costId}`, { method: 'DELETE' }),
  );
}

/** The lead sources in their order (inactive ones flagged). */
export function useLeadSources() {
  return useQuery({
    queryKey: [...SOURCES_KEY],
    queryFn: ({ signal }) => api<{ data: TLeadSource[] }>('/api/v1/lead-sources', { signal }),
    select: (list) => list.data,
    staleTime: 60_000,
  });
}

function useSourceMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: SOURCES_KEY }), queryClient.invalidateQueries({ queryKey: MARKETING_KEY })]),
  });
}

/** Adds a lead source (last). */
export function useCreateLeadSource() {
  return useSourceMutation((input: TCreateLeadSourceInput) => api<TLeadSource>('/api/v1/lead-sources', { method: 'POST', body: input }));
}

/** Renames, (de)activates a source. */
export function useUpdateLeadSource() {
  return useSourceMutation(({ id, ...input }: TUpdateLeadSourceInput & { id: string }) =>
    api<TLeadSource>(`/api/v1/lead-sources/${id}`, { method: 'PATCH', body: input }),
  );
}

/** Puts the sources in a new order. */
export function useOrderLeadSources() {
  return useSourceMutation((ids: string[]) => api<unknown>('/api/v1/lead-sources/order', { method: 'PUT', body: { ids } }));
}

/** Deletes a source; 409 `in_use` while records use it. */
export function useDeleteLeadSource() {
  return useSourceMutation((id: string) => api<void>(`/api/v1/lead-sources/${id}`, { method: 'DELETE' }));
}

/** The year's budget plan against the actual spend, per source and month. */
export function useBudget(year: number) {
  return useQuery({
    queryKey: [...MARKETING_KEY, 'budget', year],
    queryFn: ({ signal }) => api<TBudget>('/api/v1/marketing/budget', { signal, query: { year } }),
    placeholderData: keepPreviousData,
  });
}

/** Saves changed cells of the budget plan. */
export function useSaveBudget() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TBudgetInput) => api<TBudget>('/api/v1/marketing/budget', { method: 'PUT', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...MARKETING_KEY, 'budget'] }),
  });
}

/** ROI per campaign or per source over a period. */
export function useRoi(query: TRoiQuery | undefined) {
  return useQuery({
    queryKey: [...MARKETING_KEY, 'roi', query],
    queryFn: ({ signal }) => api<TRoi>('/api/v1/marketing/roi', { signal, query }),
    enabled: Boolean(query),
    placeholderData: keepPreviousData,
  });
}

/** What cutting the budget by a share would save and put at risk. */
export function useRoiCut(query: TRoiCutQuery | undefined) {
  return useQuery({
    queryKey: [...MARKETING_KEY, 'cut', query],
    queryFn: ({ signal }) => api<TRoiCut>('/api/v1/marketing/roi/cut', { signal, query }),
    enabled: Boolean(query),
    placeholderData: keepPreviousData,
  });
}

/** Every campaign's results for all time (the list shows them beside each campaign). */
export const ALL_TIME = { from: '2000-01-01', to: '2999-12-31' } as const;
