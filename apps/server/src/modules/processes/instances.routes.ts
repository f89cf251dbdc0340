import type { FastifyInstance } from 'fastify';
import type { ModuleOptions } from '../../http/route-helpers.ts';

/** Running processes: starting, cancelling and retrying instances, and the user steps people complete. */
export async function processInstanceRoutes(_app: FastifyInstance, _options: ModuleOptions) {}
