import { describe, expect, it } from 'vitest';
import { makeWorkspace, useTestApp } from '../../test/harness.ts';

const t = useTestApp();

describe('the audit log in the database', () => {
  it('refuses UPDATE and DELETE, lets the retention sweep delete, and goes with its workspace', async () => {
    const { workspace } = (await makeWorkspace(t)) as unknown as { workspace: { id: string } };
    const insert = () =>
      t.pool.query(`INSERT INTO audit_event (workspace_id, actor_kind, action) VALUES ($1, 'system', 'test') RETURNING id`, [workspace.id]);
    const { id } = (await insert()).rows[0];
    await expect(t.pool.query(`UPDATE audit_event SET action = 'x' WHERE id = $1`, [id])).rejects.toThrow(/cannot be changed/);
    await expect(t.pool.query(`DELETE FROM audit_event WHERE id = $1`, [id])).rejects.toThrow(/cannot be changed/);
    const client = await t.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SET LOCAL clientela.audit_prune = 'on'`);
      expect((await client.query(`DELETE FROM audit_event WHERE id = $1`, [id])).rowCount).toBe(1);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    await insert();
    await t.pool.query('DELETE FROM workspace WHERE id = $1', [workspace.id]);
    expect((await t.pool.query('SELECT count(*)::int AS n FROM audit_event WHERE workspace_id = $1', [workspace.id])).rows[0].n).toBe(0);
  });
});
