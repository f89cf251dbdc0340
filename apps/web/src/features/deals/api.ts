import type {
  TCreateDealInput,
  TCreateLostReasonInput,
  TCreatePipelineInput,
  TCurrencySettings,
  TDeal,
  TDealStageChange,
  TLostReason,
  TMoveDealInput,
  TPipeline,
  TPipelineBoard,
  TPipelineStage,
  TUpdateDealInput,
  TUpdatePipelineInput,
} from '@clientela/contract';
import { keepPreviousData, type QueryClient, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { TIMELINE_KEY } from '../activities/api.ts';
import type { Page } from '../customers/types.ts';
import { appendCards, placeDeal } from './board-cache.ts';

export const DEALS_KEY = ['deals'] as const;
export const PIPELINES_KEY = ['pipelines'] as const;
const BOARD_KEY = [...DEALS_KEY, 'board'] as const;
const PAGE_SIZE = 50;

/** The board's filters (`GET /pipelines/:id/board`). */
export type BoardQuery = { q?: string; 'filter[ownerId]'?: string };

/** The query parameters of the deals list (`GET /deals`). */
export type DealQuery = {
  q?: string;
  sort?: string;
  'filter[pipelineId]'?: string;
  'filter[stageId]'?: string;
  'filter[status]'?: 'open' | 'won' | 'lost';
  'filter[ownerId]'?: string;
  'filter[companyId]'?: string;
  'filter[unitId]'?: string;
  'filter[productId]'?: string;
  'filter[region]'?: string;
  'filter[closedFrom]'?: string;
  'filter[closedTo]'?: string;
  'filter[createdFrom]'?: string;
  'filter[createdTo]'?: string;
  'filter[reachedStageId]'?: string;
  'filter[lostReasonId]'?: string;
};

/** The name of a product or company a filter names, for its chip; nothing for `none`. */
export function useFilterName(kind: 'products' | 'companies', id: string | undefined) {
  return useQuery({
    queryKey: [kind, 'one', id],
    queryFn: ({ signal }) => api<{ name: string }>(`/api/v1/${kind}/${id}`, { signal }),
    enabled: Boolean(id) && id !== 'none',
    select: (record) => record.name,
    staleTime: 5 * 60_000,
  });
}

/** Every pipeline with its stages in order. */
export function usePipelines() {
  return useQuery({
    queryKey: PIPELINES_KEY,
    queryFn: ({ signal }) => api<{ data: TPipeline[] }>('/api/v1/pipelines', { signal }),
    select: (list) => list.data,
    staleTime: 5 * 60_000,
  });
}

/** The reasons a deal may be lost for, inactive ones too. */
export function useLostReasons() {
  return useQuery({
    queryKey: [...PIPELINES_KEY, 'lost-reasons'],
    queryFn: ({ signal }) => api<{ data: TLostReason[] }>('/api/v1/pipelines/lost-reasons', { signal }),
    select: (list) => list.data,
    staleTime: 5 * 60_000,
  });
}

/** The workspace's base currency and the currencies it trades in. */
export function useCurrencySettings() {
  return useQuery({
    queryKey: ['currencies', 'settings'],
    queryFn: ({ signal }) => api<TCurrencySettings>('/api/v1/currencies', { signal }),
    staleTime: 5 * 60_000,
  });
}

/** The codes a deal's amount may be in: the base currency first. */
export function currencyCodes(settings: TCurrencySettings | undefined): string[] {
  if (!settings) return [];
  return [settings.baseCurrency, ...settings.currencies.map((currency) => currency.code).filter((code) => code !== settings.baseCurrency)];
}

const boardKey = (pipelineId: string, query: BoardQuery) => [...BOARD_KEY, pipelineId, query];

/** A pipeline's board: each stage's first cards, count and sum. */
export function usePipelineBoard(pipelineId: string | undefined, query: BoardQuery) {
  return useQuery({
    queryKey: boardKey(pipelineId ?? '', query),
    queryFn: ({ signal }) =>
      api<TPipelineBoard>(`/api/v1/pipelines/${pipelineId}/board`, { signal, query: { ...query, limit: PAGE_SIZE } }),
    enabled: Boolean(pipelineId),
    placeholderData: keepPreviousData,
  });
}

/** Fetches a column's next cards and adds them to the board it shows. */
export function useLoadMoreCards(pipelineId: string, query: BoardQuery) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ stageId, cursor }: { stageId: string; cursor: string }) =>
      api<Page<TDeal>>('/api/v1/deals', {
        query: { ...query, 'filter[stageId]': stageId, sort: '-stageEnteredAt', cursor, limit: PAGE_SIZE },
      }),
    onSuccess: (page, { stageId }) =>
      queryClient.setQueryData<TPipelineBoard>(boardKey(pipelineId, query), (board) =>
        board ? appendCards(board, stageId, page.data, page.nextCursor) : board,
      ),
  });
}

