import {
  ZBirthdayRunResult,
  ZBirthdaySettings,
  ZBirthdaySettingsInput,
  ZConsent,
  ZConsentBulk,
  ZConsentBulkResult,
  ZConsentUpdate,
  ZIdParams,
  ZUpcomingBirthdays,
  ZUpcomingBirthdaysQuery,
} from '@clientela/contract';
import type { FastifyInstance } from 'fastify';
import { ctxOf, type ModuleOptions, typed } from '../../http/route-helpers.ts';
import { getBirthdaySettings, putBirthdaySettings, runBirthdaysNow, upcomingBirthdays } from './birthday-settings.ts';
import { bulkConsent, getConsent, updateConsent } from './consent.ts';

/** Contacts' marketing consent (`/contacts/:id/consent`) and the birthday automation (`/marketing/birthdays`). */
export async function consentRoutes(app: FastifyInstance, options: ModuleOptions) {
  const { db } = options;
  const api = typed(app);
  const tags = ['consent'];
  api.get('/contacts/:id/consent', { schema: { tags, params: ZIdParams, response: { 200: ZConsent } } }, async (request) =>
    getConsent(ctxOf(db, request), request.params.id),
  );
  api.put(
    '/contacts/:id/consent',
    { schema: { tags, params: ZIdParams, body: ZConsentUpdate, response: { 200: ZConsent } } },
    async (request) => updateConsent(ctxOf(db, request), request.params.id, request.body),
  );
  api.post('/contacts/consent/bulk', { schema: { tags, body: ZConsentBulk, response: { 200: ZConsentBulkResult } } }, async (request) =>
    bulkConsent(ctxOf(db, request), request.body),
  );

  const birthdays = ['birthdays'];
  api.get('/marketing/birthdays', { schema: { tags: birthdays, response: { 200: ZBirthdaySettings } } }, async (request) =>
    getBirthdaySettings(ctxOf(db, request)),
  );
  api.put(
    '/marketing/birthdays',
    { schema: { tags: birthdays, body: ZBirthdaySettingsInput, response: { 200: ZBirthdaySettings } } },
    async (request) => putBirthdaySettings(ctxOf(db, request), request.body),
  );
  api.post('/marketing/birthdays/run', { schema: { tags: birthdays, response: { 200: ZBirthdayRunResult } } }, async (request) =>
    runBirthdaysNow(ctxOf(db, request), options),
  );
  api.get(
    '/marketing/birthdays/upcoming',
    { schema: { tags: birthdays, querystring: ZUpcomingBirthdaysQuery, response: { 200: ZUpcomingBirthdays } } },
    async (request) => upcomingBirthdays(ctxOf(db, request), request.query.days, options.clock.now()),
  );
}
