import {
  ZCreateIdeaInput,
  ZIdeaCommentInput,
  ZIdeaVoteResult,
  ZIdParams,
  ZPortalIdeaComment,
  ZPortalIdeaDetail,
  ZPortalIdeaList,
  ZPortalIdeaListQuery,
} from '@clientela/contract';
import type { FastifyInstance } from 'fastify';
import { type ModuleOptions, typed } from '../../http/route-helpers.ts';
import { portalActorOf } from '../portal/portal-session.ts';
import { commentPortalIdea, createPortalIdea, getPortalIdea, listPortalIdeas, voteIdea } from './portal-ideas.service.ts';

/** Customers post ideas, vote and comment in the portal (`/api/portal/ideas`). */
export async function portalIdeaRoutes(app: FastifyInstance, { db }: ModuleOptions) {
  const api = typed(app);
  const tags = ['portal: ideas'];

  api.get('/ideas', { schema: { tags, querystring: ZPortalIdeaListQuery, response: { 200: ZPortalIdeaList } } }, async (request) =>
    listPortalIdeas(db, portalActorOf(request), request.query),
  );
  api.post('/ideas', { schema: { tags, body: ZCreateIdeaInput, response: { 201: ZPortalIdeaDetail } } }, async (request, reply) =>
    reply.status(201).send(await createPortalIdea(db, portalActorOf(request), request.body)),
  );
  api.get('/ideas/:id', { schema: { tags, params: ZIdParams, response: { 200: ZPortalIdeaDetail } } }, async (request) =>
    getPortalIdea(db, portalActorOf(request), request.params.id),
  );
  api.post(
    '/ideas/:id/comments',
    { schema: { tags, params: ZIdParams, body: ZIdeaCommentInput, response: { 201: ZPortalIdeaComment } } },
    async (request, reply) => reply.status(201).send(await commentPortalIdea(db, portalActorOf(request), request.params.id, request.body)),
  );
  api.post('/ideas/:id/vote', { schema: { tags, params: ZIdParams, response: { 200: ZIdeaVoteResult } } }, async (request) =>
    voteIdea(db, portalActorOf(request), request.params.id, true),
  );
  api.delete('/ideas/:id/vote', { schema: { tags, params: ZIdParams, response: { 200: ZIdeaVoteResult } } }, async (request) =>
    voteIdea(db, portalActorOf(request), request.params.id, false),
  );
}
