import { randomBytes } from 'node:crypto';
import type { TCreateWorkspaceInput, TSession } from '@clientela/contract';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { createDatabase, type Database } from '../db/client.ts';
import { buildApp } from '../http/app.ts';
import type { MailSettings } from '../http/route-helpers.ts';
import { createSignedInCache, listenForAuthChanges, type SignedInCache } from '../modules/auth/signed-in-cache.ts';
import { EXPORT_JOB } from '../modules/exports/export-jobs.ts';
import { exportJob } from '../modules/exports/exports.routes.ts';
import { IMPORT_JOB, importJob } from '../modules/imports/imports.routes.ts';
import { type JobOptions, type JobQueue, startJobs } from '../modules/jobs/jobs.ts';
import { MAILING_JOB, mailingJob } from '../modules/mailings/send-job.ts';
import { type LiveNotifications, listenForNotifications } from '../modules/notifications/live.ts';
import { SURVEY_INVITE_JOB, surveyInviteJob } from '../modules/surveys/invite-job.ts';
import { createWorkspace } from '../modules/workspaces/index.ts';

export type TestApp = {
  app: FastifyInstance;
  db: Database;
  pool: pg.Pool;
  url: string;
  signedInCache: SignedInCache;
  stopListening: () => Promise<void>;
  /** New notices, told to open streams. */
  live: LiveNotifications;
  /** The job queue, when the test file asked for one. */
  jobs: JobQueue | undefined;
};

/**
 * Gives the test file the real application on its own database, cloned from the migrated
 * template: files run in parallel and nothing is truncated between tests.
 */
export function useTestApp(options: { jobs?: JobOptions; mail?: MailSettings; publicUrl?: string } = {}): TestApp {
  const handle = {} as TestApp;
  const name = `${inject('runPrefix')}_${randomBytes(5).toString('hex')}`;
  beforeAll(async () => {
    const adminUrl = inject('adminUrl');
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('templateDatabase')}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    handle.url = url.toString();
    // Two connections are held by the listeners (sign-ins, live notices).
    const { db, pool } = createDatabase(handle.url, options.jobs ? 10 : 7);
    handle.db = db;
    handle.pool = pool;
    handle.signedInCache = createSignedInCache();
    const listener = listenForAuthChanges(pool, handle.signedInCache);
    handle.stopListening = listener.stop;
    handle.live = listenForNotifications(pool);
    await Promise.all([listener.ready, handle.live.ready]);
    const publicUrl = options.publicUrl ?? 'http://127.0.0.1:3000';
    if (options.jobs) {
      handle.jobs = await startJobs(
        pool,
        {
          [IMPORT_JOB]: importJob(db),
          [EXPORT_JOB]: exportJob(db),
          [MAILING_JOB]: mailingJob(db, options.mail, publicUrl),
          [SURVEY_INVITE_JOB]: surveyInviteJob(db, options.mail, publicUrl),
        },
        options.jobs,
      );
    }
    handle.app = await buildApp({
      db,
      ...(handle.jobs ? { jobs: handle.jobs } : {}),
      signedInCache: handle.signedInCache,
      live: handle.live,
      ping: async () => {
        await pool.query('SELECT 1');
      },
      logLevel: process.env.TEST_LOG_LEVEL ?? 'silent',
      authRateLimit: 100_000,
      ...(options.mail ? { mail: options.mail } : {}),
      publicUrl,
    });
  });
  afterAll(async () => {
    await handle.app?.close();
    await handle.jobs?.stop();
    await handle.stopListening?.();
    await handle.live?.stop();
    await handle.pool?.end();
    const admin = new pg.Client({ connectionString: inject('adminUrl') });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });
  return handle;
}

let counter = 0;
/** A unique e-mail for a test person. */
export function uniqueEmail(prefix = 'user'): string {
  counter += 1;
  return `${prefix}.${counter}.${randomBytes(3).toString('hex')}@example.test`;
}

export const PASSWORD = 'correct horse battery';

/** Makes a workspace with its admin, straight through the service. */
export async function makeWorkspace(t: TestApp, overrides: Partial<TCreateWorkspaceInput> = {}) {
  return createWorkspace(t.db, {
    workspaceName: 'Bakery Rossi',
    name: 'Anna Rossi',
    email: uniqueEmail('admin'),
    password: PASSWORD,
    locale: 'en',
    timeZone: 'Europe/Rome',
    ...overrides,
  });
}

/** A signed-in browser: keeps the session cookie and sends the CSRF token on writes. */
export type Browser = {
  request: (options: InjectOptions) => Promise<LightMyRequestResponse>;
  cookie: string;
  csrfToken: string;
  session: TSession;
};

/** Signs in through the real login route, as the web app does. */
export async function signIn(t: TestApp, email: string, password = PASSWORD): Promise<Browser> {
  const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  const set = response.cookies.find((c) => c.name === 'clientela_session');
  if (!set) throw new Error('no session cookie');
  const session = response.json<TSession>();
  const cookie = `clientela_session=${set.value}`;
  return {
    cookie,
    csrfToken: session.csrfToken,
    session,
    request: (options) =>
      t.app.inject({
        ...options,
        headers: { cookie, 'x-csrf-token': session.csrfToken, ...(options.headers ?? {}) },
      } as InjectOptions),
  };
}

/** A bakery with two shops: an admin, a manager and an employee in each shop. */
export async function makeBakery(t: TestApp) {
  const { admin } = await makeWorkspace(t);
  const owner = await signIn(t, admin.email);
  const shopA = (await owner.request({ method: 'POST', url: '/api/v1/units', payload: { name: 'Via Roma' } })).json();
  const shopB = (await owner.request({ method: 'POST', url: '/api/v1/units', payload: { name: 'Via Milano' } })).json();
  const person = async (name: string, role: string, unitId: string) => {
    const email = uniqueEmail(name);
    const user = (
      await owner.request({ method: 'POST', url: '/api/v1/users', payload: { email, name, password: PASSWORD, role, unitId } })
    ).json();
    return { user, browser: await signIn(t, email) };
  };
  return {
    owner,
    shopA,
    shopB,
    managerA: await person('Marta', 'manager', shopA.id),
    employeeA: await person('Elio', 'employee', shopA.id),
    employeeA2: await person('Ezio', 'employee', shopA.id),
    employeeB: await person('Bea', 'employee', shopB.id),
  };
}

/** POSTs through the API and returns what was created; any answer but 201 fails the test with the server's body. */
export async function post(browser: Browser, url: string, payload: Record<string, unknown>) {
  const response = await browser.request({ method: 'POST', url, payload });
  if (response.statusCode !== 201) throw new Error(`${url} failed: ${response.body}`);
  return response.json();
}

/** GETs through the API and returns the body as JSON. */
export const get = async (browser: Browser, url: string) => (await browser.request({ method: 'GET', url })).json();
