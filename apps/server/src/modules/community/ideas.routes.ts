import {
  ZIdeaComment,
  ZIdeaCommentInput,
  ZIdeaDetail,
  ZIdeaList,
  ZIdeaListQuery,
  ZIdeaModerationQueue,
  ZIdeaReviewInput,
  ZIdParams,
  ZUpdateIdeaInput,
} from '@clientela/contract';
import type { FastifyInstance } from 'fastify';
import { ctxOf, type ModuleOptions, typed } from '../../http/route-helpers.ts';
import { sendIdeaAnswer } from './idea-mail.ts';
import { commentIdea, getIdea, ideaModerationQueue, listIdeas, reviewIdea, reviewIdeaComment, updateIdea } from './ideas.service.ts';

/** Staff read, moderate and answer customers' ideas (`/api/v1/ideas`) and see the moderation queue. */
export async function ideaRoutes(app: FastifyInstance, { db, mail, publicUrl }: ModuleOptions) {
  const api = typed(app);
  const tags = ['ideas'];

  api.get('/ideas', { schema: { tags, querystring: ZIdeaListQuery, response: { 200: ZIdeaList } } }, async (request) =>
    listIdeas(ctxOf(db, request), request.query),
  );
  api.get('/ideas/moderation-queue', { schema: { tags, response: { 200: ZIdeaModerationQueue } } }, async (request) =>
    ideaModerationQueue(ctxOf(db, request)),
  );
  api.get('/ideas/:id', { schema: { tags, params: ZIdParams, response: { 200: ZIdeaDetail } } }, async (request) =>
    getIdea(ctxOf(db, request), request.params.id),
  );
  api.patch(
    '/ideas/:id',
    { schema: { tags, params: ZIdParams, body: ZUpdateIdeaInput, response: { 200: ZIdeaDetail } } },
    async (request) => {
      const { idea, mail: message } = await updateIdea(ctxOf(db, request), request.params.id, request.body, publicUrl);
      // The answer is saved either way; a mail server that fails only costs the customer the e-mail.
      if (message && mail) {
        await sendIdeaAnswer(mail, message).catch((error: unknown) =>
          request.log.warn({ err: error, ideaId: idea.id }, 'idea answer e-mail not sent'),
        );
      }
      return idea;
    },
  );
  api.post(
    '/ideas/:id/review',
    { schema: { tags, params: ZIdParams, body: ZIdeaReviewInput, response: { 200: ZIdeaDetail } } },
    async (request) => reviewIdea(ctxOf(db, request), request.params.id, request.body),
  );
  api.post(
    '/ideas/:id/comments',
    { schema: { tags, params: ZIdParams, body: ZIdeaCommentInput, response: { 201: ZIdeaComment } } },
    async (request, reply) => reply.status(201).send(await commentIdea(ctxOf(db, request), request.params.id, request.body)),
  );
  api.post(
    '/idea-comments/:id/review',
    { schema: { tags, params: ZIdParams, body: ZIdeaReviewInput, response: { 200: ZIdeaComment } } },
    async (request) => reviewIdeaComment(ctxOf(db, request), request.params.id, request.body),
  );
}
