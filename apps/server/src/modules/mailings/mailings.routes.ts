import type { FastifyInstance } from 'fastify';
import type { ModuleOptions } from '../../http/route-helpers.ts';

/** Mail templates (`/templates`), mailings (`/mailings`), contacts' marketing consent and the birthday automation. */
export async function mailingRoutes(_app: FastifyInstance, _options: ModuleOptions) {}
