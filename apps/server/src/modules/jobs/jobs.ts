import type pg from 'pg';
import PgBoss from 'pg-boss';

/**
 * A job's work; it must be safe to run again, since a job whose process died is retried.
 * Long work checks `stopping()` between steps and returns early when the process stops, or
 * when the job has used its time: then the job is queued again and resumes where it left off.
 */
export type JobHandler = (data: Record<string, unknown>, stopping: () => boolean) => Promise<void>;

export type JobQueue = {
  /** Queues a job; with a key, at most one job per key waits in the queue. */
  send(name: string, data: Record<string, unknown>, key?: string): Promise<void>;
  /**
   * Adds a job on a cron schedule once the queue runs (a module's own schedule, such as the
   * monthly ABC classes); each tick is queued once whatever the number of processes.
   */
  schedule(name: string, cron: string, handler: JobHandler): Promise<void>;
  stop(): Promise<void>;
};

export type JobOptions = {
  /** A job still active after this long is taken as dead (its process was killed) and retried. */
  expireInSeconds?: number;
  /** How often a process looks for expired jobs. */
  maintenanceIntervalSeconds?: number;
  pollingIntervalSeconds?: number;
  onError?: (error: unknown) => void;
  /**
   * Jobs queued on a cron schedule (`'* * * * *'`: every minute). Every process keeps the
   * schedule; pg-boss queues each tick once, and one process takes it.
   */
  schedules?: Record<string, string>;
};

/**
 * Durable jobs in PostgreSQL (pg-boss on the application's pool): any number of server
 * processes take jobs with `FOR UPDATE SKIP LOCKED`, so none is done twice at once, and a
 * job whose process died is taken again once it expires.
 */
export async function startJobs(pool: pg.Pool, handlers: Record<string, JobHandler>, options: JobOptions = {}): Promise<JobQueue> {
  const boss = new PgBoss({
    db: { executeSql: (text, values) => pool.query(text, values) },
    schema: 'pgboss',
    schedule: Boolean(options.schedules),
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 15,
  });
  boss.on('error', (error) => options.onError?.(error));
  let stopping = false;
  const running = new Set<Promise<void>>();
  await boss.start();
  const expireInSeconds = options.expireInSeconds ?? 60;
  const register = async (name: string, handler: JobHandler) => {
    await boss.createQueue(name, {
      name,
      // One waiting job per key (e.g. per import); the ones running are not limited.
      policy: 'short',
      retryLimit: 20,
      retryDelay: 2,
      expireInSeconds,
    });
    await boss.work<Record<string, unknown>>(
      name,
      { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1, includeMetadata: true },
      async (jobs) => {
        for (const job of jobs) {
          // pg-boss gives up on a handler still running when its job expires and retries the job at
          // once, while the first run goes on: a long job stops in time and is queued again instead.
          const deadline = performance.now() + expireInSeconds * 500;
          let timeUp = false;
          const work = handler(job.data, () => {
            timeUp ||= performance.now() > deadline;
            return stopping || timeUp;
          });
          running.add(work);
          try {
            await work;
          } catch (error) {
            options.onError?.(error);
            throw error; // The job fails and is retried.
          } finally {
            running.delete(work);
          }
          // Left early because the process stops: another process (or this one, started again) takes it up.
          if (stopping) throw new Error('stopped before the end; the job will be taken up again');
          if (timeUp) await boss.send(name, job.data, job.singletonKey ? { singletonKey: job.singletonKey } : {});
        }
      },
    );
  };
  for (const [name, handler] of Object.entries(handlers)) await register(name, handler);
  for (const [name, cron] of Object.entries(options.schedules ?? {})) await boss.schedule(name, cron);
  return {
    async send(name, data, key) {
      await boss.send(name, data, key ? { singletonKey: key } : {});
    },
    async schedule(name, cron, handler) {
      await register(name, handler);
      await boss.schedule(name, cron);
    },
    async stop() {
      stopping = true;
      await Promise.allSettled([...running]);
      await boss.stop({ graceful: true, close: false, wait: true, timeout: 10_000 });
    },
  };
}
