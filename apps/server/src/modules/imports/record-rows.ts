import type { TImportProblemCode } from '@clientela/contract';
import { and, eq, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.ts';
import type { Actor } from '../authz/index.ts';
import type { RowProblem } from './convert.ts';
import type { FileMemory, Outcome } from './decide.ts';
import { dataImports, type ImportCounts, type StoredMapping } from './imports.table.ts';
import type { FileRow } from './read-file.ts';

type ImportRow = typeof dataImports.$inferSelect;

/** What a product, people or deal import knows while it runs. */
export type RecordJob = {
  imp: ImportRow;
  actor: Actor;
  mapping: StoredMapping;
  /** Ids of created records derived from the import and the line: a record this import wrote names its line. */
  memory: FileMemory;
};

/** What became of one row, and why. */
export type RowResult = { line: number; outcome: Outcome; id: string | null; problems: RowProblem[] };

/** Writes a chunk of rows in the caller's transaction; a preview calls it in a transaction it rolls back. */
export type RecordWriter = (tx: Executor, job: RecordJob, rows: FileRow[]) => Promise<RowResult[]>;

/** Reads a row's cells by field, with the column each came from. */
export function cellsOf(mapping: StoredMapping, row: FileRow) {
  const columns = new Map<string, number>();
  mapping.columns.forEach((c, index) => {
    if (c.field && !columns.has(c.field)) columns.set(c.field, index);
  });
  return {
    column: (field: string) => columns.get(field) ?? null,
    get: (field: string) => {
      const index = columns.get(field);
      return index === undefined ? '' : (row.cells[index] ?? '').replace(/\s+/g, ' ').trim();
    },
  };
}

/** A helper collecting a row's problems. */
export function problemsOf(mapping: StoredMapping, row: FileRow) {
  const cells = cellsOf(mapping, row);
  const list: RowProblem[] = [];
  const add = (field: string | null, code: TImportProblemCode, value: string | null, stored: string | null = null, fatal = false) =>
    list.push({ column: field ? cells.column(field) : null, field, code, value, stored, fatal });
  return { cells, list, add, fatal: () => list.some((p) => p.fatal) };
}

/** Rows per transaction: each commits its records, problems and the progress together. */
const CHUNK = 500;

const tally = (results: RowResult[]): ImportCounts => {
  const counts: ImportCounts = { created: 0, updated: 0, skipped: 0, rejected: 0, modified: 0 };
  for (const r of results) {
    if (r.outcome === 'create') counts.created += 1;
    else if (r.outcome === 'update') counts.updated += 1;
    else if (r.outcome === 'skip') counts.skipped += 1;
    else counts.rejected += 1;
    if ((r.outcome === 'create' || r.outcome === 'update') && r.problems.some((p) => !p.code.startsWith('duplicate_')))
      counts.modified += 1;
  }
  return counts;
};

async function saveProblems(tx: Executor, imp: ImportRow, results: RowResult[]) {
  const problems = results.flatMap((r) =>
    r.problems.map((p, seq) => ({
      line: r.line,
      seq,
      column: p.column,
      field: p.field,
      code: p.code,
      value: p.value,
      stored: p.stored,
      outcome: r.outcome,
      record_id: r.id,
      repeats_line: p.repeatsLine ?? null,
    })),
  );
  if (problems.length === 0) return;
  await tx.execute(sql`
    INSERT INTO data_import_problem (workspace_id, import_id, line, seq, "column", field, code, value, stored, outcome, record_id, repeats_line)
    SELECT ${imp.workspaceId}, ${imp.id}, line, seq, "column", field, code, value, stored, outcome, record_id, repeats_line
    FROM jsonb_to_recordset(${JSON.stringify(problems)}::jsonb) AS x(line int, seq int, "column" int, field text, code text,
      value text, stored text, outcome text, record_id uuid, repeats_line int)`);
}

/**
 * Runs a product, people or deal import from where it stopped, a chunk per transaction: the
 * chunk's records, its problems and the progress commit together under a lock on the import, so
 * a run that stops anywhere resumes after the last committed row, and two runs never write the
 * same rows (the second finds the progress moved and goes on from there).
 */
export async function runRecordRows(
  db: Database,
  job: RecordJob,
  rows: FileRow[],
  write: RecordWriter,
  stopping: () => boolean,
): Promise<void> {
  try {
    await runChunks(db, job, rows, write, stopping);
  } catch (error) {
    if (!isDataError(error)) throw error;
    // The chunk rolled back: the rows before it stay, the import stops with the reason instead of retrying forever.
    const cause = (error as { cause?: { message?: string } }).cause?.message ?? (error as Error).message;
    await db
      .update(dataImports)
      .set({ status: 'failed', error: cause.slice(0, 500), finishedAt: sql`now()` })
      .where(and(eq(dataImports.workspaceId, job.imp.workspaceId), eq(dataImports.id, job.imp.id)));
  }
}

async function runChunks(db: Database, job: RecordJob, rows: FileRow[], write: RecordWriter, stopping: () => boolean) {
  const { imp } = job;
  const where = and(eq(dataImports.workspaceId, imp.workspaceId), eq(dataImports.id, imp.id));
  while (!stopping()) {
    const done = await db.transaction(async (tx) => {
      const [current] = await tx.select().from(dataImports).where(where).for('no key update');
      if (!current || (current.status !== 'queued' && current.status !== 'running')) return true;
      const start = current.processed;
      if (start >= rows.length) {
        await tx
          .update(dataImports)
          .set({ status: 'done', linked: sql`now()`, startedAt: sql`coalesce(started_at, now())`, finishedAt: sql`now()` })
          .where(where);
        return true;
      }
      const results = await write(tx, job, rows.slice(start, start + CHUNK));
      await saveProblems(tx, imp, results);
      const counts = tally(results);
      const sum = (key: keyof ImportCounts) => current.counts[key] + counts[key];
      await tx
        .update(dataImports)
        .set({
          status: 'running',
          startedAt: sql`coalesce(started_at, now())`,
          processed: start + results.length,
          counts: {
            created: sum('created'),
            updated: sum('updated'),
            skipped: sum('skipped'),
            rejected: sum('rejected'),
            modified: sum('modified'),
          },
        })
        .where(where);
      return false;
    });
    if (done) return;
  }
}

/** A value the database refuses (class 22) or a constraint (23): trying again would fail the same way. */
function isDataError(error: unknown): boolean {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | null;
  const code = e?.code ?? e?.cause?.code;
  return typeof code === 'string' && (code.startsWith('22') || (code.startsWith('23') && code !== '23505'));
}

/** An error that rolls back a preview's writes. */
class Preview extends Error {
  constructor(readonly results: RowResult[]) {
    super('preview');
  }
}

/** What the rows would become, written in a transaction that is then rolled back. */
export async function previewRecordRows(db: Database, job: RecordJob, rows: FileRow[], write: RecordWriter): Promise<RowResult[]> {
  try {
    await db.transaction(async (tx) => {
      throw new Preview(await write(tx, job, rows));
    });
  } catch (error) {
    if (error instanceof Preview) return error.results;
    throw error;
  }
  return [];
}
