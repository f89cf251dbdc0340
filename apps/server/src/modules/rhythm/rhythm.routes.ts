import {
  ZBirthdays,
  ZBirthdaysQuery,
  ZDormantList,
  ZDormantQuery,
  ZNotContactedList,
  ZNotContactedQuery,
  ZRhythmCompliance,
  ZRhythmRules,
  ZRhythmScopeQuery,
} from '@clientela/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ctxOf, type ModuleOptions, typed } from '../../http/route-helpers.ts';
import { birthdays } from './birthdays.ts';
import { rhythmCompliance } from './compliance.ts';
import { dormant } from './dormant.ts';
import { LAST_CONTACT_JOB, LAST_CONTACT_SCHEDULE, lastContactJob } from './last-contact.ts';
import { notContacted } from './not-contacted.ts';
import { getRhythmRules, putRhythmRules } from './rules.ts';

/** "Today" is the asking person's: their calendar decides which day a report is about. */
const zoneOf = (request: FastifyRequest) => request.signedIn?.user.timeZone ?? 'UTC';

/** The routes of contact rhythm rules, compliance and the lists for action. */
export async function rhythmRoutes(app: FastifyInstance, { db, jobs }: ModuleOptions) {
  const api = typed(app);
  // The customers' kept newest activities follow their changes every minute.
  if (jobs) await jobs.schedule(LAST_CONTACT_JOB, LAST_CONTACT_SCHEDULE, lastContactJob(db));
  const tags = ['rhythm'];
  api.get('/rhythm/rules', { schema: { tags, response: { 200: ZRhythmRules } } }, async (request) => getRhythmRules(ctxOf(db, request)));
  api.put('/rhythm/rules', { schema: { tags, body: ZRhythmRules, response: { 200: ZRhythmRules } } }, async (request) =>
    putRhythmRules(ctxOf(db, request), request.body),
  );
  api.get(
    '/reports/contact-rhythm',
    { schema: { tags, querystring: ZRhythmScopeQuery, response: { 200: ZRhythmCompliance } } },
    async (request) => rhythmCompliance(ctxOf(db, request), request.query, new Date(), zoneOf(request)),
  );
  api.get('/reports/birthdays', { schema: { tags, querystring: ZBirthdaysQuery, response: { 200: ZBirthdays } } }, async (request) =>
    birthdays(ctxOf(db, request), request.query, new Date(), zoneOf(request)),
  );
  api.get(
    '/reports/not-contacted',
    { schema: { tags, querystring: ZNotContactedQuery, response: { 200: ZNotContactedList } } },
    async (request) => notContacted(ctxOf(db, request), request.query, new Date(), zoneOf(request)),
  );
  api.get('/reports/dormant', { schema: { tags, querystring: ZDormantQuery, response: { 200: ZDormantList } } }, async (request) =>
    dormant(ctxOf(db, request), request.query, new Date(), zoneOf(request)),
  );
}
