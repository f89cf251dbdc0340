import {
  ZCreatedTask,
  ZCreateTaskInput,
  ZIdParams,
  ZLeadTimeAdvice,
  ZLeadTimeQuery,
  ZPutUnitLeadTimes,
  ZTask,
  ZTaskList,
  ZTaskListQuery,
  ZTaskReminderRules,
  ZTaskTransitionInput,
  ZUnitLeadTimes,
  ZUpdateTaskInput,
} from '@clientela/contract';
import type { FastifyInstance } from 'fastify';
import { ctxOf, type ModuleOptions, typed } from '../../http/route-helpers.ts';
import { getLeadTimeAdvice, getLeadTimes, putLeadTimes } from './lead-times.ts';
import { getReminderRules, putReminderRules } from './reminders.ts';
import { createTask, getTask, listTasks, updateTask } from './tasks.service.ts';
import { transitionTask } from './transitions.ts';

/** Assignments between people and to units' queues, their life cycle, and units' standard lead times. */
export async function taskRoutes(app: FastifyInstance, { db, clock }: ModuleOptions) {
  const api = typed(app);
  const tags = ['tasks'];
  api.get('/tasks', { schema: { tags, querystring: ZTaskListQuery, response: { 200: ZTaskList } } }, async (request) =>
    listTasks(ctxOf(db, request), request.query),
  );
  api.post('/tasks', { schema: { tags, body: ZCreateTaskInput, response: { 201: ZCreatedTask } } }, async (request, reply) =>
    reply.status(201).send(await createTask(ctxOf(db, request), request.body)),
  );
  api.get('/tasks/lead-time', { schema: { tags, querystring: ZLeadTimeQuery, response: { 200: ZLeadTimeAdvice } } }, async (request) =>
    getLeadTimeAdvice(ctxOf(db, request), request.query),
  );
  api.get('/tasks/reminder-rules', { schema: { tags, response: { 200: ZTaskReminderRules } } }, async (request) =>
    getReminderRules(ctxOf(db, request)),
  );
  api.put('/tasks/reminder-rules', { schema: { tags, body: ZTaskReminderRules, response: { 200: ZTaskReminderRules } } }, async (request) =>
    putReminderRules(ctxOf(db, request), request.body),
  );
  api.get('/tasks/:id', { schema: { tags, params: ZIdParams, response: { 200: ZTask } } }, async (request) =>
    getTask(ctxOf(db, request), request.params.id),
  );
  api.patch('/tasks/:id', { schema: { tags, params: ZIdParams, body: ZUpdateTaskInput, response: { 200: ZTask } } }, async (request) =>
    updateTask(ctxOf(db, request), request.params.id, request.body),
  );
  api.post(
    '/tasks/:id/transitions',
    { schema: { tags, params: ZIdParams, body: ZTaskTransitionInput, response: { 200: ZTask } } },
    async (request) => transitionTask(ctxOf(db, request), request.params.id, request.body, clock.now()),
  );
  api.get('/units/:id/lead-times', { schema: { tags, params: ZIdParams, response: { 200: ZUnitLeadTimes } } }, async (request) =>
    getLeadTimes(ctxOf(db, request), request.params.id),
  );
  api.put(
    '/units/:id/lead-times',
    { schema: { tags, params: ZIdParams, body: ZPutUnitLeadTimes, response: { 200: ZUnitLeadTimes } } },
    async (request) => putLeadTimes(ctxOf(db, request), request.params.id, request.body),
  );
}
