import {
  ZCase,
  ZCaseHandoverInput,
  ZCaseList,
  ZCaseListQuery,
  ZCaseMessageInput,
  ZCaseSatisfactionInput,
  ZCaseTransitionInput,
  ZCreateCaseInput,
  ZIdParams,
  ZUpdateCaseInput,
} from '@clientela/contract';
import type { FastifyInstance } from 'fastify';
import { ctxOf, type ModuleOptions, typed } from '../../http/route-helpers.ts';
import { createCase } from './create-case.ts';
import { getCase } from './get-case.ts';
import { handOverCase } from './handover.ts';
import { listCases } from './list-cases.ts';
import { addMessage } from './messages.ts';
import { transitionCase } from './transitions.ts';
import { deleteCase, rateCase, takeCase, updateCase } from './update-case.ts';

/**
 * Cases: `/cases`, their messages, transitions, hand-overs and satisfaction. "Now" is the server's
 * clock, so that SLA times and the case's own times agree when the clock is moved forward.
 */
export async function caseRoutes(app: FastifyInstance, { db, clock }: ModuleOptions) {
  const api = typed(app);
  const tags = ['cases'];
  const whole = { params: ZIdParams, response: { 200: ZCase } };
  api.get('/cases', { schema: { tags, querystring: ZCaseListQuery, response: { 200: ZCaseList } } }, async (request) =>
    listCases(ctxOf(db, request), request.query, clock.now()),
  );
  api.post('/cases', { schema: { tags, body: ZCreateCaseInput, response: { 201: ZCase } } }, async (request, reply) => {
    const ctx = ctxOf(db, request);
    const id = await createCase(ctx, request.body, clock.now());
    return reply.status(201).send(await getCase(ctx, id, clock.now()));
  });
  api.get('/cases/:id', { schema: { tags, ...whole } }, async (request) => getCase(ctxOf(db, request), request.params.id, clock.now()));
  api.patch('/cases/:id', { schema: { tags, ...whole, body: ZUpdateCaseInput } }, async (request) => {
    const ctx = ctxOf(db, request);
    await updateCase(ctx, request.params.id, request.body, clock.now());
    return getCase(ctx, request.params.id, clock.now());
  });
  api.delete('/cases/:id', { schema: { tags, params: ZIdParams } }, async (request, reply) => {
    await deleteCase(ctxOf(db, request), request.params.id, clock.now());
    return reply.status(204).send();
  });
  api.post('/cases/:id/take', { schema: { tags, ...whole } }, async (request) => {
    const ctx = ctxOf(db, request);
    await takeCase(ctx, request.params.id, clock.now());
    return getCase(ctx, request.params.id, clock.now());
  });
  api.post('/cases/:id/transitions', { schema: { tags, ...whole, body: ZCaseTransitionInput } }, async (request) => {
    const ctx = ctxOf(db, request);
    await transitionCase(ctx, request.params.id, request.body, clock.now());
    return getCase(ctx, request.params.id, clock.now());
  });
  api.post('/cases/:id/satisfaction', { schema: { tags, ...whole, body: ZCaseSatisfactionInput } }, async (request) => {
    const ctx = ctxOf(db, request);
    await rateCase(ctx, request.params.id, request.body, clock.now());
    return getCase(ctx, request.params.id, clock.now());
  });
  api.post(
    '/cases/:id/messages',
    { schema: { tags, params: ZIdParams, body: ZCaseMessageInput, response: { 201: ZCase } } },
    async (request, reply) => {
      const ctx = ctxOf(db, request);
      await addMessage(ctx, request.params.id, request.body, clock.now());
      return reply.status(201).send(await getCase(ctx, request.params.id, clock.now()));
    },
  );
  api.post('/cases/:id/handover', { schema: { tags, ...whole, body: ZCaseHandoverInput } }, async (request) => {
    const ctx = ctxOf(db, request);
    await handOverCase(ctx, request.params.id, request.body, clock.now());
    return getCase(ctx, request.params.id, clock.now());
  });
}
