import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '../db/client.ts';
import type { ReadReplicas } from '../db/replicas.ts';
import type { Clock } from '../lib/clock.ts';
import type { JobQueue } from '../modules/jobs/jobs.ts';
import type { Ctx } from './context.ts';
import { AppError } from './errors.ts';

/** A Fastify scope whose routes are typed from their zod schemas. */
export type Api = ReturnType<FastifyInstance['withTypeProvider']> & FastifyInstance;
/**
 * What every module's routes get: the database, the job queue, the folder attachments are kept in,
 * and the server's clock (moved forward in demonstrations and end-to-end tests) for work that
 * continues on its own, such as process timers.
 */
export type ModuleOptions = {
  db: Database;
  authRateLimit: number;
  jobs: JobQueue | undefined;
  filesDir: string;
  clock: Clock;
  /** Where e-mail is sent through (mailings' test sends); unset: no SMTP server is configured. */
  mail: MailSettings | undefined;
  /** The address people open the app at, for links in e-mails and on public pages. */
  publicUrl: string;
  /** Read replicas, when configured (the system status shows how far behind they are). */
  replicas?: ReadReplicas | undefined;
};

/** An SMTP server (`smtp://user:pass@host:587` or nodemailer's options) and the sender's address. */
export type MailSettings = {
  transport: string | { host?: string; port?: number; secure?: boolean; auth?: { user: string; pass: string }; ignoreTLS?: boolean };
  from: string;
};

export function typed(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>();
}

/** The service context of an authenticated request. */
export function ctxOf(db: Database, request: FastifyRequest): Ctx {
  if (!request.actor) throw new AppError('unauthenticated', 'Sign in to continue');
  return { db, actor: request.actor };
}

/**
 * Like `ctxOf`, for a route that only reads (reports, dashboards, search): its queries go to a
 * read replica that has seen the person's own writes when one is configured, else to `db`.
 */
export function readCtxOf(db: Database, request: FastifyRequest): Ctx {
  return ctxOf(request.readDb ?? db, request);
}

/** `Content-Disposition` for a file name in any language: an ASCII fallback and the UTF-8 name. */
export function attachment(filename: string): string {
  const ascii = filename
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
