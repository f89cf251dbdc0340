import { ATTACHMENT_MAX_BYTES, ZAttachable, ZAttachment, ZAttachmentList, ZAttachmentListQuery, ZId, ZIdParams } from '@clientela/contract';
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../http/errors.ts';
import { attachment, ctxOf, type ModuleOptions, typed } from '../../http/route-helpers.ts';
import { deleteAttachment, findReadableAttachment, INLINE_TYPES, listAttachments, uploadAttachment } from './attachments.service.ts';
import { read } from './storage.ts';

function fieldValue(fields: Record<string, unknown>, name: string): unknown {
  const field = fields[name] as { type?: string; value?: unknown } | undefined;
  return field && !Array.isArray(field) && field.type === 'field' ? field.value : undefined;
}

/** Files attached to customers, activities, agreements and contracts. */
export async function attachmentRoutes(app: FastifyInstance, { db, filesDir }: ModuleOptions) {
  await app.register(multipart, { limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1, fields: 2, parts: 3 } });
  const api = typed(app);
  const tags = ['attachments'];

  api.post(
    '/attachments',
    { schema: { tags, consumes: ['multipart/form-data'], response: { 201: ZAttachment } } },
    async (request, reply) => {
      const ctx = ctxOf(db, request);
      if (!request.isMultipart()) throw new AppError('unsupported_media_type', 'Send the file as multipart/form-data');
      const file = await request.file();
      if (!file) throw new AppError('validation_failed', 'No file', { errors: [{ path: 'file', message: 'Required' }] });
      const entityType = ZAttachable.safeParse(fieldValue(file.fields, 'entityType'));
      const entityId = ZId.safeParse(fieldValue(file.fields, 'entityId'));
      if (!entityType.success || !entityId.success) {
        file.file.resume();
        throw new AppError('validation_failed', 'Say which record the file is for, before the file', {
          errors: [
            ...(entityType.success ? [] : [{ path: 'entityType', message: `One of ${ZAttachable.options.join(', ')}` }]),
            ...(entityId.success ? [] : [{ path: 'entityId', message: 'A record id' }]),
          ],
        });
      }
      const created = await uploadAttachment(ctx, filesDir, {
        entityType: entityType.data,
        entityId: entityId.data,
        fileName: file.filename,
        declaredType: file.mimetype,
        stream: file.file,
        truncated: () => file.file.truncated,
      });
      return reply.status(201).send(created);
    },
  );
  api.get('/attachments', { schema: { tags, querystring: ZAttachmentListQuery, response: { 200: ZAttachmentList } } }, async (request) =>
    listAttachments(ctxOf(db, request), request.query.entityType, request.query.entityId),
  );
  api.get('/attachments/:id/file', { schema: { tags, params: ZIdParams } }, async (request, reply) => {
    const row = await findReadableAttachment(ctxOf(db, request), request.params.id);
    const inline = INLINE_TYPES.has(row.contentType);
    return reply
      .header('content-type', inline ? row.contentType : 'application/octet-stream')
      .header('content-length', String(row.size))
      .header('content-disposition', inline ? attachment(row.fileName).replace(/^attachment/, 'inline') : attachment(row.fileName))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', 'private, no-store')
      .send(read(filesDir, row.workspaceId, row.id));
  });
  api.delete('/attachments/:id', { schema: { tags, params: ZIdParams } }, async (request, reply) => {
    await deleteAttachment(ctxOf(db, request), filesDir, request.params.id);
    return reply.status(204).send();
  });
}
