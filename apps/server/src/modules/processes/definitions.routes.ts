import type { FastifyInstance } from 'fastify';
import type { ModuleOptions } from '../../http/route-helpers.ts';

/** The process designer's side: definitions, drafts, validation, publication, versions and templates. */
export async function processDefinitionRoutes(_app: FastifyInstance, _options: ModuleOptions) {}
