import type { FastifyInstance } from 'fastify';
import type { ModuleOptions } from '../../http/route-helpers.ts';

/** Leads (`/leads`, with their conversion) and the web forms that capture them (`/web-forms`). */
export async function leadRoutes(_app: FastifyInstance, _options: ModuleOptions) {}
