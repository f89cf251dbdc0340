import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';

/** Failed logins allowed per window, per e-mail and per client address. */
export const THROTTLE = { windowSeconds: 15 * 60, perEmail: 5, perAddress: 30 };

function keysOf(email: string, ip: string) {
  return [
    { key: `email:${email}`, limit: THROTTLE.perEmail },
    { key: `ip:${ip}`, limit: THROTTLE.perAddress },
  ];
}

/** Refuses with 429 while the e-mail or the address has failed too often in the window. */
export async function assertNotThrottled(db: Executor, email: string, ip: string): Promise<void> {
  for (const { key, limit } of keysOf(email, ip)) {
    const result = await db.execute<{ failures: number; retry: number }>(sql`
      SELECT failures,
             CEIL(EXTRACT(EPOCH FROM window_started_at + make_interval(secs => ${THROTTLE.windowSeconds}) - now()))::int AS retry
      FROM login_failure
      WHERE key = ${key} AND window_started_at > now() - make_interval(secs => ${THROTTLE.windowSeconds})`);
    const row = result.rows[0];
    if (row && row.failures >= limit) {
      throw new AppError('too_many_requests', 'Too many failed sign-in attempts; try again later', {
        headers: { 'retry-after': String(Math.max(1, row.retry)) },
      });
    }
  }
}

/** Counts one failed login against the e-mail and the address. */
export async function recordFailure(db: Executor, email: string, ip: string): Promise<void> {
  for (const { key } of keysOf(email, ip)) {
    await db.execute(sql`
      INSERT INTO login_failure (key, failures, window_started_at) VALUES (${key}, 1, now())
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN login_failure.window_started_at > now() - make_interval(secs => ${THROTTLE.windowSeconds})
                        THEN login_failure.failures + 1 ELSE 1 END,
        window_started_at = CASE WHEN login_failure.window_started_at > now() - make_interval(secs => ${THROTTLE.windowSeconds})
                                 THEN login_failure.window_started_at ELSE now() END`);
  }
}

/** A successful login forgives the e-mail's failures (not the address's). */
export async function clearFailures(db: Executor, email: string): Promise<void> {
  await db.execute(sql`DELETE FROM login_failure WHERE key = ${`email:${email}`}`);
}
