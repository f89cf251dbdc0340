import {
  ZCallList,
  ZCallListInput,
  ZCallListResult,
  ZIdParams,
  ZPublicSurvey,
  ZPublicSurveyAnswerInput,
  ZPublicSurveyAnswerResult,
  ZPublicSurveyParams,
  ZPublicSurveyQuery,
  ZSurvey,
  ZSurveyInput,
  ZSurveyLink,
  ZSurveyLinkInput,
  ZSurveyList,
  ZSurveyListQuery,
  ZSurveyResults,
  ZSurveyResultsQuery,
  ZSurveySendInput,
  ZSurveySendResult,
  ZSurveyTextAnswerList,
  ZSurveyTextAnswersQuery,
  ZUpdateSurveyInput,
} from '@clientela/contract';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ctxOf, type ModuleOptions, typed } from '../../http/route-helpers.ts';
import { createCallList, listCallList } from './call-list.ts';
import { SURVEY_INVITE_JOB } from './invite-job.ts';
import { answerPublicSurvey, getPublicSurvey } from './public.ts';
import { surveyResults, surveyTextAnswers } from './results.ts';
import { sendSurvey, surveyLink } from './send.ts';
import { createSurvey, deleteSurvey, getSurvey, listSurveys, moveSurvey, updateSurvey } from './surveys.service.ts';

/** Requests per minute per address on the public survey routes: a respondent needs few, scripts are slowed down. */
export const PUBLIC_SURVEY_RATE_LIMIT = 30;

/** Surveys (`/surveys`: builder, sending, results, call lists) and their public answer API (`/public/surveys/:token`). */
export async function surveyRoutes(app: FastifyInstance, { db, jobs, publicUrl }: ModuleOptions) {
  const api = typed(app);
  const tags = ['surveys'];
  const whole = { params: ZIdParams, response: { 200: ZSurvey } };
  api.get('/surveys', { schema: { tags, querystring: ZSurveyListQuery, response: { 200: ZSurveyList } } }, async (request) =>
    listSurveys(ctxOf(db, request), request.query),
  );
  api.post('/surveys', { schema: { tags, body: ZSurveyInput, response: { 201: ZSurvey } } }, async (request, reply) => {
    const ctx = ctxOf(db, request);
    const id = await createSurvey(ctx, request.body);
    return reply.status(201).send(await getSurvey(ctx, id));
  });
  api.get('/surveys/:id', { schema: { tags, ...whole } }, async (request) => getSurvey(ctxOf(db, request), request.params.id));
  api.patch('/surveys/:id', { schema: { tags, ...whole, body: ZUpdateSurveyInput } }, async (request) => {
    const ctx = ctxOf(db, request);
    await updateSurvey(ctx, request.params.id, request.body);
    return getSurvey(ctx, request.params.id);
  });
  api.delete('/surveys/:id', { schema: { tags, params: ZIdParams } }, async (request, reply) => {
    await deleteSurvey(ctxOf(db, request), request.params.id);
    return reply.status(204).send();
  });
  for (const action of ['open', 'close'] as const) {
    api.post(`/surveys/:id/${action}`, { schema: { tags, ...whole } }, async (request) => {
      const ctx = ctxOf(db, request);
      await moveSurvey(ctx, request.params.id, action);
      // Invitations left queued while the survey was closed go out once it opens again.
      if (action === 'open')
        await jobs?.send(SURVEY_INVITE_JOB, { workspaceId: ctx.actor.workspaceId, surveyId: request.params.id }, request.params.id);
      return getSurvey(ctx, request.params.id);
    });
  }
  api.post(
    '/surveys/:id/send',
    { schema: { tags, params: ZIdParams, body: ZSurveySendInput, response: { 200: ZSurveySendResult } } },
    async (request) => sendSurvey(ctxOf(db, request), request.params.id, request.body, jobs),
  );
  api.post(
    '/surveys/:id/link',
    { schema: { tags, params: ZIdParams, body: ZSurveyLinkInput, response: { 200: ZSurveyLink } } },
    async (request) => surveyLink(ctxOf(db, request), request.params.id, request.body.contactId, publicUrl),
  );
  api.get(
    '/surveys/:id/results',
    { schema: { tags, params: ZIdParams, querystring: ZSurveyResultsQuery, response: { 200: ZSurveyResults } } },
    async (request) => surveyResults(ctxOf(db, request), request.params.id, request.query),
  );
  api.get(
    '/surveys/:id/results/:questionId/texts',
    {
      schema: {
        tags,
        params: z.strictObject({ id: ZIdParams.shape.id, questionId: z.string().max(60) }),
        querystring: ZSurveyTextAnswersQuery,
        response: { 200: ZSurveyTextAnswerList },
      },
    },
    async (request) => surveyTextAnswers(ctxOf(db, request), request.params.id, request.params.questionId, request.query),
  );
  api.post(
    '/surveys/:id/call-list',
    { schema: { tags, params: ZIdParams, body: ZCallListInput, response: { 200: ZCallListResult } } },
    async (request) => createCallList(ctxOf(db, request), request.params.id, request.body),
  );
  api.get('/surveys/:id/call-list', { schema: { tags, params: ZIdParams, response: { 200: ZCallList } } }, async (request) =>
    listCallList(ctxOf(db, request), request.params.id),
  );

  // Without signing in: the personal link is the key. No CSRF token either (none is given to a
  // respondent), and each address is rate limited.
  const config = { public: true, rateLimit: { max: PUBLIC_SURVEY_RATE_LIMIT, timeWindow: 60_000 } };
  const publicTags = ['public surveys'];
  const security: [] = [];
  api.get(
    '/public/surveys/:token',
    {
      config,
      schema: {
        tags: publicTags,
        security,
        params: ZPublicSurveyParams,
        querystring: ZPublicSurveyQuery,
        response: { 200: ZPublicSurvey },
      },
    },
    async (request) => getPublicSurvey(db, request.params.token, request.query.lang),
  );
  api.post(
    '/public/surveys/:token',
    {
      config,
      schema: {
        tags: publicTags,
        security,
        params: ZPublicSurveyParams,
        body: ZPublicSurveyAnswerInput,
        response: { 201: ZPublicSurveyAnswerResult },
      },
    },
    async (request, reply) => reply.status(201).send(await answerPublicSurvey(db, request.params.token, request.body)),
  );
}
