import type { FastifyInstance } from 'fastify';
import type { ModuleOptions } from '../../http/route-helpers.ts';

/** The report builder: run a definition, and keep it as a private or shared saved report. */
export async function reportBuilderRoutes(_app: FastifyInstance, _options: ModuleOptions) {}