/** Deals matching `query`, page by page ("load more"). */
export function useDealPages(query: DealQuery, enabled = true) {
  return useInfiniteQuery({
    queryKey: [...DEALS_KEY, 'list', query],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api<Page<TDeal>>('/api/v1/deals', { signal, query: { ...query, limit: PAGE_SIZE, cursor: pageParam } }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** One deal. */
export function useDeal(id: string) {
  return useQuery({ queryKey: [...DEALS_KEY, 'one', id], queryFn: ({ signal }) => api<TDeal>(`/api/v1/deals/${id}`, { signal }) });
}

/** A deal's way through the stages, oldest first. */
export function useDealStages(id: string) {
  return useQuery({
    queryKey: [...DEALS_KEY, 'stages', id],
    queryFn: ({ signal }) => api<{ data: TDealStageChange[] }>(`/api/v1/deals/${id}/stages`, { signal }),
    select: (history) => history.data,
  });
}

/** Everything about deals but the boards, which a move already set right; and deals' timelines, which show the moves. */
const refreshDeals = (queryClient: QueryClient, boards = true) =>
  Promise.all([
    queryClient.invalidateQueries({
      queryKey: DEALS_KEY,
      predicate: (query) => boards || query.queryKey[1] !== 'board',
    }),
    queryClient.invalidateQueries({ queryKey: [...TIMELINE_KEY, 'deal'] }),
  ]);

function useDealMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => refreshDeals(queryClient) });
}

/** Adds a deal. */
export function useCreateDeal() {
  return useDealMutation((input: TCreateDealInput) => api<TDeal>('/api/v1/deals', { method: 'POST', body: input }));
}

/** Changes the fields sent. */
export function useUpdateDeal() {
  return useDealMutation(({ id, ...input }: TUpdateDealInput & { id: string }) =>
    api<TDeal>(`/api/v1/deals/${id}`, { method: 'PATCH', body: input }),
  );
}

/** Deletes a deal. */
export function useDeleteDeal() {
  return useDealMutation((id: string) => api<void>(`/api/v1/deals/${id}`, { method: 'DELETE' }));
}

/** What a move sends: the deal as shown, the stage it goes to and the fields that stage asked for. */
export type MoveRequest = { deal: TDeal; stage: TPipelineStage; fields?: Omit<TMoveDealInput, 'stageId'> };

/** The deal as it will be once moved, for the board to show before the server answers. */
function movedDeal({ deal, stage, fields = {} }: MoveRequest): TDeal {
  const amount = fields.amount ?? deal.amount;
  const currency = fields.currency ?? deal.currency;
  const amountChanged = fields.amount !== undefined || fields.currency !== undefined;
  return {
    ...deal,
    stage: { id: stage.id, name: stage.name, kind: stage.kind },
    stageEnteredAt: new Date().toISOString(),
    amount,
    currency,
    amountBase: amountChanged ? (currency === deal.baseCurrency ? amount : null) : deal.amountBase,
    expectedCloseOn: fields.expectedCloseOn ?? deal.expectedCloseOn,
    source: fields.source ?? deal.source,
  };
}

/**
 * Moves a deal to another stage (`POST /deals/:id/move`). Every board showing it moves the card at
 * once; a refusal puts the boards back as they were and the error comes to the caller.
 */
export function useMoveDeal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ deal, stage, fields }: MoveRequest) =>
      api<TDeal>(`/api/v1/deals/${deal.id}/move`, { method: 'POST', body: { stageId: stage.id, ...fields } }),
    onMutate: async (request) => {
      await queryClient.cancelQueries({ queryKey: BOARD_KEY });
      const before = queryClient.getQueriesData<TPipelineBoard>({ queryKey: BOARD_KEY });
      const moved = movedDeal(request);
      queryClient.setQueriesData<TPipelineBoard>({ queryKey: BOARD_KEY }, (board) => (board ? placeDeal(board, moved) : board));
      return { before };
    },
    onError: (_error, _request, context) => {
      for (const [key, board] of context?.before ?? []) queryClient.setQueryData(key, board);
    },
    onSuccess: (deal) => {
      queryClient.setQueriesData<TPipelineBoard>({ queryKey: BOARD_KEY }, (board) => (board ? placeDeal(board, deal) : board));
      queryClient.setQueryData([...DEALS_KEY, 'one', deal.id], deal);
      return refreshDeals(queryClient, false);
    },
  });
}

function usePipelineMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    // Boards show the stages; deals name them.
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: PIPELINES_KEY }), refreshDeals(queryClient)]),
  });
}

/** Adds a pipeline (admins). */
export function useCreatePipeline() {
  return usePipelineMutation((input: TCreatePipelineInput) => api<TPipeline>('/api/v1/pipelines', { method: 'POST', body: input }));
}

/** Changes a pipeline; its stages come in order, and one left out is removed (409 `stage_has_deals` while deals are in it). */
export function useUpdatePipeline() {
  return usePipelineMutation(({ id, ...input }: TUpdatePipelineInput & { id: string }) =>
    api<TPipeline>(`/api/v1/pipelines/${id}`, { method: 'PATCH', body: input }),
  );
}

/** Deletes a pipeline (admins). */
export function useDeletePipeline() {
  return usePipelineMutation((id: string) => api<void>(`/api/v1/pipelines/${id}`, { method: 'DELETE' }));
}

/** Adds a lost reason (admins). */
export function useCreateLostReason() {
  return usePipelineMutation((input: TCreateLostReasonInput) =>
    api<TLostReason>('/api/v1/pipelines/lost-reasons', { method: 'POST', body: input }),
  );
}

/** Renames, deactivates or reactivates a lost reason (admins). */
export function useUpdateLostReason() {
  return usePipelineMutation(({ id, ...input }: Partial<TCreateLostReasonInput> & { id: string }) =>
    api<TLostReason>(`/api/v1/pipelines/lost-reasons/${id}`, { method: 'PATCH', body: input }),
  );
}
