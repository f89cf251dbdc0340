import {
  IMPORT_ENTITIES,
  IMPORT_FILE_MAX_BYTES,
  ZCreateImportTemplateInput,
  ZIdParams,
  ZImport,
  ZImportEntity,
  ZImportList,
  ZImportListQuery,
  ZImportMapping,
  ZImportPreview,
  ZImportProblemList,
  ZImportProblemQuery,
  ZImportTemplate,
  ZImportTemplateList,
  ZImportTemplateQuery,
} from '@clientela/contract';
import multipart from '@fastify/multipart';
import { inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { attachment, ctxOf, type ModuleOptions, typed } from '../../http/route-helpers.ts';
import type { JobQueue } from '../jobs/jobs.ts';
import {
  cancelImport,
  createTemplate,
  deleteTemplate,
  getImport,
  importProblems,
  listImports,
  listTemplates,
  previewImport,
  repeatImport,
  reportRows,
  saveMapping,
  startImport,
  uploadImport,
} from './imports.service.ts';
import { dataImports } from './imports.table.ts';
import { reportFile } from './report.ts';
import { runImport } from './run.ts';

export const IMPORT_JOB = 'import';

/** The job that runs an import; any process may take it, and taking it again resumes the run. */
export function importJob(db: Database) {
  return async (data: Record<string, unknown>, stopping: () => boolean) => {
    await runImport(db, String(data.workspaceId), String(data.importId), stopping);
  };
}

async function queueRun(db: Database, jobs: JobQueue | undefined, workspaceId: string, importId: string) {
  if (jobs) await jobs.send(IMPORT_JOB, { workspaceId, importId }, importId);
  // Without a queue (a bare test app) the run happens in this process.
  else void runImport(db, workspaceId, importId);
}

const ZReportQuery = z.strictObject({ format: z.enum(['csv', 'xlsx']).default('csv') });

/** Imports of companies, contacts, products, people and deals from CSV, XLSX and vCard files, and their templates. */
export async function importRoutes(app: FastifyInstance, { db, jobs }: ModuleOptions) {
  await app.register(multipart, { limits: { fileSize: IMPORT_FILE_MAX_BYTES, files: 1, fields: 5, parts: 6 } });
  const api = typed(app);
  const tags = ['imports'];

  api.post(
    '/imports',
    { schema: { tags, consumes: ['multipart/form-data'], response: { 200: ZImport, 201: ZImport } } },
    async (request, reply) => {
      const ctx = ctxOf(db, request);
      if (!request.isMultipart()) throw new AppError('unsupported_media_type', 'Send the file as multipart/form-data');
      const file = await request.file();
      if (!file) throw new AppError('validation_failed', 'No file', { errors: [{ path: 'file', message: 'Required' }] });
      const field = file.fields.entity;
      const entityValue = field && !Array.isArray(field) && field.type === 'field' ? field.value : undefined;
      const entity = ZImportEntity.safeParse(entityValue);
      if (!entity.success) {
        throw new AppError('validation_failed', 'Say what the file holds, before the file', {
          errors: [{ path: 'entity', message: `Expected one of ${IMPORT_ENTITIES.join(', ')}` }],
        });
      }
      const content = await file.toBuffer();
      const result = await uploadImport(ctx, entity.data, file.filename, content);
      return reply.status(result.created ? 201 : 200).send(result.import);
    },
  );
  api.get('/imports', { schema: { tags, querystring: ZImportListQuery, response: { 200: ZImportList } } }, async (request) =>
    listImports(ctxOf(db, request), request.query.limit, request.query.cursor),
  );
  api.get('/imports/:id', { schema: { tags, params: ZIdParams, response: { 200: ZImport } } }, async (request) =>
    getImport(ctxOf(db, request), request.params.id),
  );
  api.put(
    '/imports/:id/mapping',
    { schema: { tags, params: ZIdParams, body: ZImportMapping, response: { 200: ZImport } } },
    async (request) => saveMapping(ctxOf(db, request), request.params.id, request.body),
  );
  api.get('/imports/:id/preview', { schema: { tags, params: ZIdParams, response: { 200: ZImportPreview } } }, async (request) =>
    previewImport(ctxOf(db, request), request.params.id),
  );
  api.post('/imports/:id/run', { schema: { tags, params: ZIdParams, response: { 202: ZImport } } }, async (request, reply) => {
    const ctx = ctxOf(db, request);
    const started = await startImport(ctx, request.params.id);
    if (started.queued) await queueRun(db, jobs, ctx.actor.workspaceId, started.import.id);
    return reply.status(202).send(started.import);
  });
  api.post('/imports/:id/repeat', { schema: { tags, params: ZIdParams, response: { 201: ZImport } } }, async (request, reply) =>
    reply.status(201).send(await repeatImport(ctxOf(db, request), request.params.id)),
  );
  api.post('/imports/:id/cancel', { schema: { tags, params: ZIdParams, response: { 200: ZImport } } }, async (request) =>
    cancelImport(ctxOf(db, request), request.params.id),
  );
  api.get(
    '/imports/:id/problems',
    { schema: { tags, params: ZIdParams, querystring: ZImportProblemQuery, response: { 200: ZImportProblemList } } },
    async (request) => importProblems(ctxOf(db, request), request.params.id, request.query.limit, request.query.cursor),
  );
  api.get('/imports/:id/report', { schema: { tags, params: ZIdParams, querystring: ZReportQuery } }, async (request, reply) => {
    const { import: row, rows } = await reportRows(ctxOf(db, request), request.params.id);
    const file = reportFile(request.query.format, request.signedIn?.user.locale ?? 'en', row.headers, rows);
    return reply
      .header('content-disposition', attachment(file.filename))
      .header('cache-control', 'no-store')
      .type(file.contentType)
      .send(file.stream);
  });

  api.get(
    '/import-templates',
    { schema: { tags, querystring: ZImportTemplateQuery, response: { 200: ZImportTemplateList } } },
    async (request) => listTemplates(ctxOf(db, request), request.query.entity),
  );
  api.post(
    '/import-templates',
    { schema: { tags, body: ZCreateImportTemplateInput, response: { 201: ZImportTemplate } } },
    async (request, reply) => reply.status(201).send(await createTemplate(ctxOf(db, request), request.body)),
  );
  api.delete('/import-templates/:id', { schema: { tags, params: ZIdParams } }, async (request, reply) => {
    await deleteTemplate(ctxOf(db, request), request.params.id);
    return reply.status(204).send();
  });
}

/** Imports left queued or running by a process that stopped: queued again, to resume where they were. */
export async function resumeImports(db: Database, jobs: JobQueue): Promise<number> {
  const open = await db
    .select({ workspaceId: dataImports.workspaceId, id: dataImports.id })
    .from(dataImports)
    .where(inArray(dataImports.status, ['queued', 'running']));
  for (const row of open) await jobs.send(IMPORT_JOB, { workspaceId: row.workspaceId, importId: row.id }, row.id);
  return open.length;
}
