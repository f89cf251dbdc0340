import type { FastifyInstance } from 'fastify';
import type { ModuleOptions } from '../../http/route-helpers.ts';

/** Surveys (`/surveys`: builder, sending, results, call lists) and their public answer API (`/public/surveys/:token`). */
export async function surveyRoutes(_app: FastifyInstance, _options: ModuleOptions) {}
