import { EXPORT_FORMATS, ZCreateExportInput, ZExportJob, ZExportParams, ZIdParams } from '@clientela/contract';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { attachment, ctxOf, type ModuleOptions, readCtxOf, typed } from '../../http/route-helpers.ts';
import { createExportJob, EXPORT_JOB, exportJobFile, getExportJob, runExportJob } from './export-jobs.ts';
import { exportRecords } from './exports.service.ts';

/** The list's own parameters, plus the file's format and columns. */
const ZExportQuery = z.record(z.string().max(80), z.string().max(2_000)).superRefine((query, ctx) => {
  const format = query.format;
  if (format !== undefined && !(EXPORT_FORMATS as readonly string[]).includes(format)) {
    ctx.addIssue({ code: 'custom', path: ['format'], message: `Expected one of: ${EXPORT_FORMATS.join(', ')}` });
  }
});

/**
 * Direct downloads streaming at once in this process. Each holds a pooled connection until its
 * reader has taken the whole file, so slow readers could otherwise take every connection of the
 * pool and stall the server; beyond this, an export job is the way (the web app uses one).
 */
export const STREAMED_EXPORTS_MAX = 4;

/** Files of companies, contacts and products: what the list shows, as CSV or XLSX. */
export async function exportRoutes(app: FastifyInstance, { db, jobs }: ModuleOptions) {
  const api = typed(app);
  let streaming = 0;
  // Large exports: a job writes the file with progress; its author fetches it when done.
  api.post(
    '/exports',
    { schema: { tags: ['exports'], body: ZCreateExportInput, response: { 202: ZExportJob } } },
    async (request, reply) => {
      const ctx = ctxOf(db, request);
      const job = await createExportJob(ctx, request.body);
      if (jobs) await jobs.send(EXPORT_JOB, { workspaceId: ctx.actor.workspaceId, exportId: job.id }, job.id);
      else void runExportJob(db, ctx.actor.workspaceId, job.id);
      return reply.status(202).send(job);
    },
  );
  api.get('/exports/jobs/:id', { schema: { tags: ['exports'], params: ZIdParams, response: { 200: ZExportJob } } }, async (request) =>
    getExportJob(ctxOf(db, request), request.params.id),
  );
  api.get('/exports/jobs/:id/file', { schema: { tags: ['exports'], params: ZIdParams } }, async (request, reply) => {
    const file = await exportJobFile(ctxOf(db, request), request.params.id);
    return reply
      .header('content-disposition', attachment(file.fileName))
      .header('cache-control', 'no-store')
      .type(file.contentType)
      .send(file.content);
  });
  api.get(
    '/exports/:resource',
    { schema: { tags: ['exports'], params: ZExportParams, querystring: ZExportQuery } },
    async (request, reply) => {
      if (streaming >= STREAMED_EXPORTS_MAX) {
        throw new AppError('too_many_requests', 'Too many exports are downloading now: try again shortly, or run it as an export job', {
          headers: { 'retry-after': '5' },
        });
      }
      streaming += 1;
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        streaming -= 1;
      };
      // Sent, failed or given up by the reader: the connection has gone back to the pool by then.
      reply.raw.once('close', release);
      const { format, columns, ...query } = request.query;
      // A download reads only: from a read replica that has seen the person's writes, when there is one.
      const file = await exportRecords(readCtxOf(db, request), {
        resource: request.params.resource,
        format: format === 'xlsx' || format === 'vcf' ? format : 'csv',
        columns,
        query,
        locale: request.signedIn?.user.locale ?? 'en',
        timeZone: request.signedIn?.user.timeZone ?? 'UTC',
      }).catch((error: unknown) => {
        release();
        throw error;
      });
      return reply
        .header('content-disposition', attachment(file.filename))
        .header('cache-control', 'no-store')
        .type(file.contentType)
        .send(file.stream);
    },
  );
}

/** The job that writes an export's file; taken again after a crash, it starts the file over. */
export function exportJob(db: Database) {
  return async (data: Record<string, unknown>) => {
    await runExportJob(db, String(data.workspaceId), String(data.exportId));
  };
}
