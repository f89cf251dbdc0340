import { ZApiTokenList, ZCreateApiTokenInput, ZCreatedApiToken, ZIdParams } from '@clientela/contract';
import type { FastifyInstance } from 'fastify';
import { ctxOf, type ModuleOptions, typed } from '../../http/route-helpers.ts';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.service.ts';

/** Personal API tokens: create (secret shown once), list, revoke. */
export async function apiTokenRoutes(app: FastifyInstance, { db }: ModuleOptions) {
  const api = typed(app);
  const tags = ['api-tokens'];
  api.get('/api-tokens', { schema: { tags, response: { 200: ZApiTokenList } } }, async (request) => listApiTokens(ctxOf(db, request)));
  api.post('/api-tokens', { schema: { tags, body: ZCreateApiTokenInput, response: { 201: ZCreatedApiToken } } }, async (request, reply) =>
    reply.status(201).send(await createApiToken(ctxOf(db, request), request.body)),
  );
  api.delete('/api-tokens/:id', { schema: { tags, params: ZIdParams } }, async (request, reply) => {
    await revokeApiToken(ctxOf(db, request), request.params.id);
    return reply.status(204).send();
  });
}
