import type { TCustomEntity } from '@clientela/contract';
import { getTableColumns, getTableName, is, SQL, sql } from 'drizzle-orm';
import type { PgTable, SelectedFieldsFlat } from 'drizzle-orm/pg-core';
import type { SelectResultFields } from 'drizzle-orm/query-builders/select.types';
import type { Database, Executor } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import {
  type CustomValues,
  definitionsVersion,
  flattenCustom,
  freshDefinitions,
  mergeCustomValues,
  trackedWithCustom,
  type VersionedDefinitions,
} from '../custom-fields/index.ts';
import { diff, recordChanges } from '../history/index.ts';

/** What `createRecord` writes: a table, its kind of record, the columns a new record is given, what it returns. */
export type RecordCreation<TTable extends PgTable, TReturning extends SelectedFieldsFlat> = {
  /** The prepared statement's name, the same in every process. */
  name: string;
  table: TTable;
  entity: TCustomEntity;
  /** Every column a new record may be given; the others get their SQL default (or NULL). */
  columns: readonly Extract<keyof TTable['$inferInsert'], string>[];
  returning: TReturning;
};

const ENTRY_COLUMNS = ['workspaceId', 'entityType', 'entityId', 'actorId', 'action', 'changes'] as const;
/** The history entry's placeholders are named apart from the record's. */
const ENTRY = 'entry.';

/**
 * One new row of `table` for INSERT ... SELECT, in the table's column order (the one drizzle
 * writes in the INSERT's column list): for each column in `given` the placeholder of its name
 * (after `prefix`), cast to its type (a SELECT gives its values no type of their own); for the others their SQL
 * default or NULL. Generated columns are left out, as drizzle leaves them out of the list.
 * The placeholders take values as the driver sends them (see `driverValues`).
 */
function placeholderRow(table: PgTable, given: readonly string[], prefix = ''): SQL {
  const values = Object.entries(getTableColumns(table))
    .filter(([, column]) => column.generated === undefined || column.generated.type === 'byDefault')
    .map(([key, column]) => {
      if (given.includes(key)) return sql`${sql.placeholder(prefix + key)}::${sql.raw(column.getSQLType())}`;
      if (is(column.default, SQL)) return column.default;
      if (column.default === undefined && column.defaultFn === undefined) return sql`NULL`;
      throw new Error(`${getTableName(table)}.${key} needs a value on create: its default is not SQL`);
    });
  return sql.join(values, sql`, `);
}

/** The given columns' values as the driver sends them (JSON as text, arrays as literals); null stays NULL. */
function driverValues(table: PgTable, given: readonly string[], values: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  const columns = getTableColumns(table);
  return Object.fromEntries(
    given.map((key) => {
      const value = values[key];
      return [prefix + key, value === undefined || value === null ? null : columns[key]?.mapToDriverValue(value)];
    }),
  );
}

/**
 * The statement: WITH a row only while the custom fields are at the version the values were
 * checked against, the history entry and the record are inserted from that row. Nothing is
 * written when the definitions changed meanwhile.
 */
function creationStatement<TTable extends PgTable, TReturning extends SelectedFieldsFlat>(
  db: Executor,
  spec: RecordCreation<TTable, TReturning>,
) {
  const current = sql`${definitionsVersion(sql.placeholder('workspaceId'), spec.entity)} = ${sql.placeholder('definitionsVersion')}`;
  const checked = db.$with('checked', {}).as(sql`SELECT WHERE ${current}`);
  const entry = db.$with('creation_entry').as(
    db
      .insert(recordChanges)
      .select(sql`SELECT ${placeholderRow(recordChanges, ENTRY_COLUMNS, ENTRY)} FROM ${checked}`)
      .returning({ id: recordChanges.id }),
  );
  return db
    .with(checked, entry)
    .insert(spec.table)
    .select(sql`SELECT ${placeholderRow(spec.table, spec.columns)} FROM ${checked}`)
    .returning(spec.returning)
    .prepare(spec.name);
}

// Built once per database handle (and per transaction, a rarer path): building a statement of
// thirty columns in drizzle took more CPU than PostgreSQL spends running it.
const statements = new WeakMap<Executor, Map<string, unknown>>();

function statementOf<TTable extends PgTable, TReturning extends SelectedFieldsFlat>(
  db: Executor,
  spec: RecordCreation<TTable, TReturning>,
): ReturnType<typeof creationStatement<TTable, TReturning>> {
  let built = statements.get(db);
  if (!built) {
    built = new Map();
    statements.set(db, built);
  }
  let statement = built.get(spec.name) as ReturnType<typeof creationStatement<TTable, TReturning>> | undefined;
  if (!statement) {
    statement = creationStatement(db, spec);
    built.set(spec.name, statement);
  }
  return statement;
}

type CreateOptions = {
  /** The new record's columns, all but `custom`. */
  values: Record<string, unknown> & { id: string; workspaceId: string };
  /** The custom values sent, to check against the definitions. */
  custom: CustomValues | undefined;
  /** The kind's custom fields as this process keeps them (`cachedDefinitions`), maybe out of date. */
  definitions: VersionedDefinitions;
  actorId: string;
  /** The kind's tracked fields, for the history entry (custom fields are added). */
  tracked: readonly string[];
  /** Runs the write, e.g. in a transaction that first locks what the record refers to. */
  within?: <T>(write: (db: Executor) => Promise<T>) => Promise<T>;
};

const MAX_WRITES = 3;

/**
 * Creates a customer record and its "created" history entry in one statement. The custom values
 * are checked against the definitions this process keeps, and the statement writes only if
 * those are still the ones in force (see creationStatement). When they are not, or when they
 * refuse a value (an option added meanwhile by another process would be refused wrongly), the
 * definitions are read again and everything is checked again: a value is refused, and a record
 * written, only by definitions current at that moment.
 */
export async function createRecord<TTable extends PgTable, TReturning extends SelectedFieldsFlat>(
  db: Database,
  spec: RecordCreation<TTable, TReturning>,
  options: CreateOptions,
) {
  const { values } = options;
  const within = options.within ?? ((write) => write(db));
  const read = () => freshDefinitions(db, values.workspaceId, spec.entity);
  let { definitions } = options;
  let justRead = false;
  for (let writes = 0; writes < MAX_WRITES; ) {
    let custom: CustomValues;
    try {
      custom = mergeCustomValues(definitions.definitions, {}, options.custom);
    } catch (error) {
      if (justRead) throw error;
      definitions = await read();
      justRead = true;
      continue;
    }
    const record = { ...values, custom };
    const entry = {
      workspaceId: values.workspaceId,
      entityType: spec.entity,
      entityId: values.id,
      actorId: options.actorId,
      action: 'created',
      changes: diff(null, flattenCustom(record), trackedWithCustom(options.tracked, record)),
    };
    const parameters = {
      ...driverValues(recordChanges, ENTRY_COLUMNS, entry, ENTRY),
      ...driverValues(spec.table, spec.columns, record),
      definitionsVersion: definitions.version,
    };
    writes += 1;
    const [created] = (await within((executor) => statementOf(executor, spec).execute(parameters))) as SelectResultFields<TReturning>[];
    if (created) return created;
    definitions = await read();
    justRead = true;
  }
  throw new AppError('conflict', 'The custom fields changed while the record was saved; try again');
}
