import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from './harness.ts';

/**
 * The tenancy rule of the schema, read from the live catalog of the migrated database: every
 * table's primary key starts with `workspace_id`, and every foreign key carries it to the same
 * column of the table it refers to. It keeps one workspace's rows together, so that the schema
 * maps onto Citus tables distributed by `workspace_id` (see docs/scaling.md). The lists below
 * are the exceptions, each with its reason; a table that comes into line must leave its list
 * (one no longer in the schema needs no exception and is passed over).
 */

/** Tables of the public schema whose primary key does not start with `workspace_id`. */
const KEYED_OTHERWISE: Record<string, string> = {
  workspace: 'the tenant itself: its key is the workspace id (a reference table under Citus)',
  login_failure: 'global: the sign-in throttle counts failures per e-mail and per address before any workspace is known',
  rate_limit_hit: 'global: request counts per route and client address, taken before any workspace is known',
};

/** Tables without a `workspace_id` column at all. */
const WITHOUT_WORKSPACE = ['login_failure', 'rate_limit_hit', 'workspace'];

/**
 * Unique indexes without `workspace_id`: secrets looked up before the workspace is known (a
 * session cookie, a token in a link). Under Citus each becomes a lookup across shards, and its
 * uniqueness rests on the secret's randomness (see docs/scaling.md).
 */
const GLOBAL_UNIQUE: Record<string, string> = {
  api_token_hash_key: 'a personal API token, found by its hash on each request',
  birthday_greeting_token_key: "a birthday e-mail's link token",
  calendar_feed_token_key: "a person's secret calendar feed address",
  login_failure_pkey: 'the global sign-in throttle',
  mailing_recipient_token_key: "a mailing's unsubscribe and tracking link token",
  rate_limit_hit_pkey: 'the global request rate limits',
  portal_session_token_hash_key: "a customer portal session's cookie",
  portal_token_hash_key: "a customer portal invitation or reset link's token",
  session_token_hash_key: "an employee's session cookie",
  survey_invitation_token_key: "a survey invitation's link token",
  web_form_key: "a web form's public key, in the embed code sites carry",
  workspace_pkey: 'the tenant itself',
  workspace_slug_key: "a workspace's name in addresses",
};

type TableRow = { table: string; pk: string[] | null; workspaceColumn: 'not null' | 'nullable' | null };
type ForeignKeyRow = { name: string; table: string; refers: string; columns: string[]; referenced: string[] };
type UniqueRow = { table: string; index: string; columns: (string | null)[] };

const t = useTestApp();
let tables: TableRow[] = [];
let foreignKeys: ForeignKeyRow[] = [];
let uniques: UniqueRow[] = [];
/** The listed exceptions that name a table or index of the schema. */
const present = (names: string[], existing: string[]) => names.filter((name) => existing.includes(name)).sort();

beforeAll(async () => {
  tables = (
    await t.pool.query<TableRow>(`
      SELECT c.relname AS "table",
        (SELECT array_agg(a.attname ORDER BY k.ord)::text[] FROM pg_constraint p
           CROSS JOIN LATERAL unnest(p.conkey) WITH ORDINALITY k(attnum, ord)
           JOIN pg_attribute a ON a.attrelid = p.conrelid AND a.attnum = k.attnum
          WHERE p.conrelid = c.oid AND p.contype = 'p') AS pk,
        (SELECT CASE WHEN a.attnotnull THEN 'not null' ELSE 'nullable' END FROM pg_attribute a
          WHERE a.attrelid = c.oid AND a.attname = 'workspace_id' AND NOT a.attisdropped) AS "workspaceColumn"
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      ORDER BY 1`)
  ).rows;
  foreignKeys = (
    await t.pool.query<ForeignKeyRow>(`
      SELECT f.conname AS name, f.conrelid::regclass::text AS "table", f.confrelid::regclass::text AS refers,
        (SELECT array_agg(a.attname ORDER BY k.ord)::text[] FROM unnest(f.conkey) WITH ORDINALITY k(attnum, ord)
           JOIN pg_attribute a ON a.attrelid = f.conrelid AND a.attnum = k.attnum) AS columns,
        (SELECT array_agg(a.attname ORDER BY k.ord)::text[] FROM unnest(f.confkey) WITH ORDINALITY k(attnum, ord)
           JOIN pg_attribute a ON a.attrelid = f.confrelid AND a.attnum = k.attnum) AS referenced
      FROM pg_constraint f JOIN pg_namespace n ON n.oid = f.connamespace
      WHERE f.contype = 'f' AND n.nspname = 'public'
      ORDER BY 2, 1`)
  ).rows;
  uniques = (
    await t.pool.query<UniqueRow>(`
      SELECT i.indrelid::regclass::text AS "table", c.relname AS index,
        (SELECT array_agg(a.attname ORDER BY k.ord)::text[] FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
           LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum) AS columns
      FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND i.indisunique
      ORDER BY 1, 2`)
  ).rows;
});

describe('the schema rule: workspace_id first in every key', () => {
  it('reads the whole migrated schema', () => {
    expect(tables.length).toBeGreaterThan(100);
    expect(foreignKeys.length).toBeGreaterThan(200);
    for (const table of ['workspace', 'app_user', 'login_failure', 'credit_limit']) expect(tables.map((row) => row.table)).toContain(table);
  });

  it('gives every table a primary key whose first column is workspace_id, but the listed exceptions', () => {
    const breaking = tables.filter((row) => row.pk?.[0] !== 'workspace_id').map((row) => row.table);
    const listed = present(
      Object.keys(KEYED_OTHERWISE),
      tables.map((row) => row.table),
    );
    expect(breaking.sort()).toEqual(listed);
  });

  it('gives every other table a workspace_id that may not be null', () => {
    expect(
      tables
        .filter((row) => row.workspaceColumn === null)
        .map((row) => row.table)
        .sort(),
    ).toEqual(WITHOUT_WORKSPACE);
    expect(tables.filter((row) => row.workspaceColumn === 'nullable').map((row) => row.table)).toEqual([]);
  });

  it('carries workspace_id in every foreign key, onto the same column of the referenced table (the workspace: its id)', () => {
    const breaking = foreignKeys.filter((fk) => {
      const at = fk.columns.indexOf('workspace_id');
      if (at < 0) return true;
      return fk.referenced[at] !== (fk.refers === 'workspace' ? 'id' : 'workspace_id');
    });
    expect(breaking.map((fk) => `${fk.table}.${fk.name}`)).toEqual([]);
  });

  it('starts every unique index with workspace_id, but the global lookups listed', () => {
    const breaking = uniques.filter((row) => row.columns[0] !== 'workspace_id').map((row) => row.index);
    const listed = present(
      Object.keys(GLOBAL_UNIQUE),
      uniques.map((row) => row.index),
    );
    expect(breaking.sort()).toEqual(listed);
  });

  it('gives every table a primary key (Citus moves shards by logical replication, which needs one)', () => {
    expect(tables.filter((row) => row.pk === null).map((row) => row.table)).toEqual([]);
  });
});
