import type { FastifyInstance } from 'fastify';
import type { ModuleOptions } from '../../http/route-helpers.ts';

/** Placeholder: routes of this module are being built. */
export async function auditRoutes(_app: FastifyInstance, _options: ModuleOptions) {}
