import type { FastifyInstance } from 'fastify';
import type { ModuleOptions } from '../../http/route-helpers.ts';

/** Cases: `/cases`, their messages, transitions, hand-overs and satisfaction. */
export async function caseRoutes(_app: FastifyInstance, _options: ModuleOptions) {}
