import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { THROTTLE } from './login-throttle.ts';

// Ended sessions are kept a while so that "who was signed in when" can still be answered.
const KEEP_ENDED_SESSIONS_DAYS = 30;

/** Deletes sign-in records nobody needs any more: old throttle windows and long-ended sessions. */
export async function pruneAuthRecords(db: Database): Promise<{ failures: number; sessions: number }> {
  const failures = await db.execute(
    sql`DELETE FROM login_failure WHERE window_started_at < now() - make_interval(secs => ${THROTTLE.windowSeconds})`,
  );
  const sessions = await db.execute(sql`
    DELETE FROM session
    WHERE coalesce(revoked_at, expires_at) < now() - make_interval(days => ${KEEP_ENDED_SESSIONS_DAYS})`);
  return { failures: failures.rowCount ?? 0, sessions: sessions.rowCount ?? 0 };
}
