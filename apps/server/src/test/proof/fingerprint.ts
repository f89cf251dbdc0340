import type pg from 'pg';

/**
 * Tables whose rows change on any request by design, not by what the request asked: sign-in
 * sessions (last seen), API tokens (last used), the audit trail, rate-limit and job bookkeeping.
 */
const VOLATILE = /^(session|portal_session|api_token|audit_event|audit_log|job|pgboss.*|rate_limit.*)$/;

/**
 * A digest of every row: per table the row count and the newest row version (xmin), since any
 * committed insert or update writes a newer version and a delete lowers the count; cheap, no hashing.
 */
/** A digest of every row of one workspace, per table: equal digests mean nothing of it changed. */
export type Fingerprint = Map<string, string>;

/** Builds the fingerprint query once per database: every table with a workspace_id column, plus the workspace row. */
export async function fingerprinter(pool: pg.Pool): Promise<(workspaceId: string) => Promise<Fingerprint>> {
  const { rows } = await pool.query<{ table_name: string }>(`
    SELECT c.table_name FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = 'public' AND c.column_name = 'workspace_id' AND t.table_type = 'BASE TABLE'
    ORDER BY c.table_name`);
  const tables = rows.map((r) => r.table_name).filter((name) => !VOLATILE.test(name));
  const parts = tables.map(
    (name) =>
      `SELECT '${name}' AS name, count(*)::text || ':' || coalesce(max(x.xmin::text::bigint), 0)::text AS digest FROM "${name}" x WHERE workspace_id = $1`,
  );
  parts.push(`SELECT 'workspace', x.xmin::text FROM workspace x WHERE id = $1`);
  const query = parts.join(' UNION ALL ');
  return async (workspaceId) => {
    const result = await pool.query<{ name: string; digest: string }>(query, [workspaceId]);
    return new Map(result.rows.map((r) => [r.name, r.digest]));
  };
}

/** The tables whose rows differ between two fingerprints. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  return [...after.keys()].filter((name) => before.get(name) !== after.get(name));
}
