import {
  ZAddListMembersInput,
  ZCreateListInput,
  ZCreateViewInput,
  ZIdParams,
  ZListMembersResult,
  ZRemoveListMembersInput,
  ZSavedView,
  ZSavedViewList,
  ZStaticList,
  ZStaticListList,
  ZStaticListListQuery,
  ZUpdateListInput,
  ZUpdateViewInput,
  ZViewListQuery,
} from '@clientela/contract';
import type { FastifyInstance } from 'fastify';
import { ctxOf, type ModuleOptions, typed } from '../../http/route-helpers.ts';
import {
  addMembers,
  createStaticList,
  deleteStaticList,
  getStaticList,
  listStaticLists,
  removeMembers,
  updateStaticList,
} from './lists.service.ts';
import { createView, deleteView, getView, listViews, updateView } from './views.service.ts';

/** Saved views: a list's filters, sort and columns under a name, private or shared. */
export async function viewRoutes(app: FastifyInstance, { db }: ModuleOptions) {
  const api = typed(app);
  const tags = ['views'];
  api.get('/views', { schema: { tags, querystring: ZViewListQuery, response: { 200: ZSavedViewList } } }, async (request) =>
    listViews(ctxOf(db, request), request.query['filter[entity]']),
  );
  api.post('/views', { schema: { tags, body: ZCreateViewInput, response: { 201: ZSavedView } } }, async (request, reply) =>
    reply.status(201).send(await createView(ctxOf(db, request), request.body)),
  );
  api.get('/views/:id', { schema: { tags, params: ZIdParams, response: { 200: ZSavedView } } }, async (request) =>
    getView(ctxOf(db, request), request.params.id),
  );
  api.patch('/views/:id', { schema: { tags, params: ZIdParams, body: ZUpdateViewInput, response: { 200: ZSavedView } } }, async (request) =>
    updateView(ctxOf(db, request), request.params.id, request.body),
  );
  api.delete('/views/:id', { schema: { tags, params: ZIdParams } }, async (request, reply) => {
    await deleteView(ctxOf(db, request), request.params.id);
    return reply.status(204).send();
  });
}

/** Static lists of companies or contacts. */
export async function listRoutes(app: FastifyInstance, { db }: ModuleOptions) {
  const api = typed(app);
  const tags = ['lists'];
  api.get('/lists', { schema: { tags, querystring: ZStaticListListQuery, response: { 200: ZStaticListList } } }, async (request) =>
    listStaticLists(ctxOf(db, request), request.query['filter[entity]']),
  );
  api.post('/lists', { schema: { tags, body: ZCreateListInput, response: { 201: ZStaticList } } }, async (request, reply) =>
    reply.status(201).send(await createStaticList(ctxOf(db, request), request.body)),
  );
  api.get('/lists/:id', { schema: { tags, params: ZIdParams, response: { 200: ZStaticList } } }, async (request) =>
    getStaticList(ctxOf(db, request), request.params.id),
  );
  api.patch(
    '/lists/:id',
    { schema: { tags, params: ZIdParams, body: ZUpdateListInput, response: { 200: ZStaticList } } },
    async (request) => updateStaticList(ctxOf(db, request), request.params.id, request.body),
  );
  api.delete('/lists/:id', { schema: { tags, params: ZIdParams } }, async (request, reply) => {
    await deleteStaticList(ctxOf(db, request), request.params.id);
    return reply.status(204).send();
  });
  api.post(
    '/lists/:id/members',
    { schema: { tags, params: ZIdParams, body: ZAddListMembersInput, response: { 200: ZListMembersResult } } },
    async (request) => addMembers(ctxOf(db, request), request.params.id, request.body),
  );
  api.post(
    '/lists/:id/members/remove',
    { schema: { tags, params: ZIdParams, body: ZRemoveListMembersInput, response: { 200: ZListMembersResult } } },
    async (request) => removeMembers(ctxOf(db, request), request.params.id, request.body.ids),
  );
}
