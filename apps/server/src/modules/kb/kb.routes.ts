import type { FastifyInstance } from 'fastify';
import type { ModuleOptions } from '../../http/route-helpers.ts';

/** The knowledge base for staff (`/kb-articles`, `/kb-categories`) and its public face (`/public/kb/:workspace/...`). */
export async function kbRoutes(_app: FastifyInstance, _options: ModuleOptions) {}
