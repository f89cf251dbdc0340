import {
  ZActivity,
  ZActivityList,
  ZActivityListQuery,
  ZCreateActivityInput,
  ZIdParams,
  ZTimeline,
  ZTimelineQuery,
  ZUpdateActivityInput,
} from '@clientela/contract';
import type { FastifyInstance } from 'fastify';
import { ctxOf, type ModuleOptions, typed } from '../../http/route-helpers.ts';
import { createActivity, deleteActivity, getActivity, listActivities, updateActivity } from './activities.service.ts';
import { companyTimeline, contactTimeline, groupTimeline } from './timeline.service.ts';

/** Calls, meetings, visits, e-mails and notes; and the timelines of customers and groups. */
export async function activityRoutes(app: FastifyInstance, { db }: ModuleOptions) {
  const api = typed(app);
  const tags = ['activities'];
  api.get('/activities', { schema: { tags, querystring: ZActivityListQuery, response: { 200: ZActivityList } } }, async (request) =>
    listActivities(ctxOf(db, request), request.query),
  );
  api.post('/activities', { schema: { tags, body: ZCreateActivityInput, response: { 201: ZActivity } } }, async (request, reply) =>
    reply.status(201).send(await createActivity(ctxOf(db, request), request.body)),
  );
  api.get('/activities/:id', { schema: { tags, params: ZIdParams, response: { 200: ZActivity } } }, async (request) =>
    getActivity(ctxOf(db, request), request.params.id),
  );
  api.patch(
    '/activities/:id',
    { schema: { tags, params: ZIdParams, body: ZUpdateActivityInput, response: { 200: ZActivity } } },
    async (request) => updateActivity(ctxOf(db, request), request.params.id, request.body),
  );
  api.delete('/activities/:id', { schema: { tags, params: ZIdParams } }, async (request, reply) => {
    await deleteActivity(ctxOf(db, request), request.params.id);
    return reply.status(204).send();
  });
  const timeline = { tags: ['timeline'], params: ZIdParams, querystring: ZTimelineQuery, response: { 200: ZTimeline } };
  api.get('/companies/:id/timeline', { schema: timeline }, async (request) =>
    companyTimeline(ctxOf(db, request), request.params.id, request.query),
  );
  api.get('/contacts/:id/timeline', { schema: timeline }, async (request) =>
    contactTimeline(ctxOf(db, request), request.params.id, request.query),
  );
  api.get('/company-groups/:id/timeline', { schema: timeline }, async (request) =>
    groupTimeline(ctxOf(db, request), request.params.id, request.query),
  );
}
