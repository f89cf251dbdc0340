import {
  ZCreateKbArticleInput,
  ZIdParams,
  ZKbArticle,
  ZKbArticleList,
  ZKbArticleListQuery,
  ZKbArticleVersionList,
  ZKbCategory,
  ZKbCategoryInput,
  ZKbCategoryList,
  ZKbDraftFromCase,
  ZKbDraftFromCaseParams,
  ZKbFeedbackInput,
  ZKbFeedbackResult,
  ZPublicKbArticle,
  ZPublicKbArticleList,
  ZPublicKbArticleParams,
  ZPublicKbListQuery,
  ZPublicKbParams,
  ZUpdateKbArticleInput,
  ZUpdateKbCategoryInput,
} from '@clientela/contract';
import type { FastifyInstance } from 'fastify';
import { ctxOf, type ModuleOptions, typed } from '../../http/route-helpers.ts';
import { createKbArticle, deleteKbArticle, getKbArticle, giveKbFeedback, listKbArticleVersions, updateKbArticle } from './articles.ts';
import { createKbCategory, deleteKbCategory, listKbCategories, updateKbCategory } from './categories.ts';
import { draftFromCase } from './from-case.ts';
import { listKbArticles } from './list.ts';
import { getPublicArticle, givePublicFeedback, listPublicArticles, listPublicCategories } from './public.ts';

/** Requests per minute per address on each public route: readers browse, scripts are slowed down. */
export const PUBLIC_KB_RATE_LIMIT = 60;

/** The knowledge base for staff (`/kb-articles`, `/kb-categories`) and its public face (`/public/kb/:workspace/...`). */
export async function kbRoutes(app: FastifyInstance, { db }: ModuleOptions) {
  const api = typed(app);
  const tags = ['knowledge base'];

  api.get('/kb-categories', { schema: { tags, response: { 200: ZKbCategoryList } } }, async (request) =>
    listKbCategories(ctxOf(db, request)),
  );
  api.post('/kb-categories', { schema: { tags, body: ZKbCategoryInput, response: { 201: ZKbCategory } } }, async (request, reply) =>
    reply.status(201).send(await createKbCategory(ctxOf(db, request), request.body)),
  );
  api.patch(
    '/kb-categories/:id',
    { schema: { tags, params: ZIdParams, body: ZUpdateKbCategoryInput, response: { 200: ZKbCategory } } },
    async (request) => updateKbCategory(ctxOf(db, request), request.params.id, request.body),
  );
  api.delete('/kb-categories/:id', { schema: { tags, params: ZIdParams } }, async (request, reply) => {
    await deleteKbCategory(ctxOf(db, request), request.params.id);
    return reply.status(204).send();
  });

  api.get('/kb-articles', { schema: { tags, querystring: ZKbArticleListQuery, response: { 200: ZKbArticleList } } }, async (request) =>
    listKbArticles(ctxOf(db, request), request.query),
  );
  api.get(
    '/kb-articles/draft-from-case/:caseId',
    { schema: { tags, params: ZKbDraftFromCaseParams, response: { 200: ZKbDraftFromCase } } },
    async (request) => draftFromCase(ctxOf(db, request), request.params.caseId),
  );
  api.post('/kb-articles', { schema: { tags, body: ZCreateKbArticleInput, response: { 201: ZKbArticle } } }, async (request, reply) =>
    reply.status(201).send(await createKbArticle(ctxOf(db, request), request.body)),
  );
  api.get('/kb-articles/:id', { schema: { tags, params: ZIdParams, response: { 200: ZKbArticle } } }, async (request) =>
    getKbArticle(ctxOf(db, request), request.params.id),
  );
  api.patch(
    '/kb-articles/:id',
    { schema: { tags, params: ZIdParams, body: ZUpdateKbArticleInput, response: { 200: ZKbArticle } } },
    async (request) => updateKbArticle(ctxOf(db, request), request.params.id, request.body),
  );
  api.delete('/kb-articles/:id', { schema: { tags, params: ZIdParams } }, async (request, reply) => {
    await deleteKbArticle(ctxOf(db, request), request.params.id);
    return reply.status(204).send();
  });
  api.get('/kb-articles/:id/versions', { schema: { tags, params: ZIdParams, response: { 200: ZKbArticleVersionList } } }, async (request) =>
    listKbArticleVersions(ctxOf(db, request), request.params.id),
  );
  api.post(
    '/kb-articles/:id/feedback',
    { schema: { tags, params: ZIdParams, body: ZKbFeedbackInput, response: { 200: ZKbFeedbackResult } } },
    async (request) => giveKbFeedback(ctxOf(db, request), request.params.id, request.body),
  );

  // Without signing in: published public articles only, each route rate limited per address.
  const config = { public: true, rateLimit: { max: PUBLIC_KB_RATE_LIMIT, timeWindow: 60_000 } };
  const publicTags = ['public knowledge base'];
  const security: [] = [];
  api.get(
    '/public/kb/:workspace/articles',
    {
      config,
      schema: {
        tags: publicTags,
        security,
        params: ZPublicKbParams,
        querystring: ZPublicKbListQuery,
        response: { 200: ZPublicKbArticleList },
      },
    },
    async (request) => listPublicArticles(db, request.params.workspace, request.query),
  );
  api.get(
    '/public/kb/:workspace/articles/:id',
    { config, schema: { tags: publicTags, security, params: ZPublicKbArticleParams, response: { 200: ZPublicKbArticle } } },
    async (request) => getPublicArticle(db, request.params.workspace, request.params.id),
  );
  api.post(
    '/public/kb/:workspace/articles/:id/feedback',
    { config, schema: { tags: publicTags, security, params: ZPublicKbArticleParams, body: ZKbFeedbackInput } },
    async (request, reply) => {
      const visitor = { ip: request.ip, userAgent: request.headers['user-agent'] };
      await givePublicFeedback(db, request.params.workspace, request.params.id, visitor, request.body);
      return reply.status(204).send();
    },
  );
  api.get(
    '/public/kb/:workspace/categories',
    { config, schema: { tags: publicTags, security, params: ZPublicKbParams, response: { 200: ZKbCategoryList } } },
    async (request) => listPublicCategories(db, request.params.workspace),
  );
}
