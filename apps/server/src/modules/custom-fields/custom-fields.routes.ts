import {
  ZCreateCustomFieldInput,
  ZCustomField,
  ZCustomFieldList,
  ZCustomFieldListQuery,
  ZIdParams,
  ZUpdateCustomFieldInput,
} from '@clientela/contract';
import type { FastifyInstance } from 'fastify';
import { ctxOf, type ModuleOptions, typed } from '../../http/route-helpers.ts';
import { createCustomField, deleteCustomField, listCustomFields, updateCustomField } from './custom-fields.service.ts';

/** Fields admins add to companies and contacts. */
export async function customFieldRoutes(app: FastifyInstance, { db }: ModuleOptions) {
  const api = typed(app);
  const tags = ['custom-fields'];
  api.get(
    '/custom-fields',
    { schema: { tags, querystring: ZCustomFieldListQuery, response: { 200: ZCustomFieldList } } },
    async (request) => listCustomFields(ctxOf(db, request), request.query.entity),
  );
  api.post('/custom-fields', { schema: { tags, body: ZCreateCustomFieldInput, response: { 201: ZCustomField } } }, async (request, reply) =>
    reply.status(201).send(await createCustomField(ctxOf(db, request), request.body)),
  );
  api.patch(
    '/custom-fields/:id',
    { schema: { tags, params: ZIdParams, body: ZUpdateCustomFieldInput, response: { 200: ZCustomField } } },
    async (request) => updateCustomField(ctxOf(db, request), request.params.id, request.body),
  );
  api.delete('/custom-fields/:id', { schema: { tags, params: ZIdParams } }, async (request, reply) => {
    await deleteCustomField(ctxOf(db, request), request.params.id);
    return reply.status(204).send();
  });
}
