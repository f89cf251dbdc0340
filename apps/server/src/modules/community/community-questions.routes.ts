import type { FastifyInstance } from 'fastify';
import type { ModuleOptions } from '../../http/route-helpers.ts';

/** Staff answer and moderate community questions and promote accepted answers to articles (`/api/v1/community-questions`). */
export async function communityQuestionRoutes(_app: FastifyInstance, _options: ModuleOptions) {}
