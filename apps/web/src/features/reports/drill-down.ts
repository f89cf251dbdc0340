import type { TSalesGrouping, TWinRateGrouping } from '@clientela/contract';

/** Stands for "without it" (no product, no unit, no region …) in the deals list's address. */
export const NONE = 'none';

type Dimension = TSalesGrouping | TWinRateGrouping;
type Period = { from?: string | undefined; to?: string | undefined };

const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const day = (year: number, month: number, d: number) => `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The days a period key covers: "2017-03", "2017-Q1" or "2017". */
export function daysOf(key: string): { from: string; to: string } | null {
  const year = Number(key.slice(0, 4));
  let match = /^\d{4}-(\d{2})$/.exec(key);
  if (match) {
    const month = Number(match[1]);
    return { from: day(year, month, 1), to: day(year, month, lastDay(year, month)) };
  }
  match = /^\d{4}-Q([1-4])$/.exec(key);
  if (match) {
    const first = (Number(match[1]) - 1) * 3 + 1;
    return { from: day(year, first, 1), to: day(year, first + 2, lastDay(year, first + 2)) };
  }
  return /^\d{4}$/.test(key) ? { from: day(year, 1, 1), to: day(year, 12, 31) } : null;
}

const URL_PARAM: Record<Exclude<Dimension, 'month' | 'quarter' | 'year'>, string> = {
  unit: 'unit',
  owner: 'owner',
  product: 'product',
  region: 'region',
  company: 'company',
};

type Filters = { unitId?: string | undefined; ownerId?: string | undefined; productId?: string | undefined };

const withFilters = (params: URLSearchParams, report: Filters) => {
  if (report.unitId) params.set('unit', report.unitId);
  if (report.ownerId) params.set('owner', report.ownerId);
  if (report.productId) params.set('product', report.productId);
};

/**
 * The deals list's address for the deals behind a report row — won unless told (lost ones, with
 * `lostReason` the reason or `none`): the report's period of close days and filters, narrowed to
 * the row's group (and subgroup), so the list holds exactly the deals counted there.
 */
export function dealsUrlFor(
  groups: { dimension: Dimension; key: string | null }[],
  report: Period & Filters,
  closed: { status: 'won' | 'lost'; lostReason?: string | null } = { status: 'won' },
): string {
  const params = new URLSearchParams({ view: 'list', status: closed.status });
  let { from, to } = report;
  withFilters(params, report);
  if (closed.lostReason !== undefined) params.set('lostReason', closed.lostReason ?? NONE);
  for (const { dimension, key } of groups) {
    if (dimension === 'month' || dimension === 'quarter' || dimension === 'year') {
      const days = key ? daysOf(key) : null;
      if (!days) continue;
      from = from && from > days.from ? from : days.from;
      to = to && to < days.to ? to : days.to;
    } else params.set(URL_PARAM[dimension], key ?? NONE);
  }
  if (from) params.set('closedFrom', from);
  if (to) params.set('closedTo', to);
  return `/deals?${params.toString()}`;
}

/**
 * The deals list's address for a stage of the funnel: the pipeline's deals created in the report's
 * days (the reader's calendar) that reached the stage, or that are in it now.
 */
export function funnelDealsUrl(stage: { pipelineId: string; stageId: string; which: 'reached' | 'now' }, report: Period & Filters): string {
  const params = new URLSearchParams({ view: 'list', pipeline: stage.pipelineId });
  params.set(stage.which === 'reached' ? 'reached' : 'stage', stage.stageId);
  withFilters(params, report);
  if (report.from) params.set('createdFrom', report.from);
  if (report.to) params.set('createdTo', report.to);
  return `/deals?${params.toString()}`;
}
