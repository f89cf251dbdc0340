import type { TFunnelReport, TWonLostReport } from '@clientela/contract';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../lib/api.ts';
import { REPORTS_KEY, type ReportParams } from './api.ts';

/** The reports over the deals' way through a pipeline and how they closed. */
const PATHS = { funnel: '/api/v1/reports/funnel', 'won-lost': '/api/v1/reports/won-lost' } as const;
export type DealReportName = keyof typeof PATHS;
type Answers = { funnel: TFunnelReport; 'won-lost': TWonLostReport };

/** One of them, kept on screen while the next pipeline, grouping or period loads. */
export function useDealReport<R extends DealReportName>(report: R, params: ReportParams) {
  return useQuery({
    queryKey: [...REPORTS_KEY, report, params],
    queryFn: ({ signal }) => api<Answers[R]>(PATHS[report], { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Where its Excel file is downloaded from: the same parameters, `format=xlsx`. */
export const dealReportFileUrl = (report: DealReportName, params: ReportParams) => withQuery(PATHS[report], { ...params, format: 'xlsx' });
