import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness.ts';
import { startJobs } from './jobs.ts';

const t = useTestApp();

describe('jobs', () => {
  it('stops a long job before it expires and queues it again, so that two runs of it never overlap', async () => {
    const runs: { started: number; ended: number }[] = [];
    let remaining = 3; // steps of work left, one per run that is not stopped at once
    let finish: () => void = () => {};
    const done = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const jobs = await startJobs(
      t.pool,
      {
        long: async (_data, stopping) => {
          const run = { started: performance.now(), ended: 0 };
          runs.push(run);
          // Works until told to stop: a run that used its time (half the expiry) leaves the rest to the next.
          while (!stopping()) await new Promise((resolve) => setTimeout(resolve, 50));
          remaining -= 1;
          run.ended = performance.now();
          if (remaining === 0) finish();
        },
      },
      { expireInSeconds: 2, pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1 },
    );
    try {
      await jobs.send('long', { n: 1 }, 'the-one');
      await done;
    } finally {
      await jobs.stop();
    }
    expect(runs.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < runs.length; i += 1)
      expect(runs[i]?.started).toBeGreaterThanOrEqual(runs[i - 1]?.ended ?? Number.POSITIVE_INFINITY);
  });

  it('keeps a schedule a module adds, and runs its job', async () => {
    const jobs = await startJobs(t.pool, {}, { pollingIntervalSeconds: 0.5 });
    try {
      let ran: () => void = () => {};
      const done = new Promise<void>((resolve) => {
        ran = resolve;
      });
      await jobs.schedule('first-of-month', '0 3 1 * *', async () => ran());
      const schedules = await t.pool.query("SELECT name, cron FROM pgboss.schedule WHERE name = 'first-of-month'");
      expect(schedules.rows).toEqual([{ name: 'first-of-month', cron: '0 3 1 * *' }]);
      await jobs.send('first-of-month', {});
      await done;
    } finally {
      await jobs.stop();
    }
  });
});
