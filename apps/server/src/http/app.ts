import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Database } from '../db/client.ts';
import type { ReadReplicas } from '../db/replicas.ts';
import { systemClock } from '../lib/clock.ts';
import { registerAuditCapture } from '../modules/audit/index.ts';
import { createSignedInCache, type SignedInCache } from '../modules/auth/signed-in-cache.ts';
import { calendarFeedRoute } from '../modules/calendar/calendar.routes.ts';
import type { JobQueue } from '../modules/jobs/jobs.ts';
import { webFormPublicRoutes } from '../modules/leads/web-form-public.routes.ts';
import { mailingLinkRoutes } from '../modules/mailings/mailing-links.routes.ts';
import { type LiveNotifications, liveNotificationRoutes } from '../modules/notifications/live.ts';
import { portalRoutes } from '../modules/portal/portal.routes.ts';
import { registerFieldRules } from '../modules/roles/field-rules.hooks.ts';
import { registerModules } from '../modules/routes.ts';
import { registerAdmission } from './admission.ts';
import { authenticate, forgetAfterWrites } from './authenticate.ts';
import { type ClockControl, clockRoutes } from './clock-routes.ts';
import { handleError, handleNotFound } from './error-handler.ts';
import { type Drain, registerHealth } from './health.ts';
import { refuseNulCharacters } from './nul-characters.ts';
import { postgresRateLimitStore } from './rate-limit-store.ts';
import { registerReadRouting } from './read-routing.ts';
import type { MailSettings, ModuleOptions } from './route-helpers.ts';

const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // antd injects its CSS-in-JS as <style> elements; scripts stay strictly 'self'.
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};
const CSP_HEADER = Object.entries(CSP_DIRECTIVES)
  .map(([name, values]) => `${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${values.join(' ')}`)
  .join('; ');

export type AppOptions = {
  db: Database;
  /** Answers whether the database is reachable, for /api/health and /api/ready. */
  ping: () => Promise<void>;
  /** The drain flag the process sets when it stops (/api/ready then answers 503); a new one when absent. */
  drain?: Drain;
  /** How long a stopping server lets requests in flight finish (10 s when absent). */
  shutdownGraceMs?: number;
  logLevel?: string;
  trustProxy?: boolean;
  /** Folder of the built web app; when absent only the API is served. */
  webDist?: string | undefined;
  /** Requests per minute per address on sign-in routes (flood guard; failures are throttled apart). */
  authRateLimit?: number;
  bodyLimit?: number;
  /** Cache of sign-ins, kept fresh by a listener (see listenForAuthChanges); disabled when absent. */
  signedInCache?: SignedInCache;
  /** The folder attached files are kept in; a new temporary folder when absent (tests, benchmarks). */
  filesDir?: string;
  /** The job queue (imports run there); routes that need it answer 503 without it. */
  jobs?: JobQueue;
  /** Tells open pages of new notices; without it there is no live stream (pages poll). */
  live?: LiveNotifications;
  /** A clock an admin may move forward, with the sweep to run after; only where the operator allowed it. */
  clockControl?: ClockControl;
  /** The SMTP server marketing mail goes through; without it mailings cannot be sent. */
  mail?: MailSettings;
  /** The address people open the app at (links in e-mails, embed codes); defaults to loopback. */
  publicUrl?: string;
  /** Read replicas (DATABASE_READ_URL) for reports, dashboards and search; all reads use `db` when absent. */
  replicas?: ReadReplicas;
  /** How many API requests work at once, the others waiting their turn (see registerAdmission); no limit when absent. */
  activeRequests?: number;
};

