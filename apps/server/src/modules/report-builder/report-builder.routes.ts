import {
  type TBuilderReport,
  ZBuilderReport,
  ZBuilderRunQuery,
  ZCreateSavedReportInput,
  ZIdParams,
  ZReportDefinition,
  ZSavedReport,
  ZSavedReportList,
  ZUpdateSavedReportInput,
} from '@clientela/contract';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { attachment, ctxOf, type ModuleOptions, readCtxOf, typed } from '../../http/route-helpers.ts';
import { reportFileName, XLSX_TYPE } from '../analysis/report-xlsx.ts';
import { assertMayExport } from '../authz/index.ts';
import { builderXlsx } from './builder-xlsx.ts';
import { runReport } from './run-report.ts';
import { createSavedReport, deleteSavedReport, getSavedReport, listSavedReports, updateSavedReport } from './saved-reports.service.ts';

/** The figures as JSON, or with `format=xlsx` as an Excel file headed in the reader's language. */
async function answer(request: FastifyRequest, reply: FastifyReply, report: TBuilderReport, format: 'json' | 'xlsx', name: string) {
  if (format === 'json') return report;
  const file = await builderXlsx(report, request.signedIn?.user.locale ?? 'en');
  return reply
    .header('content-disposition', attachment(reportFileName(name)))
    .header('cache-control', 'no-store')
    .type(XLSX_TYPE)
    .send(file);
}

/** A file name from a report's name: letters, digits and dashes. */
const fileNameOf = (name: string) =>
  name
    .trim()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || 'report';

/** The report builder: run a definition, and keep it as a private or shared saved report. */
export async function reportBuilderRoutes(app: FastifyInstance, { db }: ModuleOptions) {
  // Spreadsheet downloads are exports: refused before any figure is computed (or the query is checked).
  app.addHook('onRequest', async (request) => {
    if ((request.query as { format?: string }).format === 'xlsx' && request.actor) assertMayExport(request.actor, 'analytics');
  });
  const api = typed(app);
  const tags = ['reports'];
  api.post(
    '/reports/builder/run',
    { schema: { tags, querystring: ZBuilderRunQuery, body: ZReportDefinition, response: { 200: ZBuilderReport } } },
    async (request, reply) => {
      const report = await runReport(ctxOf(db, request), request.body);
      return answer(request, reply, report, request.query.format, 'report');
    },
  );
  api.get('/saved-reports', { schema: { tags, response: { 200: ZSavedReportList } } }, async (request) =>
    listSavedReports(ctxOf(db, request)),
  );
  api.post('/saved-reports', { schema: { tags, body: ZCreateSavedReportInput, response: { 201: ZSavedReport } } }, async (request, reply) =>
    reply.status(201).send(await createSavedReport(ctxOf(db, request), request.body)),
  );
  api.get('/saved-reports/:id', { schema: { tags, params: ZIdParams, response: { 200: ZSavedReport } } }, async (request) =>
    getSavedReport(ctxOf(db, request), request.params.id),
  );
  api.put(
    '/saved-reports/:id',
    { schema: { tags, params: ZIdParams, body: ZUpdateSavedReportInput, response: { 200: ZSavedReport } } },
    async (request) => updateSavedReport(ctxOf(db, request), request.params.id, request.body),
  );
  api.delete('/saved-reports/:id', { schema: { tags, params: ZIdParams } }, async (request, reply) => {
    await deleteSavedReport(ctxOf(db, request), request.params.id);
    return reply.status(204).send();
  });
  api.get(
    '/saved-reports/:id/run',
    { schema: { tags, params: ZIdParams, querystring: ZBuilderRunQuery, response: { 200: ZBuilderReport } } },
    async (request, reply) => {
      const ctx = readCtxOf(db, request);
      // Each reader runs a shared report over the records they may see.
      const saved = await getSavedReport(ctx, request.params.id);
      return answer(request, reply, await runReport(ctx, saved.definition), request.query.format, fileNameOf(saved.name));
    },
  );
}
