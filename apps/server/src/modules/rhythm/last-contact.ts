import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { contactedThrough } from './customers.ts';

/** The job that refreshes `customer_last_contact`, and how often it runs. */
export const LAST_CONTACT_JOB = 'customer-last-contact';
export const LAST_CONTACT_SCHEDULE = '* * * * *';

const KINDS = ['call', 'meeting', 'visit', 'email', 'note'] as const;

/**
 * Refreshes the kept newest activities of every customer marked as changed since the last run (and
 * of their companies, for a contact), and of every customer whose planned activity has come: one
 * statement, in which taking the marks and reading the timelines see the same snapshot, so a change
 * committed meanwhile keeps its mark for the next run. One process at a time (the others skip).
 * Answers how many customers were refreshed.
 */
export async function refreshLastContacts(db: Database): Promise<number> {
  return db.transaction(async (tx) => {
    const locked = await tx.execute<{ ok: boolean }>(sql`SELECT pg_try_advisory_xact_lock(hashtext(${LAST_CONTACT_JOB})) AS ok`);
    if (!locked.rows[0]?.ok) return 0;
    const latest = (kind: string) => sql.raw(`max(l.occurred_at) FILTER (WHERE l.activity_type = '${kind}' AND l.occurred_at <= now())`);
    const result = await tx.execute(sql`
      WITH taken AS (
        DELETE FROM customer_last_contact_change RETURNING workspace_id, entity_type, entity_id
      ), marked AS (
        SELECT workspace_id, entity_type, entity_id FROM taken
        UNION
        SELECT workspace_id, customer_type, customer_id FROM customer_last_contact WHERE next_at <= now()
      ), customers AS (
        SELECT workspace_id, entity_type AS customer_type, entity_id AS customer_id FROM marked
        UNION
        SELECT cc.workspace_id, 'company', cc.company_id FROM marked m
        JOIN contact_company cc ON cc.workspace_id = m.workspace_id AND cc.contact_id = m.entity_id
        WHERE m.entity_type = 'contact'
      ), records AS (
        SELECT c.workspace_id, c.customer_type, c.customer_id, c.customer_id AS entity_id FROM customers c
        UNION ALL
        SELECT c.workspace_id, c.customer_type, c.customer_id, cc.contact_id FROM customers c
        JOIN contact_company cc ON cc.workspace_id = c.workspace_id AND cc.company_id = c.customer_id
        WHERE c.customer_type = 'company'
      )
      INSERT INTO customer_last_contact AS k (workspace_id, customer_id, customer_type, call_at, meeting_at, visit_at, email_at,
        note_at, next_at, refreshed_at)
      SELECT r.workspace_id, r.customer_id, r.customer_type, ${sql.join(
        KINDS.map((kind) => latest(kind)),
        sql`, `,
      )}, min(l.occurred_at) FILTER (WHERE l.occurred_at > now()), now()
      FROM records r LEFT JOIN activity_link l ON l.workspace_id = r.workspace_id AND l.entity_id = r.entity_id
      GROUP BY 1, 2, 3 ORDER BY 1, 2
      ON CONFLICT (workspace_id, customer_id) DO UPDATE SET call_at = excluded.call_at, meeting_at = excluded.meeting_at,
        visit_at = excluded.visit_at, email_at = excluded.email_at, note_at = excluded.note_at, next_at = excluded.next_at,
        refreshed_at = excluded.refreshed_at`);
    return result.rowCount ?? 0;
  });
}

/** The pg-boss handler of the refresh. */
export const lastContactJob = (db: Database) => async () => {
  await refreshLastContacts(db);
};

/**
 * The customers of workspace `workspaceId` marked as changed since the last refresh, companies
 * through their people too, as a FROM item `marked(id)`: their kept row may be behind.
 */
export function markedSql(workspaceId: string): SQL {
  return sql`(
    SELECT m.entity_id AS id FROM customer_last_contact_change m WHERE m.workspace_id = ${workspaceId}
    UNION
    SELECT cc.company_id FROM customer_last_contact_change m
    JOIN contact_company cc ON cc.workspace_id = m.workspace_id AND cc.contact_id = m.entity_id
    WHERE m.workspace_id = ${workspaceId} AND m.entity_type = 'contact'
  ) AS marked`;
}

/**
 * Customer `c`'s newest activity that has happened by `now`, of the kinds `kinds` (per class of the
 * customer, or every kind when null), given its kept row `k` (LEFT JOINed on the customer) and
 * `marked` (LEFT JOINed on the customer): the kept row answers unless the customer is marked, the
 * row was refreshed after `now`-dated activities (a report about an earlier moment), or a planned
 * activity has come since; then the customer's timeline answers, from its index.
 */
export function lastActivitySql(workspaceId: string, now: string, kinds: Readonly<Record<string, readonly string[]>> | null): SQL {
  const column = (kind: string) => sql.raw(`k.${kind}_at`);
  const all = sql`greatest(${sql.join(KINDS.map(column), sql`, `)})`;
  const byClass = (each: (types: readonly string[]) => SQL) =>
    sql`CASE c.class ${sql.join(
      Object.entries(kinds ?? {}).map(([cls, types]) => sql`WHEN ${cls} THEN ${each(types)}`),
      sql` `,
    )} END`;
  const kept = kinds
    ? byClass((types) => sql`greatest(${sql.join(KINDS.filter((kind) => types.includes(kind)).map(column), sql`, `)})`)
    : all;
  const told = sql`marked.id IS NULL AND (k.customer_id IS NULL
    OR ((${all} IS NULL OR ${all} <= ${now}::timestamptz) AND (k.next_at IS NULL OR k.next_at > ${now}::timestamptz)))`;
  const typeFilter = kinds ? sql`AND l.activity_type = ANY(${byClass((types) => sql`${`{${types.join(',')}}`}::text[]`)})` : sql``;
  return sql`CASE WHEN ${told} THEN ${kept} ELSE (
    SELECT max(l.occurred_at) FROM activity_link l
    WHERE l.workspace_id = ${workspaceId} AND l.entity_id = ANY(${contactedThrough(workspaceId)})
      ${typeFilter} AND l.occurred_at <= ${now}::timestamptz
  ) END`;
}

/** The joins `lastActivitySql` reads, for customers `c`. */
export function lastContactJoins(workspaceId: string): SQL {
  return sql`LEFT JOIN customer_last_contact k ON k.workspace_id = ${workspaceId} AND k.customer_id = c.id
    LEFT JOIN ${markedSql(workspaceId)} ON marked.id = c.id`;
}
