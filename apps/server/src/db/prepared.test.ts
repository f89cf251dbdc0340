import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { units } from '../modules/units/index.ts';
import { makeBakery, useTestApp } from '../test/harness.ts';
import { createDatabase } from './client.ts';
import { runPrepared } from './prepared.ts';

const t = useTestApp();

describe('prepared statements', () => {
  it('run under a name taken from their text, answer each run with its own values, and keep a generic plan once warmed', async () => {
    const bakery = await makeBakery(t);
    const [unit] = await t.db.select({ workspaceId: units.workspaceId }).from(units).where(eq(units.id, bakery.shopA.id));
    const workspaceId = unit?.workspaceId ?? '';
    // One connection, so that every run meets the statement that connection prepared.
    const { db, pool } = createDatabase(t.url, 1);
    try {
      const byName = (name: string) =>
        db
          .select({ name: units.name })
          .from(units)
          .where(and(eq(units.workspaceId, workspaceId), eq(units.name, name)));
      for (let round = 0; round < 6; round++) {
        for (const name of ['Via Roma', 'Via Milano', 'no such unit']) {
          const rows = await runPrepared(byName(name));
          expect(rows).toEqual(name === 'no such unit' ? [] : [{ name }]);
        }
      }
      const statements = await db.execute<{ statement: string; generic: number; custom: number }>(
        sql`SELECT statement, generic_plans::int AS generic, custom_plans::int AS custom FROM pg_prepared_statements`,
      );
      expect(statements.rows).toHaveLength(1);
      const [prepared] = statements.rows;
      expect(prepared?.statement).toContain('from "unit"');
      expect((prepared?.generic ?? 0) + (prepared?.custom ?? 0)).toBe(18);
      expect(prepared?.generic).toBeGreaterThan(0);
    } finally {
      await pool.end();
    }
  });
});
