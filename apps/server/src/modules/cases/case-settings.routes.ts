import type { FastifyInstance } from 'fastify';
import type { ModuleOptions } from '../../http/route-helpers.ts';

/** Case types with categories and routing rules: `/case-types`, `/case-routing-rules`. */
export async function caseSettingsRoutes(_app: FastifyInstance, _options: ModuleOptions) {}
