import {
  ZIdParams,
  ZMailing,
  ZMailingInput,
  ZMailingList,
  ZMailingListQuery,
  ZMailingRecipientList,
  ZMailingRecipientQuery,
  ZMailTemplate,
  ZMailTemplateInput,
  ZMailTemplateList,
  ZMailTemplateListQuery,
  ZNewTemplatePreviewInput,
  ZTemplatePreview,
  ZTemplatePreviewInput,
  ZTemplateTestInput,
  ZTemplateTestResult,
  ZUpdateMailingInput,
  ZUpdateMailTemplateInput,
} from '@clientela/contract';
import type { FastifyInstance } from 'fastify';
import { ctxOf, type ModuleOptions, typed } from '../../http/route-helpers.ts';
import { bounceRoutes } from './bounce.routes.ts';
import { consentRoutes } from './consent.routes.ts';
import { createMailing, deleteMailing, getMailing, listMailings, listRecipients, updateMailing } from './mailings.service.ts';
import { moveMailing, queueMailing } from './queue-mailing.ts';
import {
  createTemplate,
  deleteTemplate,
  getTemplate,
  listTemplates,
  previewNewTemplate,
  previewTemplate,
  sendTestMail,
  updateTemplate,
} from './templates.service.ts';

/** Mail templates (`/templates`), mailings (`/mailings`), contacts' marketing consent and the birthday automation. */
export async function mailingRoutes(app: FastifyInstance, options: ModuleOptions) {
  const { db, jobs, mail, publicUrl } = options;
  const api = typed(app);
  const tags = ['mailings'];

  api.get('/templates', { schema: { tags, querystring: ZMailTemplateListQuery, response: { 200: ZMailTemplateList } } }, async (request) =>
    listTemplates(ctxOf(db, request), request.query),
  );
  api.post('/templates', { schema: { tags, body: ZMailTemplateInput, response: { 201: ZMailTemplate } } }, async (request, reply) =>
    reply.status(201).send(await createTemplate(ctxOf(db, request), request.body)),
  );
  api.get('/templates/:id', { schema: { tags, params: ZIdParams, response: { 200: ZMailTemplate } } }, async (request) =>
    getTemplate(ctxOf(db, request), request.params.id),
  );
  api.patch(
    '/templates/:id',
    { schema: { tags, params: ZIdParams, body: ZUpdateMailTemplateInput, response: { 200: ZMailTemplate } } },
    async (request) => updateTemplate(ctxOf(db, request), request.params.id, request.body),
  );
  api.delete('/templates/:id', { schema: { tags, params: ZIdParams } }, async (request, reply) => {
    await deleteTemplate(ctxOf(db, request), request.params.id);
    return reply.status(204).send();
  });
  api.post(
    '/templates/preview',
    { schema: { tags, body: ZNewTemplatePreviewInput, response: { 200: ZTemplatePreview } } },
    async (request) => previewNewTemplate(ctxOf(db, request), request.body, publicUrl),
  );
  api.post(
    '/templates/:id/preview',
    { schema: { tags, params: ZIdParams, body: ZTemplatePreviewInput, response: { 200: ZTemplatePreview } } },
    async (request) => previewTemplate(ctxOf(db, request), request.params.id, request.body, publicUrl),
  );
  api.post(
    '/templates/:id/test',
    { schema: { tags, params: ZIdParams, body: ZTemplateTestInput, response: { 200: ZTemplateTestResult } } },
    async (request) => sendTestMail(ctxOf(db, request), request.params.id, request.body, mail, publicUrl),
  );

  api.get('/mailings', { schema: { tags, querystring: ZMailingListQuery, response: { 200: ZMailingList } } }, async (request) =>
    listMailings(ctxOf(db, request), request.query),
  );
  api.post('/mailings', { schema: { tags, body: ZMailingInput, response: { 201: ZMailing } } }, async (request, reply) =>
    reply.status(201).send(await createMailing(ctxOf(db, request), request.body)),
  );
  api.get('/mailings/:id', { schema: { tags, params: ZIdParams, response: { 200: ZMailing } } }, async (request) =>
    getMailing(ctxOf(db, request), request.params.id),
  );
  api.patch(
    '/mailings/:id',
    { schema: { tags, params: ZIdParams, body: ZUpdateMailingInput, response: { 200: ZMailing } } },
    async (request) => updateMailing(ctxOf(db, request), request.params.id, request.body),
  );
  api.delete('/mailings/:id', { schema: { tags, params: ZIdParams } }, async (request, reply) => {
    await deleteMailing(ctxOf(db, request), request.params.id);
    return reply.status(204).send();
  });
  api.get(
    '/mailings/:id/recipients',
    { schema: { tags, params: ZIdParams, querystring: ZMailingRecipientQuery, response: { 200: ZMailingRecipientList } } },
    async (request) => listRecipients(ctxOf(db, request), request.params.id, request.query),
  );
  api.post('/mailings/:id/queue', { schema: { tags, params: ZIdParams, response: { 200: ZMailing } } }, async (request) =>
    queueMailing(ctxOf(db, request), request.params.id, jobs),
  );
  for (const move of ['pause', 'resume', 'cancel'] as const) {
    api.post(`/mailings/:id/${move}`, { schema: { tags, params: ZIdParams, response: { 200: ZMailing } } }, async (request) =>
      moveMailing(ctxOf(db, request), request.params.id, move, jobs),
    );
  }

  await consentRoutes(app, options);
  await bounceRoutes(app, options);
}
