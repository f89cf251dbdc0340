import { Column, is, type Query, SQL } from 'drizzle-orm';
import pg from 'pg';
import Cursor from 'pg-cursor';
import type { Database } from '../../db/client.ts';

/**
 * What a module gives an export to read (`companiesInOrder`, `contactsInOrder`): its list's
 * select in the list's order (the list's own WHERE, the actor's reach included), the count of
 * that WHERE, and how a batch of selected rows is presented.
 */
export type InOrder<Row, Item> = {
  select: PromiseLike<Row[]> & { toSQL(): Query; _: { selectedFields: Record<string, unknown> } };
  count: { toSQL(): Query };
  present: (rows: Row[]) => Promise<Item[]>;
};

/** The records an export reads: how many, and then the records a batch at a time. */
export type OpenedInOrder<Item> = { total: number; batches: () => AsyncGenerator<Item[]>; close: () => Promise<void> };

// Read as Drizzle's node-postgres driver reads them (dates and times as text, for the columns'
// own decoders), so that rows decode exactly as the rest of the server sees them.
const AS_TEXT = new Set<number>([
  pg.types.builtins.TIMESTAMPTZ,
  pg.types.builtins.TIMESTAMP,
  pg.types.builtins.DATE,
  pg.types.builtins.INTERVAL,
  1115, // timestamp[]
  1182, // date[]
  1185, // timestamptz[]
  1187, // interval[]
  1231, // numeric[]
]);
const types: pg.CustomTypesConfig = {
  getTypeParser: (id, format) => (AS_TEXT.has(id) ? (value: string) => value : pg.types.getTypeParser(id, format)),
};

type Decode = (value: unknown) => unknown;
type Field = { path: string[]; decode: Decode };

/** How Drizzle decodes a selected field: a column by its type, an SQL expression by its `mapWith` (held as `decoder`). */
function decoderOfField(value: unknown): Decode | null {
  if (is(value, Column)) return (raw) => value.mapFromDriverValue(raw);
  const expression = is(value, SQL.Aliased) ? value.sql : is(value, SQL) ? value : null;
  if (!expression) return null;
  const decoder = (expression as unknown as { decoder?: { mapFromDriverValue: Decode } }).decoder;
  return decoder ? (raw) => decoder.mapFromDriverValue(raw) : (raw) => raw;
}

/** The selected fields in the order Drizzle writes them into the SELECT (its selection's order, depth first). */
function fieldsOf(selection: Record<string, unknown>, path: string[] = []): Field[] {
  return Object.entries(selection).flatMap(([key, value]) => {
    const decode = decoderOfField(value);
    if (decode) return [{ path: [...path, key], decode }];
    if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      return fieldsOf(value as Record<string, unknown>, [...path, key]);
    }
    throw new Error(`An export cannot read "${[...path, key].join('.')}"`);
  });
}

/** A row's values, as the database sends them in the select's order, into the shape Drizzle would give it. */
function decoderOf<Row>(fields: Field[]): (values: unknown[]) => Row {
  return (values) => {
    if (values.length !== fields.length) throw new Error('The select does not read the columns it names');
    const row: Record<string, unknown> = {};
    for (let i = 0; i < fields.length; i += 1) {
      const { path, decode } = fields[i] as Field;
      const value = values[i];
      let target = row;
      for (let depth = 0; depth < path.length - 1; depth += 1) {
        const key = path[depth] as string;
        if (!target[key]) target[key] = {};
        target = target[key] as Record<string, unknown>;
      }
      target[path[path.length - 1] as string] = value === null ? null : decode(value);
    }
    return row as Row;
  };
}

function succeeds(promise: Promise<unknown>): Promise<boolean> {
  return promise.then(
    () => true,
    () => false,
  );
}

/** Waits for a promise later while its failure is already taken care of (no unhandled rejection meanwhile). */
function later<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

/**
 * Opens a list's records for an export, in one read-only snapshot: counted first (so that a file
 * too large is refused before its first byte, and progress knows its end), then read in the list's
 * order through one cursor, `batch` rows at a time, the next batch read while the current one is
 * written. One query plan serves every row, and only about two batches are held in memory.
 * The connection stays taken until the batches end or their reader stops (a download given up).
 */
export async function openInOrder<Row, Item>(db: Database, source: InOrder<Row, Item>, batch: number): Promise<OpenedInOrder<Item>> {
  const decode = decoderOf<Row>(fieldsOf(source.select._.selectedFields));
  const client = await db.$client.connect();
  let released = false;
  const release = async (failed: boolean) => {
    if (released) return;
    released = true;
    if (failed) return client.release(true);
    try {
      // Nothing was written: ending the snapshot either way is the same.
      await client.query('ROLLBACK');
      client.release();
    } catch (error) {
      client.release(error as Error);
    }
  };
  let total: number;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const count = source.count.toSQL();
    const counted = await client.query<unknown[]>({ text: count.sql, values: count.params, rowMode: 'array' });
    total = Number(counted.rows[0]?.[0] ?? 0);
  } catch (error) {
    await release(true);
    throw error;
  }
  async function* batches(): AsyncGenerator<Item[]> {
    const query = source.select.toSQL();
    const cursor = client.query(new Cursor<unknown[]>(query.sql, query.params, { rowMode: 'array', types }));
    let broken = false;
    let next = later(cursor.read(batch));
    try {
      for (;;) {
        const values = await next;
        if (values.length === 0) return;
        next = later(values.length < batch ? Promise.resolve([]) : cursor.read(batch));
        yield await source.present(values.map(decode));
      }
    } catch (error) {
      broken = true;
      throw error;
    } finally {
      // Stopped early (a download given up), the read ahead may still be on its way: it lands first.
      const clean = !broken && (await succeeds(next)) && (await succeeds(cursor.close()));
      await release(!clean);
    }
  }
  return { total, batches, close: () => release(false) };
}
