import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '../db/client.ts';
import type { Ctx } from './context.ts';
import { AppError } from './errors.ts';

/** A Fastify scope whose routes are typed from their zod schemas. */
export type Api = ReturnType<FastifyInstance['withTypeProvider']> & FastifyInstance;
export type ModuleOptions = { db: Database; authRateLimit: number };

export function typed(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>();
}

/** The service context of an authenticated request. */
export function ctxOf(db: Database, request: FastifyRequest): Ctx {
  if (!request.actor) throw new AppError('unauthenticated', 'Sign in to continue');
  return { db, actor: request.actor };
}
