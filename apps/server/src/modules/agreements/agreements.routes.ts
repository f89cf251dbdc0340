import {
  ZAgreement,
  ZAgreementList,
  ZAgreementListQuery,
  ZCreateAgreementInput,
  ZIdParams,
  ZUpdateAgreementInput,
} from '@clientela/contract';
import type { FastifyInstance } from 'fastify';
import { ctxOf, type ModuleOptions, typed } from '../../http/route-helpers.ts';
import { createAgreement, deleteAgreement, getAgreement, listAgreements, updateAgreement } from './agreements.service.ts';

/** Promises made to or by customers, binding the whole company. */
export async function agreementRoutes(app: FastifyInstance, { db }: ModuleOptions) {
  const api = typed(app);
  const tags = ['agreements'];
  api.get('/agreements', { schema: { tags, querystring: ZAgreementListQuery, response: { 200: ZAgreementList } } }, async (request) =>
    listAgreements(ctxOf(db, request), request.query),
  );
  api.post('/agreements', { schema: { tags, body: ZCreateAgreementInput, response: { 201: ZAgreement } } }, async (request, reply) =>
    reply.status(201).send(await createAgreement(ctxOf(db, request), request.body)),
  );
  api.get('/agreements/:id', { schema: { tags, params: ZIdParams, response: { 200: ZAgreement } } }, async (request) =>
    getAgreement(ctxOf(db, request), request.params.id),
  );
  api.patch(
    '/agreements/:id',
    { schema: { tags, params: ZIdParams, body: ZUpdateAgreementInput, response: { 200: ZAgreement } } },
    async (request) => updateAgreement(ctxOf(db, request), request.params.id, request.body),
  );
  api.delete('/agreements/:id', { schema: { tags, params: ZIdParams } }, async (request, reply) => {
    await deleteAgreement(ctxOf(db, request), request.params.id);
    return reply.status(204).send();
  });
}
