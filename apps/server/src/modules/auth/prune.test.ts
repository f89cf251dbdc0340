import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { makeWorkspace, signIn, useTestApp } from '../../test/harness.ts';
import { pruneAuthRecords } from './prune.ts';

const t = useTestApp();

describe('pruning sign-in records', () => {
  it('removes old throttle windows and long-ended sessions, and keeps live ones', async () => {
    const { admin } = await makeWorkspace(t);
    const live = await signIn(t, admin.email);
    const ended = await signIn(t, admin.email);
    await ended.request({ method: 'POST', url: '/api/v1/auth/logout' });
    await t.db.execute(sql`UPDATE session SET revoked_at = now() - interval '31 days' WHERE revoked_at IS NOT NULL`);
    await t.db.execute(sql`INSERT INTO login_failure (key, failures, window_started_at) VALUES
      ('email:old@example.test', 3, now() - interval '1 hour'), ('email:new@example.test', 2, now())`);

    expect(await pruneAuthRecords(t.db)).toEqual({ failures: 1, sessions: 1 });
    const keys = await t.db.execute<{ key: string }>(sql`SELECT key FROM login_failure ORDER BY key`);
    expect(keys.rows.map((r) => r.key)).toEqual(['email:new@example.test']);
    expect((await live.request({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200);
  });
});
