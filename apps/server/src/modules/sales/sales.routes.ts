import {
  ZCreateOrderInput,
  ZCreatePaymentInput,
  ZCreateQuoteInput,
  ZCreditStatus,
  ZIdParams,
  ZOrder,
  ZOrderList,
  ZOrderListQuery,
  ZOrderStatusInput,
  ZPayment,
  ZPaymentList,
  ZPaymentListQuery,
  ZPutCreditLimitInput,
  ZQuote,
  ZQuoteList,
  ZQuoteListQuery,
  ZQuoteStatusInput,
  ZSalesSummary,
  ZSalesSummaryQuery,
  ZUpdateOrderInput,
  ZUpdateQuoteInput,
} from '@clientela/contract';
import type { FastifyInstance } from 'fastify';
import { attachment, ctxOf, type ModuleOptions, typed } from '../../http/route-helpers.ts';
import { letterheadOf } from '../workspaces/index.ts';
import {
  createOrder,
  createPayment,
  creditStatus,
  getOrder,
  listOrders,
  listPayments,
  putCompanyLimit,
  putGroupLimit,
  salesSummary,
  setOrderStatus,
  updateOrder,
} from './orders.service.ts';
import { quotePdf } from './quote-pdf.ts';
import { convertQuote, createQuote, getQuote, listQuotes, newQuoteVersion, setQuoteStatus, updateQuote } from './quotes.service.ts';

/** Quotes (with their PDF), orders, payments and credit limits. */
export async function salesRoutes(app: FastifyInstance, { db }: ModuleOptions) {
  const api = typed(app);
  const tags = ['sales'];
  api.get('/quotes', { schema: { tags, querystring: ZQuoteListQuery, response: { 200: ZQuoteList } } }, async (request) =>
    listQuotes(ctxOf(db, request), request.query),
  );
  api.post('/quotes', { schema: { tags, body: ZCreateQuoteInput, response: { 201: ZQuote } } }, async (request, reply) =>
    reply.status(201).send(await createQuote(ctxOf(db, request), request.body)),
  );
  api.get('/quotes/:id', { schema: { tags, params: ZIdParams, response: { 200: ZQuote } } }, async (request) =>
    getQuote(ctxOf(db, request), request.params.id),
  );
  api.patch('/quotes/:id', { schema: { tags, params: ZIdParams, body: ZUpdateQuoteInput, response: { 200: ZQuote } } }, async (request) =>
    updateQuote(ctxOf(db, request), request.params.id, request.body),
  );
  api.post(
    '/quotes/:id/status',
    { schema: { tags, params: ZIdParams, body: ZQuoteStatusInput, response: { 200: ZQuote } } },
    async (request) => setQuoteStatus(ctxOf(db, request), request.params.id, request.body),
  );
  api.post('/quotes/:id/versions', { schema: { tags, params: ZIdParams, response: { 201: ZQuote } } }, async (request, reply) =>
    reply.status(201).send(await newQuoteVersion(ctxOf(db, request), request.params.id)),
  );
  api.post('/quotes/:id/order', { schema: { tags, params: ZIdParams, response: { 201: ZOrder } } }, async (request, reply) =>
    reply.status(201).send(await convertQuote(ctxOf(db, request), request.params.id)),
  );
  api.get('/quotes/:id/pdf', { schema: { tags, params: ZIdParams } }, async (request, reply) => {
    const ctx = ctxOf(db, request);
    const quote = await getQuote(ctx, request.params.id);
    const pdf = await quotePdf(quote, { letterhead: await letterheadOf(db, ctx.actor.workspaceId), author: quote.owner?.name ?? '' });
    return reply
      .type('application/pdf')
      .header('content-disposition', attachment(`${quote.number}-v${quote.version}.pdf`))
      .send(pdf);
  });

  api.get('/orders', { schema: { tags, querystring: ZOrderListQuery, response: { 200: ZOrderList } } }, async (request) =>
    listOrders(ctxOf(db, request), request.query),
  );
  api.post('/orders', { schema: { tags, body: ZCreateOrderInput, response: { 201: ZOrder } } }, async (request, reply) =>
    reply.status(201).send(await createOrder(ctxOf(db, request), request.body)),
  );
  api.get('/orders/summary', { schema: { tags, querystring: ZSalesSummaryQuery, response: { 200: ZSalesSummary } } }, async (request) =>
    salesSummary(ctxOf(db, request), request.query),
  );
  api.get('/orders/:id', { schema: { tags, params: ZIdParams, response: { 200: ZOrder } } }, async (request) =>
    getOrder(ctxOf(db, request), request.params.id),
  );
  api.patch('/orders/:id', { schema: { tags, params: ZIdParams, body: ZUpdateOrderInput, response: { 200: ZOrder } } }, async (request) =>
    updateOrder(ctxOf(db, request), request.params.id, request.body),
  );
  api.post(
    '/orders/:id/status',
    { schema: { tags, params: ZIdParams, body: ZOrderStatusInput, response: { 200: ZOrder } } },
    async (request) => setOrderStatus(ctxOf(db, request), request.params.id, request.body),
  );

  api.get('/payments', { schema: { tags, querystring: ZPaymentListQuery, response: { 200: ZPaymentList } } }, async (request) =>
    listPayments(ctxOf(db, request), request.query),
  );
  api.post('/payments', { schema: { tags, body: ZCreatePaymentInput, response: { 201: ZPayment } } }, async (request, reply) =>
    reply.status(201).send(await createPayment(ctxOf(db, request), request.body)),
  );

  api.get('/credit/companies/:id', { schema: { tags, params: ZIdParams, response: { 200: ZCreditStatus } } }, async (request) =>
    creditStatus(ctxOf(db, request), request.params.id),
  );
  api.put(
    '/credit/companies/:id',
    { schema: { tags, params: ZIdParams, body: ZPutCreditLimitInput, response: { 200: ZCreditStatus } } },
    async (request) => putCompanyLimit(ctxOf(db, request), request.params.id, request.body),
  );
  api.put('/credit/groups/:id', { schema: { tags, params: ZIdParams, body: ZPutCreditLimitInput } }, async (request) =>
    putGroupLimit(ctxOf(db, request), request.params.id, request.body),
  );
}
