import {
  BPMN_XML_MAX,
  type TLocale,
  ZCreateProcessDefinitionInput,
  ZId,
  ZIdParams,
  ZProcessDefinitionDetail,
  ZProcessDefinitionList,
  ZProcessDefinitionListQuery,
  ZProcessTemplate,
  ZProcessValidation,
  ZPublishProcessResult,
  ZUpdateProcessDefinitionInput,
} from '@clientela/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ctxOf, type ModuleOptions, typed } from '../../http/route-helpers.ts';
import {
  createDefinition,
  deleteDefinition,
  getDefinition,
  listDefinitions,
  updateDefinition,
  validateDefinition,
  versionXml,
} from './definitions.service.ts';
import { publishDefinition } from './publish-definition.ts';
import { templateList } from './templates/index.ts';

/** Templates and names are written in the actor's language. */
const localeOf = (request: FastifyRequest): TLocale => request.signedIn?.user.locale ?? 'en';
// A model as JSON, its quotes and line breaks escaped, stays well below this.
const bodyLimit = 2 * BPMN_XML_MAX;
const ZVersionParams = z.strictObject({ id: ZId, version: z.coerce.number().int().min(1).max(1_000_000) });

/** The process designer's side: definitions, drafts, validation, publication, versions and templates. */
export async function processDefinitionRoutes(app: FastifyInstance, { db }: ModuleOptions) {
  const api = typed(app);
  const tags = ['processes'];
  api.get(
    '/process-definitions',
    { schema: { tags, querystring: ZProcessDefinitionListQuery, response: { 200: ZProcessDefinitionList } } },
    async (request) => listDefinitions(ctxOf(db, request), request.query),
  );
  api.get('/process-definitions/templates', { schema: { tags, response: { 200: z.array(ZProcessTemplate) } } }, async (request) => {
    ctxOf(db, request);
    return templateList(localeOf(request));
  });
  api.post(
    '/process-definitions',
    { bodyLimit, schema: { tags, body: ZCreateProcessDefinitionInput, response: { 201: ZProcessDefinitionDetail } } },
    async (request, reply) => reply.status(201).send(await createDefinition(ctxOf(db, request), request.body, localeOf(request))),
  );
  api.get(
    '/process-definitions/:id',
    { schema: { tags, params: ZIdParams, response: { 200: ZProcessDefinitionDetail } } },
    async (request) => getDefinition(ctxOf(db, request), request.params.id),
  );
  api.patch(
    '/process-definitions/:id',
    { bodyLimit, schema: { tags, params: ZIdParams, body: ZUpdateProcessDefinitionInput, response: { 200: ZProcessDefinitionDetail } } },
    async (request) => updateDefinition(ctxOf(db, request), request.params.id, request.body),
  );
  api.delete('/process-definitions/:id', { schema: { tags, params: ZIdParams } }, async (request, reply) => {
    await deleteDefinition(ctxOf(db, request), request.params.id);
    return reply.status(204).send();
  });
  api.post(
    '/process-definitions/:id/validate',
    { schema: { tags, params: ZIdParams, response: { 200: ZProcessValidation } } },
    async (request) => validateDefinition(ctxOf(db, request), request.params.id),
  );
  api.post(
    '/process-definitions/:id/publish',
    { schema: { tags, params: ZIdParams, response: { 200: ZPublishProcessResult } } },
    async (request) => publishDefinition(ctxOf(db, request), request.params.id),
  );
  api.get(
    '/process-definitions/:id/versions/:version/xml',
    { schema: { tags, params: ZVersionParams, response: { 200: z.object({ xml: z.string() }) } } },
    async (request) => versionXml(ctxOf(db, request), request.params.id, request.params.version),
  );
}
