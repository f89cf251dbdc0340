import {
  ZAcceptCommunityAnswerInput,
  ZCommunityAnswerInput,
  ZCommunityReviewInput,
  ZIdParams,
  ZModerationQueue,
  ZPromoteCommunityQuestionInput,
  ZPromoteCommunityQuestionResult,
  ZStaffCommunityQuestion,
  ZStaffCommunityQuestionList,
  ZStaffCommunityQuestionListQuery,
} from '@clientela/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ctxOf, type ModuleOptions, typed } from '../../http/route-helpers.ts';
import { communityPolicy } from './community.policy.ts';
import { tellAskerOfAnswer } from './question-mail.ts';
import { promoteQuestion } from './question-promote.ts';
import { listQuestions, moderationQueue, readQuestion } from './question-read.ts';
import { acceptAnswer, answerQuestion, reviewAnswer, reviewQuestion } from './question-write.ts';

/** Staff answer and moderate community questions and promote accepted answers to articles (`/api/v1/community-questions`). */
export async function communityQuestionRoutes(app: FastifyInstance, { db, mail, publicUrl }: ModuleOptions) {
  const api = typed(app);
  const tags = ['community'];
  /** The staff member, allowed `action`. */
  const staff = async (request: FastifyRequest, action: 'read' | 'answer' | 'accept' | 'moderate') => {
    const ctx = ctxOf(db, request);
    await communityPolicy.authorize(ctx.actor, action);
    return ctx;
  };
  const present = async (request: FastifyRequest, id: string) => {
    const ctx = ctxOf(db, request);
    const question = await readQuestion(db, { workspaceId: ctx.actor.workspaceId, portalUserId: null, staff: true }, id);
    return { ...question, mayModerate: await communityPolicy.can(ctx.actor, 'moderate') };
  };

  api.get(
    '/community-questions',
    { schema: { tags, querystring: ZStaffCommunityQuestionListQuery, response: { 200: ZStaffCommunityQuestionList } } },
    async (request) => {
      const { actor } = await staff(request, 'read');
      return listQuestions(db, { workspaceId: actor.workspaceId, portalUserId: null, staff: true }, request.query);
    },
  );
  api.get('/community-questions/moderation-queue', { schema: { tags, response: { 200: ZModerationQueue } } }, async (request) => {
    const { actor } = await staff(request, 'moderate');
    return { data: await moderationQueue(db, actor.workspaceId) };
  });
  api.get(
    '/community-questions/:id',
    { schema: { tags, params: ZIdParams, response: { 200: ZStaffCommunityQuestion } } },
    async (request) => {
      await staff(request, 'read');
      return present(request, request.params.id);
    },
  );
  api.post(
    '/community-questions/:id/answers',
    { schema: { tags, params: ZIdParams, body: ZCommunityAnswerInput, response: { 201: ZStaffCommunityQuestion } } },
    async (request, reply) => {
      const { actor } = await staff(request, 'answer');
      const writer = { workspaceId: actor.workspaceId, userId: actor.userId };
      const { askerToTell } = await answerQuestion(db, writer, request.params.id, request.body.body);
      if (askerToTell)
        tellAskerOfAnswer(db, { mail, publicUrl }, actor.workspaceId, askerToTell, request.params.id).catch((error) =>
          request.log.warn({ err: error }, 'the answer notice was not sent'),
        );
      return reply.status(201).send(await present(request, request.params.id));
    },
  );
  api.post(
    '/community-questions/:id/accept',
    { schema: { tags, params: ZIdParams, body: ZAcceptCommunityAnswerInput, response: { 200: ZStaffCommunityQuestion } } },
    async (request) => {
      const { actor } = await staff(request, 'accept');
      await acceptAnswer(db, { workspaceId: actor.workspaceId, userId: actor.userId }, request.params.id, request.body.answerId);
      return present(request, request.params.id);
    },
  );
  api.post(
    '/community-questions/:id/review',
    { schema: { tags, params: ZIdParams, body: ZCommunityReviewInput, response: { 200: ZStaffCommunityQuestion } } },
    async (request) => {
      const { actor } = await staff(request, 'moderate');
      await reviewQuestion(db, actor.workspaceId, actor.userId, request.params.id, request.body.hidden);
      return present(request, request.params.id);
    },
  );
  api.post(
    '/community-answers/:id/review',
    { schema: { tags, params: ZIdParams, body: ZCommunityReviewInput } },
    async (request, reply) => {
      const { actor } = await staff(request, 'moderate');
      await reviewAnswer(db, actor.workspaceId, actor.userId, request.params.id, request.body.hidden);
      return reply.status(204).send();
    },
  );
  api.post(
    '/community-questions/:id/promote',
    { schema: { tags, params: ZIdParams, body: ZPromoteCommunityQuestionInput, response: { 201: ZPromoteCommunityQuestionResult } } },
    async (request, reply) => reply.status(201).send(await promoteQuestion(ctxOf(db, request), request.params.id, request.body)),
  );
}