/** Builds the HTTP application: API, OpenAPI, security headers and the web app. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: options.logLevel ?? 'info',
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    },
    trustProxy: options.trustProxy ?? false,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    // An over-long path parameter or a malformed URL answers problem+json like every other error.
    frameworkErrors: handleError,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Bodies are JSON only: a form post from another site cannot reach the API.
  app.removeContentTypeParser(['text/plain']);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler(handleNotFound(options.webDist));

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    // Only meaningful behind HTTPS; a reverse proxy adds it where it terminates TLS.
    strictTransportSecurity: false,
  });
  await app.register(rateLimit, {
    global: false,
    // Counted in PostgreSQL: several server processes share each client's window.
    store: postgresRateLimitStore(options.db.$client),
    errorResponseBuilder: (_request, context) => {
      const error = new Error(`Rate limit exceeded, retry in ${context.after}`) as Error & { statusCode: number };
      error.statusCode = 429;
      return error;
    },
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Clientela API', version: '1', description: 'The HTTP API of Clientela, the open-source CRM.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'clientela_session' },
          token: { type: 'http', scheme: 'bearer', description: 'A personal API token' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
  });
  // The reference page gets the same policy as the app, not the plugin's own (which upgrades
  // requests to HTTPS and would break a plain-HTTP installation on loopback).
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true, transformStaticCSP: () => CSP_HEADER });

  app.decorateRequest('actor', null);
  app.decorateRequest('authMethod', null);
  app.decorateRequest('sessionSecret', null);
  app.decorateRequest('signedIn', null);
  const cache = options.signedInCache ?? createSignedInCache();
  if (options.activeRequests) registerAdmission(app, options.activeRequests);
  app.addHook('onRequest', authenticate(options.db, cache));
  app.addHook('preValidation', refuseNulCharacters);
  app.addHook('onSend', forgetAfterWrites(cache));
  // A defined role's hidden and read-only fields, on every route that shows or takes them.
  registerFieldRules(app, options.db);
  registerAuditCapture(app, options.db);
  if (options.replicas) registerReadRouting(app, options.replicas);

  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
  registerHealth(app, { db: options.db, ping: options.ping, drain: options.drain, shutdownGraceMs: options.shutdownGraceMs });

  await app.register(async (scope) => calendarFeedRoute(scope, { db: options.db }));
  // Public pages outside the API: the web forms sites embed (`/f/…`) and the unsubscribe and tracking links of mailings (`/u/…`, `/t/…`).
  await app.register(async (scope) =>
    webFormPublicRoutes(scope, { db: options.db, publicUrl: options.publicUrl ?? 'http://127.0.0.1:3000' }),
  );
  await app.register(async (scope) =>
    mailingLinkRoutes(scope, { db: options.db, publicUrl: options.publicUrl ?? 'http://127.0.0.1:3000' }),
  );
  const filesDir = options.filesDir ?? temporaryFilesDir(app);
  const moduleOptions: ModuleOptions = {
    db: options.db,
    authRateLimit: options.authRateLimit ?? 60,
    jobs: options.jobs,
    filesDir,
    clock: options.clockControl?.clock ?? systemClock,
    mail: options.mail,
    publicUrl: options.publicUrl ?? 'http://127.0.0.1:3000',
    replicas: options.replicas,
  };
  await app.register(async (api) => registerModules(api, moduleOptions), { prefix: '/api/v1' });

  // The customer portal's API: its own sessions, separate from employees' (`/api/portal/…`).
  await app.register(async (portal) => portalRoutes(portal, moduleOptions), { prefix: '/api/portal' });

  const { live, clockControl } = options;
  if (live) {
    app.addHook('preClose', async () => live.closeAll());
    await app.register(async (api) => liveNotificationRoutes(api, { live }), { prefix: '/api/v1' });
  }
  if (clockControl) await app.register(async (api) => clockRoutes(api, clockControl), { prefix: '/api/v1' });

  if (options.webDist && fs.existsSync(path.join(options.webDist, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: options.webDist,
      wildcard: false,
      index: false,
      setHeaders: (res, filePath) => {
        const hashed = filePath.includes(`${path.sep}assets${path.sep}`);
        res.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    app.get('/assets/*', { config: { public: true }, schema: { hide: true } }, (request, reply) => {
      const file = (request.params as { '*': string })['*'];
      return reply.sendFile(path.join('assets', file));
    });
  }
  return app;
}

/** A folder for attached files that lives as long as the application (tests, benchmarks): removed when it closes. */
function temporaryFilesDir(app: FastifyInstance): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clientela-files-'));
  app.addHook('onClose', async () => fs.promises.rm(dir, { recursive: true, force: true }));
  return dir;
}
