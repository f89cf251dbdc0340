import {
  ZCurrencySettings,
  ZExchangeRateList,
  ZExchangeRateListQuery,
  ZExchangeRateParams,
  ZPutExchangeRatesInput,
  ZUpdateCurrencySettingsInput,
} from '@clientela/contract';
import type { FastifyInstance } from 'fastify';
import { ctxOf, type ModuleOptions, typed } from '../../http/route-helpers.ts';
import { currencySettings, deleteExchangeRate, listExchangeRates, putExchangeRates, updateCurrencySettings } from './currencies.service.ts';

/** The base currency, the currencies in use and their dated rates. */
export async function currencyRoutes(app: FastifyInstance, { db }: ModuleOptions) {
  const api = typed(app);
  const tags = ['currencies'];
  api.get('/currencies', { schema: { tags, response: { 200: ZCurrencySettings } } }, async (request) =>
    currencySettings(ctxOf(db, request)),
  );
  api.put('/currencies', { schema: { tags, body: ZUpdateCurrencySettingsInput, response: { 200: ZCurrencySettings } } }, async (request) =>
    updateCurrencySettings(ctxOf(db, request), request.body),
  );
  api.get(
    '/currencies/rates',
    { schema: { tags, querystring: ZExchangeRateListQuery, response: { 200: ZExchangeRateList } } },
    async (request) => listExchangeRates(ctxOf(db, request), request.query),
  );
  api.put('/currencies/rates', { schema: { tags, body: ZPutExchangeRatesInput } }, async (request, reply) => {
    await putExchangeRates(ctxOf(db, request), request.body);
    return reply.status(204).send();
  });
  api.delete('/currencies/rates/:currency/:on', { schema: { tags, params: ZExchangeRateParams } }, async (request, reply) => {
    await deleteExchangeRate(ctxOf(db, request), request.params.currency, request.params.on);
    return reply.status(204).send();
  });
}
