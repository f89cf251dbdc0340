import { createHash } from 'node:crypto';
import { Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';

/** One application table as a backup sees it: the columns COPY moves and the order rows are sorted in. */
export type TableInfo = { name: string; columns: string[]; orderBy: string };

/** What a table's dump is checked by: its rows and the SHA-256 of its sorted COPY text. */
export type TableDigest = { rows: number; sha256: string };

/**
 * Session settings that make COPY's text the same on every server and every session: timestamps
 * in UTC, ISO dates, exact floats, hex bytea. The backup and the restore's check both use them.
 */
export async function useStableOutput(client: pg.ClientBase): Promise<void> {
  await client.query(
    "SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'postgres'; SET extra_float_digits = 1; SET bytea_output = 'hex'",
  );
}

/**
 * The tables of the `public` schema in an order that loads them without breaking a foreign key
 * (a table after every table it points at), each with its stored columns (generated ones are made
 * again on load) and a sort key that gives the same order on any server.
 */
export async function listTables(client: pg.ClientBase): Promise<TableInfo[]> {
  const tables = await client.query<{ name: string; columns: string[]; keys: string[] | null; collatable: boolean[] | null }>(`
    SELECT c.relname AS name,
      (SELECT array_agg(a.attname::text ORDER BY a.attnum) FROM pg_attribute a
        WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '') AS columns,
      (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM pg_constraint p
        CROSS JOIN LATERAL unnest(p.conkey) WITH ORDINALITY AS k(attnum, ord)
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
        WHERE p.conrelid = c.oid AND p.contype = 'p') AS keys,
      (SELECT array_agg(a.attcollation <> 0 ORDER BY k.ord) FROM pg_constraint p
        CROSS JOIN LATERAL unnest(p.conkey) WITH ORDINALITY AS k(attnum, ord)
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
        WHERE p.conrelid = c.oid AND p.contype = 'p') AS collatable
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
    ORDER BY c.relname`);
  const references = await client.query<{ child: string; parent: string }>(`
    SELECT DISTINCT ch.relname AS child, pa.relname AS parent
    FROM pg_constraint f
    JOIN pg_class ch ON ch.oid = f.conrelid JOIN pg_namespace n ON n.oid = ch.relnamespace
    JOIN pg_class pa ON pa.oid = f.confrelid
    WHERE f.contype = 'f' AND n.nspname = 'public' AND f.conrelid <> f.confrelid`);
  const infos = new Map<string, TableInfo>();
  for (const row of tables.rows) {
    // Text keys sort by byte ("C") so that servers with other locales agree; a table without a
    // primary key (a few roll-ups) sorts by its whole row.
    const orderBy = row.keys
      ? row.keys.map((key, i) => `${ident(key)}${row.collatable?.[i] ? ' COLLATE "C"' : ''}`).join(', ')
      : `${ident(row.name)}::text COLLATE "C"`;
    infos.set(row.name, { name: row.name, columns: row.columns ?? [], orderBy });
  }
  const parents = new Map<string, Set<string>>();
  for (const { child, parent } of references.rows) {
    if (!parents.has(child)) parents.set(child, new Set());
    parents.get(child)?.add(parent);
  }
  return foreignKeyOrder([...infos.values()], parents);
}

function foreignKeyOrder(tables: TableInfo[], parents: Map<string, Set<string>>): TableInfo[] {
  const ordered: TableInfo[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const byName = new Map(tables.map((t) => [t.name, t]));
  const visit = (table: TableInfo, path: string[]) => {
    const seen = state.get(table.name);
    if (seen === 'done') return;
    if (seen === 'visiting') throw new Error(`The foreign keys of ${[...path, table.name].join(' → ')} form a cycle`);
    state.set(table.name, 'visiting');
    for (const parent of [...(parents.get(table.name) ?? [])].sort()) {
      const info = byName.get(parent);
      if (info) visit(info, [...path, table.name]);
    }
    state.set(table.name, 'done');
    ordered.push(table);
  };
  for (const table of tables) visit(table, []);
  return ordered;
}

/** The sequences of the `public` schema with where they stand now. */
export async function listSequences(client: pg.ClientBase): Promise<{ name: string; lastValue: string; isCalled: boolean }[]> {
  const names = await client.query<{ name: string }>(
    "SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY 1",
  );
  const sequences = [];
  for (const { name } of names.rows) {
    const state = await client.query<{ last_value: string; is_called: boolean }>(`SELECT last_value, is_called FROM ${ident(name)}`);
    const row = state.rows[0];
    if (row) sequences.push({ name, lastValue: row.last_value, isCalled: row.is_called });
  }
  return sequences;
}

/** The COPY statement that reads a table's rows in its stable order. */
export function copyOutSql(table: TableInfo): string {
  const columns = table.columns.map(ident).join(', ');
  return `COPY (SELECT ${columns} FROM ${ident(table.name)} ORDER BY ${table.orderBy}) TO STDOUT`;
}

/** The COPY statement that loads a table's dump. */
export function copyInSql(table: Pick<TableInfo, 'name' | 'columns'>): string {
  return `COPY ${ident(table.name)} (${table.columns.map(ident).join(', ')}) FROM STDIN`;
}

/**
 * Streams a table's sorted rows into `sink` (a file) while counting and hashing them, so a
 * table is never held in memory. Without a sink it only counts and hashes (the restore's check).
 */
export async function dumpTable(client: pg.ClientBase, table: TableInfo, sink?: Writable): Promise<TableDigest> {
  const hash = createHash('sha256');
  let rows = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      // COPY's text format writes one line per row (newlines inside values are escaped).
      for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) rows += 1;
      done(null, sink ? chunk : undefined);
    },
  });
  const source = client.query(copyTo(copyOutSql(table)));
  if (sink) await pipeline(source, tap, sink);
  else {
    tap.resume();
    await pipeline(source, tap);
  }
  return { rows, sha256: hash.digest('hex') };
}

/** A quoted SQL identifier. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
