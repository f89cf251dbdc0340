import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../test/harness.ts';
import { createDatabase } from './client.ts';

const t = useTestApp();

describe('the connection pool', () => {
  it('leaves a connection free for reads made from inside transactions, so many such transactions at once all finish', async () => {
    // Six connections; eight transactions that each read through the pool while they hold their
    // own connection, as a share looked up for a record does inside an update. Without a limit on
    // transactions, six of them would take every connection and wait for a seventh for good
    // (until the pool's wait ends in an error). Two transactions at once leave four connections.
    const { db, pool } = createDatabase(t.url, 6);
    try {
      let open = 0;
      let mostOpen = 0;
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, index) =>
          db.transaction(async (tx) => {
            open++;
            mostOpen = Math.max(mostOpen, open);
            try {
              await tx.execute(sql`SELECT 1`);
              const outside = await db.execute<{ n: number }>(sql`SELECT ${index}::int AS n, pg_sleep(0.05)`);
              await tx.execute(sql`SELECT 1`);
              return outside.rows[0]?.n;
            } finally {
              open--;
            }
          }),
        ),
      );
      expect(results).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      expect(mostOpen).toBe(2);
    } finally {
      await pool.end();
    }
  });

  it('still rolls a failed transaction back, passes its error on and frees its turn', async () => {
    // One transaction at a time on two connections: the second waits for the failed first.
    const { db, pool } = createDatabase(t.url, 2);
    try {
      await db.execute(sql`CREATE TABLE pool_probe (n int)`);
      const failed = db.transaction(async (tx) => {
        await tx.execute(sql`INSERT INTO pool_probe VALUES (1)`);
        throw new Error('refused');
      });
      const next = db.transaction(
        async (tx) => (await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM pool_probe`)).rows[0]?.n,
      );
      await expect(failed).rejects.toThrow('refused');
      expect(await next).toBe(0);
    } finally {
      await db.execute(sql`DROP TABLE IF EXISTS pool_probe`);
      await pool.end();
    }
  });
});
