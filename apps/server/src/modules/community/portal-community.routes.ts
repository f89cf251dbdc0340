import {
  ZAcceptCommunityAnswerInput,
  ZAskCommunityQuestionInput,
  ZCommunityAnswerInput,
  ZCommunityQuestion,
  ZCommunityQuestionList,
  ZCommunityQuestionListQuery,
  ZIdParams,
} from '@clientela/contract';
import type { FastifyInstance } from 'fastify';
import { type ModuleOptions, typed } from '../../http/route-helpers.ts';
import { portalActorOf } from '../portal/portal-session.ts';
import { tellAskerOfAnswer } from './question-mail.ts';
import { listQuestions, type Reader, readQuestion } from './question-read.ts';
import { acceptAnswer, answerQuestion, askQuestion } from './question-write.ts';

/** Customers ask and answer questions in the portal (`/api/portal/community-questions`). */
export async function portalCommunityRoutes(app: FastifyInstance, { db, mail, publicUrl }: ModuleOptions) {
  const api = typed(app);
  const tags = ['portal community'];
  const readerOf = (request: Parameters<typeof portalActorOf>[0]): Reader => {
    const portal = portalActorOf(request);
    return { workspaceId: portal.workspaceId, portalUserId: portal.portalUserId, staff: false };
  };
  // Customers never see moderation state: the output schemas leave it out.
  const present = async (request: Parameters<typeof portalActorOf>[0], id: string) =>
    ZCommunityQuestion.parse(await readQuestion(db, readerOf(request), id));

  api.get(
    '/community-questions',
    { schema: { tags, querystring: ZCommunityQuestionListQuery, response: { 200: ZCommunityQuestionList } } },
    async (request) => listQuestions(db, readerOf(request), request.query),
  );
  api.post(
    '/community-questions',
    { schema: { tags, body: ZAskCommunityQuestionInput, response: { 201: ZCommunityQuestion } } },
    async (request, reply) => {
      const { id } = await askQuestion(db, portalActorOf(request), request.body);
      return reply.status(201).send(await present(request, id));
    },
  );
  api.get('/community-questions/:id', { schema: { tags, params: ZIdParams, response: { 200: ZCommunityQuestion } } }, async (request) =>
    present(request, request.params.id),
  );
  api.post(
    '/community-questions/:id/answers',
    { schema: { tags, params: ZIdParams, body: ZCommunityAnswerInput, response: { 201: ZCommunityQuestion } } },
    async (request, reply) => {
      const portal = portalActorOf(request);
      const { askerToTell } = await answerQuestion(db, { workspaceId: portal.workspaceId, portal }, request.params.id, request.body.body);
      if (askerToTell)
        tellAskerOfAnswer(db, { mail, publicUrl }, portal.workspaceId, askerToTell, request.params.id).catch((error) =>
          request.log.warn({ err: error }, 'the answer notice was not sent'),
        );
      return reply.status(201).send(await present(request, request.params.id));
    },
  );
  api.post(
    '/community-questions/:id/accept',
    { schema: { tags, params: ZIdParams, body: ZAcceptCommunityAnswerInput, response: { 200: ZCommunityQuestion } } },
    async (request) => {
      const portal = portalActorOf(request);
      await acceptAnswer(db, { workspaceId: portal.workspaceId, portal }, request.params.id, request.body.answerId);
      return present(request, request.params.id);
    },
  );
}
