import type {
  TAbcReport,
  TAbcSettings,
  TApplyAbcResult,
  TCustomersReport,
  TSalesReport,
  TUpdateAbcSettingsInput,
  TWinRateReport,
} from '@clientela/contract';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../lib/api.ts';

export const REPORTS_KEY = ['reports'] as const;

/** A report's query parameters as the URL carries them; empty ones are left out. */
export type ReportParams = Record<string, string | undefined>;

const REPORT_PATHS = {
  sales: '/api/v1/reports/sales',
  'win-rate': '/api/v1/reports/win-rate',
  customers: '/api/v1/reports/customers',
  abc: '/api/v1/reports/abc',
} as const;
export type ReportName = keyof typeof REPORT_PATHS;

type Answers = { sales: TSalesReport; 'win-rate': TWinRateReport; customers: TCustomersReport; abc: TAbcReport };

/** One report, kept on screen while the next grouping or period loads. */
export function useReport<R extends ReportName>(report: R, params: ReportParams) {
  return useQuery({
    queryKey: [...REPORTS_KEY, report, params],
    queryFn: ({ signal }) => api<Answers[R]>(REPORT_PATHS[report], { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Where the report's Excel file is downloaded from: the same parameters, `format=xlsx`. */
export const reportFileUrl = (report: ReportName, params: ReportParams) => withQuery(REPORT_PATHS[report], { ...params, format: 'xlsx' });

const SETTINGS_KEY = [...REPORTS_KEY, 'abc-settings'] as const;

/** The workspace's ABC×XYZ thresholds, basis, schedule and when the classes were last written. */
export function useAbcSettings() {
  return useQuery({
    queryKey: SETTINGS_KEY,
    queryFn: ({ signal }) => api<TAbcSettings>('/api/v1/reports/abc/settings', { signal }),
  });
}

/** Saves the ABC×XYZ settings (admins) and recomputes the analysis. */
export function useSaveAbcSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TUpdateAbcSettingsInput) => api<TAbcSettings>('/api/v1/reports/abc/settings', { method: 'PUT', body: input }),
    onSuccess: (settings) => {
      queryClient.setQueryData(SETTINGS_KEY, settings);
      void queryClient.invalidateQueries({ queryKey: [...REPORTS_KEY, 'abc'] });
    },
  });
}

/** Writes the computed classes into the customers' class field (admins). */
export function useApplyAbc() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (period: { from?: string; to?: string }) =>
      api<TApplyAbcResult>('/api/v1/reports/abc/apply', { method: 'POST', body: period }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: REPORTS_KEY });
      void queryClient.invalidateQueries({ queryKey: ['companies'] });
    },
  });
}
