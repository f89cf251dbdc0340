import {
  ATTACHMENT_MAX_BYTES,
  ZIdParams,
  ZKbFeedbackInput,
  ZPortalCase,
  ZPortalCaseFile,
  ZPortalCaseFileParams,
  ZPortalCaseList,
  ZPortalCaseListQuery,
  ZPortalCaseMessageInput,
  ZPortalCaseOptions,
  ZPortalCaseRatingInput,
  ZPortalCreateCaseInput,
  ZPortalKbSearchQuery,
  ZPublicKbArticle,
  ZPublicKbArticleList,
} from '@clientela/contract';
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../http/errors.ts';
import { attachment, type ModuleOptions, typed } from '../../http/route-helpers.ts';
import { INLINE_TYPES } from '../attachments/attachments.service.ts';
import { read } from '../attachments/storage.ts';
import { findPortalCaseFile, getPortalCase, listPortalCases, portalCaseOptions } from './portal-cases.ts';
import { addPortalMessage, createPortalCase, ratePortalCase, uploadPortalCaseFile } from './portal-cases-writes.ts';
import { getPortalKbArticle, givePortalKbFeedback, searchPortalKb } from './portal-kb.ts';
import { portalActorOf } from './portal-session.ts';

/** The customer's cases and the public knowledge base in the portal (`/api/portal/cases`, `/api/portal/kb`). */
export async function portalCaseRoutes(app: FastifyInstance, { db, clock, filesDir }: ModuleOptions) {
  await app.register(multipart, { limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1, fields: 0, parts: 1 } });
  const api = typed(app);
  const tags = ['portal'];
  const whole = { params: ZIdParams, response: { 200: ZPortalCase } };

  api.get('/cases', { schema: { tags, querystring: ZPortalCaseListQuery, response: { 200: ZPortalCaseList } } }, async (request) =>
    listPortalCases(db, portalActorOf(request), request.query),
  );
  api.get('/case-options', { schema: { tags, response: { 200: ZPortalCaseOptions } } }, async (request) =>
    portalCaseOptions(db, portalActorOf(request)),
  );
  api.post('/cases', { schema: { tags, body: ZPortalCreateCaseInput, response: { 201: ZPortalCase } } }, async (request, reply) => {
    const actor = portalActorOf(request);
    const id = await createPortalCase(db, actor, request.body, clock.now());
    return reply.status(201).send(await getPortalCase(db, actor, id));
  });
  api.get('/cases/:id', { schema: { tags, ...whole } }, async (request) => getPortalCase(db, portalActorOf(request), request.params.id));
  api.post(
    '/cases/:id/messages',
    { schema: { tags, params: ZIdParams, body: ZPortalCaseMessageInput, response: { 201: ZPortalCase } } },
    async (request, reply) => {
      const actor = portalActorOf(request);
      await addPortalMessage(db, actor, request.params.id, request.body, clock.now());
      return reply.status(201).send(await getPortalCase(db, actor, request.params.id));
    },
  );
  api.post('/cases/:id/rating', { schema: { tags, ...whole, body: ZPortalCaseRatingInput } }, async (request) => {
    const actor = portalActorOf(request);
    await ratePortalCase(db, actor, request.params.id, request.body, clock.now());
    return getPortalCase(db, actor, request.params.id);
  });
  api.post(
    '/cases/:id/attachments',
    { schema: { tags, params: ZIdParams, consumes: ['multipart/form-data'], response: { 201: ZPortalCaseFile } } },
    async (request, reply) => {
      const actor = portalActorOf(request);
      if (!request.isMultipart()) throw new AppError('unsupported_media_type', 'Send the file as multipart/form-data');
      const file = await request.file();
      if (!file) throw new AppError('validation_failed', 'No file', { errors: [{ path: 'file', message: 'Required' }] });
      const stored = await uploadPortalCaseFile(db, filesDir, actor, request.params.id, {
        fileName: file.filename,
        declaredType: file.mimetype,
        stream: file.file,
        truncated: () => file.file.truncated,
      });
      return reply.status(201).send({
        id: stored.id,
        fileName: stored.fileName,
        contentType: stored.contentType,
        size: stored.size,
        fromCustomer: true,
        createdAt: stored.createdAt,
      });
    },
  );
  api.get('/cases/:id/attachments/:attachmentId', { schema: { tags, params: ZPortalCaseFileParams } }, async (request, reply) => {
    const row = await findPortalCaseFile(db, portalActorOf(request), request.params.id, request.params.attachmentId);
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

  api.get('/kb/search', { schema: { tags, querystring: ZPortalKbSearchQuery, response: { 200: ZPublicKbArticleList } } }, async (request) =>
    searchPortalKb(db, portalActorOf(request), request.query),
  );
  api.get('/kb/articles/:id', { schema: { tags, params: ZIdParams, response: { 200: ZPublicKbArticle } } }, async (request) =>
    getPortalKbArticle(db, portalActorOf(request), request.params.id),
  );
  api.post('/kb/articles/:id/feedback', { schema: { tags, params: ZIdParams, body: ZKbFeedbackInput } }, async (request, reply) => {
    await givePortalKbFeedback(db, portalActorOf(request), request.params.id, request.body);
    return reply.status(204).send();
  });
}
