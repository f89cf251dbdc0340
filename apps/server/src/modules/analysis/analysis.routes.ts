import {
  ZAbcQuery,
  ZAbcReport,
  ZAbcSettings,
  ZApplyAbcInput,
  ZApplyAbcResult,
  ZCustomersReport,
  ZCustomersReportQuery,
  ZFunnelQuery,
  ZFunnelReport,
  ZSalesReport,
  ZSalesReportQuery,
  ZUpdateAbcSettingsInput,
  ZWinRateQuery,
  ZWinRateReport,
  ZWonLostQuery,
  ZWonLostReport,
} from '@clientela/contract';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { attachment, ctxOf, type ModuleOptions, readCtxOf, typed } from '../../http/route-helpers.ts';
import { assertMayExport } from '../authz/index.ts';
import { ABC_JOB, ABC_SCHEDULE, abcJob, abcReport, applyAbc, getAbcSettings, updateAbcSettings } from './abc.ts';
import { funnelReport } from './funnel.ts';
import { wonLostReport } from './lost.ts';
import { abcXlsx, funnelXlsx, groupedXlsx, reportFileName, winRateXlsx, wonLostXlsx, XLSX_TYPE } from './report-xlsx.ts';
import { customersReport, salesReport, winRateReport } from './sales-report.ts';

/** Sends a report as an Excel file, headed in the reader's language. */
async function sendXlsx(
  request: FastifyRequest,
  reply: FastifyReply,
  name: string,
  write: (locale: 'en' | 'ru' | 'it') => Promise<Buffer>,
) {
  const file = await write(request.signedIn?.user.locale ?? 'en');
  return reply
    .header('content-disposition', attachment(reportFileName(name)))
    .header('cache-control', 'no-store')
    .type(XLSX_TYPE)
    .send(file);
}

/**
 * The routes of sales reports, the funnel, won and lost deals and the ABC×XYZ analysis: each report as JSON for the chart and the
 * table, or with `format=xlsx` as an Excel file.
 */
export async function analysisRoutes(app: FastifyInstance, { db, jobs }: ModuleOptions) {
  // Spreadsheet downloads are exports: refused before any figure is computed (or the query is checked).
  app.addHook('onRequest', async (request) => {
    if ((request.query as { format?: string }).format === 'xlsx' && request.actor) assertMayExport(request.actor, 'analytics');
  });
  const api = typed(app);
  // Workspaces whose ABC schedule is monthly get their classes written on the first of each month.
  if (jobs) await jobs.schedule(ABC_JOB, ABC_SCHEDULE, abcJob(db));
  const tags = ['reports'];
  api.get(
    '/reports/sales',
    { schema: { tags, querystring: ZSalesReportQuery, response: { 200: ZSalesReport } } },
    async (request, reply) => {
      const report = await salesReport(readCtxOf(db, request), request.query);
      if (request.query.format === 'xlsx') return sendXlsx(request, reply, 'sales', (locale) => groupedXlsx(report, locale));
      return report;
    },
  );
  api.get(
    '/reports/win-rate',
    { schema: { tags, querystring: ZWinRateQuery, response: { 200: ZWinRateReport } } },
    async (request, reply) => {
      const report = await winRateReport(readCtxOf(db, request), request.query);
      if (request.query.format === 'xlsx') return sendXlsx(request, reply, 'win-rate', (locale) => winRateXlsx(report, locale));
      return report;
    },
  );
  api.get(
    '/reports/won-lost',
    { schema: { tags, querystring: ZWonLostQuery, response: { 200: ZWonLostReport } } },
    async (request, reply) => {
      const report = await wonLostReport(readCtxOf(db, request), request.query);
      if (request.query.format === 'xlsx') return sendXlsx(request, reply, 'won-lost', (locale) => wonLostXlsx(report, locale));
      return report;
    },
  );
  api.get('/reports/funnel', { schema: { tags, querystring: ZFunnelQuery, response: { 200: ZFunnelReport } } }, async (request, reply) => {
    // The period's days are the reader's: their profile's time zone reads them.
    const zone = request.signedIn?.user.timeZone ?? 'UTC';
    const report = await funnelReport(readCtxOf(db, request), request.query, new Date(), zone);
    if (request.query.format === 'xlsx') return sendXlsx(request, reply, 'funnel', (locale) => funnelXlsx(report, locale));
    return report;
  });
  api.get(
    '/reports/customers',
    { schema: { tags, querystring: ZCustomersReportQuery, response: { 200: ZCustomersReport } } },
    async (request, reply) => {
      const report = await customersReport(readCtxOf(db, request), request.query);
      if (request.query.format === 'xlsx') return sendXlsx(request, reply, 'customers', (locale) => groupedXlsx(report, locale));
      return report;
    },
  );
  api.get('/reports/abc', { schema: { tags, querystring: ZAbcQuery, response: { 200: ZAbcReport } } }, async (request, reply) => {
    const report = await abcReport(readCtxOf(db, request), request.query);
    if (request.query.format === 'xlsx') return sendXlsx(request, reply, 'abc-xyz', (locale) => abcXlsx(report, locale));
    return report;
  });
  api.get('/reports/abc/settings', { schema: { tags, response: { 200: ZAbcSettings } } }, async (request) =>
    getAbcSettings(ctxOf(db, request)),
  );
  api.put('/reports/abc/settings', { schema: { tags, body: ZUpdateAbcSettingsInput, response: { 200: ZAbcSettings } } }, async (request) =>
    updateAbcSettings(ctxOf(db, request), request.body),
  );
  api.post('/reports/abc/apply', { schema: { tags, body: ZApplyAbcInput, response: { 200: ZApplyAbcResult } } }, async (request) =>
    applyAbc(ctxOf(db, request), request.body ?? {}),
  );
}
