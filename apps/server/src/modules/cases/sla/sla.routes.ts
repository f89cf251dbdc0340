import {
  ZIdParams,
  ZSlaPolicy,
  ZSlaPolicyInput,
  ZSlaPolicyList,
  ZUpdateSlaPolicyInput,
  ZUpdateWorkingCalendarInput,
  ZWorkingCalendar,
  ZWorkingCalendarInput,
  ZWorkingCalendarList,
} from '@clientela/contract';
import type { FastifyInstance } from 'fastify';
import { ctxOf, type ModuleOptions, typed } from '../../../http/route-helpers.ts';
import { createWorkingCalendar, deleteWorkingCalendar, listWorkingCalendars, updateWorkingCalendar } from './calendars.service.ts';
import { createSlaPolicy, deleteSlaPolicy, listSlaPolicies, updateSlaPolicy } from './policies.service.ts';

/** SLA policies and working calendars: `/sla-policies`, `/working-calendars`. */
export async function slaRoutes(app: FastifyInstance, { db }: ModuleOptions) {
  const api = typed(app);
  const tags = ['cases'];
  api.get('/sla-policies', { schema: { tags, response: { 200: ZSlaPolicyList } } }, async (request) => listSlaPolicies(ctxOf(db, request)));
  api.post('/sla-policies', { schema: { tags, body: ZSlaPolicyInput, response: { 201: ZSlaPolicy } } }, async (request, reply) =>
    reply.status(201).send(await createSlaPolicy(ctxOf(db, request), request.body)),
  );
  api.patch(
    '/sla-policies/:id',
    { schema: { tags, params: ZIdParams, body: ZUpdateSlaPolicyInput, response: { 200: ZSlaPolicy } } },
    async (request) => updateSlaPolicy(ctxOf(db, request), request.params.id, request.body),
  );
  api.delete('/sla-policies/:id', { schema: { tags, params: ZIdParams } }, async (request, reply) => {
    await deleteSlaPolicy(ctxOf(db, request), request.params.id);
    return reply.status(204).send();
  });

  api.get('/working-calendars', { schema: { tags, response: { 200: ZWorkingCalendarList } } }, async (request) =>
    listWorkingCalendars(ctxOf(db, request)),
  );
  api.post(
    '/working-calendars',
    { schema: { tags, body: ZWorkingCalendarInput, response: { 201: ZWorkingCalendar } } },
    async (request, reply) => reply.status(201).send(await createWorkingCalendar(ctxOf(db, request), request.body)),
  );
  api.patch(
    '/working-calendars/:id',
    { schema: { tags, params: ZIdParams, body: ZUpdateWorkingCalendarInput, response: { 200: ZWorkingCalendar } } },
    async (request) => updateWorkingCalendar(ctxOf(db, request), request.params.id, request.body),
  );
  api.delete('/working-calendars/:id', { schema: { tags, params: ZIdParams } }, async (request, reply) => {
    await deleteWorkingCalendar(ctxOf(db, request), request.params.id);
    return reply.status(204).send();
  });
}
