import {
  ZCancelProcessInput,
  ZCompleteProcessTaskInput,
  ZIdParams,
  ZProcessInstance,
  ZProcessTask,
  ZProcessTaskList,
  ZProcessTaskListQuery,
  ZStartProcessInput,
} from '@clientela/contract';
import type { FastifyInstance } from 'fastify';
import { ctxOf, type ModuleOptions, typed } from '../../http/route-helpers.ts';
import { cancelInstance, retryInstance, startProcess } from './instances.service.ts';
import { completeProcessTask, getProcessTask, listProcessTasks } from './process-tasks.service.ts';

/** Running processes: starting, cancelling and retrying instances, and the user steps people complete. */
export async function processInstanceRoutes(app: FastifyInstance, { db, clock }: ModuleOptions) {
  const api = typed(app);
  const tags = ['processes'];
  api.post(
    '/process-instances',
    { schema: { tags, body: ZStartProcessInput, response: { 201: ZProcessInstance } } },
    async (request, reply) => reply.status(201).send(await startProcess(ctxOf(db, request), request.body, clock.now())),
  );
  api.post(
    '/process-instances/:id/cancel',
    { schema: { tags, params: ZIdParams, body: ZCancelProcessInput, response: { 200: ZProcessInstance } } },
    async (request) => cancelInstance(ctxOf(db, request), request.params.id, request.body, clock.now()),
  );
  api.post('/process-instances/:id/retry', { schema: { tags, params: ZIdParams, response: { 200: ZProcessInstance } } }, async (request) =>
    retryInstance(ctxOf(db, request), request.params.id, clock.now()),
  );
  api.get(
    '/process-tasks',
    { schema: { tags, querystring: ZProcessTaskListQuery, response: { 200: ZProcessTaskList } } },
    async (request) => listProcessTasks(ctxOf(db, request), request.query),
  );
  api.get('/process-tasks/:id', { schema: { tags, params: ZIdParams, response: { 200: ZProcessTask } } }, async (request) =>
    getProcessTask(ctxOf(db, request), request.params.id),
  );
  api.post(
    '/process-tasks/:id/complete',
    { schema: { tags, params: ZIdParams, body: ZCompleteProcessTaskInput, response: { 200: ZProcessTask } } },
    async (request) => completeProcessTask(ctxOf(db, request), request.params.id, request.body, clock.now()),
  );
}
