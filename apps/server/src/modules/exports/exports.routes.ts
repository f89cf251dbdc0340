import { EXPORT_FORMATS, ZExportParams } from '@clientela/contract';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { attachment, ctxOf, type ModuleOptions, typed } from '../../http/route-helpers.ts';
import { exportRecords } from './exports.service.ts';

/** The list's own parameters, plus the file's format and columns. */
const ZExportQuery = z.record(z.string().max(80), z.string().max(2_000)).superRefine((query, ctx) => {
  const format = query.format;
  if (format !== undefined && !(EXPORT_FORMATS as readonly string[]).includes(format)) {
    ctx.addIssue({ code: 'custom', path: ['format'], message: `Expected one of: ${EXPORT_FORMATS.join(', ')}` });
  }
});

/** Files of companies and contacts: what the list shows, as CSV or XLSX. */
export async function exportRoutes(app: FastifyInstance, { db }: ModuleOptions) {
  const api = typed(app);
  api.get(
    '/exports/:resource',
    { schema: { tags: ['exports'], params: ZExportParams, querystring: ZExportQuery } },
    async (request, reply) => {
      const { format, columns, ...query } = request.query;
      const file = await exportRecords(ctxOf(db, request), {
        resource: request.params.resource,
        format: format === 'xlsx' || format === 'vcf' ? format : 'csv',
        columns,
        query,
        locale: request.signedIn?.user.locale ?? 'en',
        timeZone: request.signedIn?.user.timeZone ?? 'UTC',
      });
      return reply
        .header('content-disposition', attachment(file.filename))
        .header('cache-control', 'no-store')
        .type(file.contentType)
        .send(file.stream);
    },
  );
}
