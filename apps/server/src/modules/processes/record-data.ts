import type { TProcessRecordType } from '@clientela/contract';
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { ProcessRecord } from './step-context.ts';

/** A record as a process sees it: its fields for conditions (`record.city`), its name, and who answers for it. */
export type RecordData = {
  fields: Record<string, unknown>;
  name: string | null;
  ownerId: string | null;
  unitId: string | null;
};

/** Where each kind of record lives, the column that names it and the one that says who answers for it. */
const SOURCES: Record<TProcessRecordType, { table: string; name: string; owner: string; extra?: string }> = {
  company: { table: 'company', name: 'name', owner: 'owner_id' },
  contact: { table: 'contact', name: 'name', owner: 'owner_id' },
  deal: {
    table: 'deal',
    name: 'title',
    owner: 'owner_id',
    extra: `(SELECT s.name FROM pipeline_stage s WHERE s.workspace_id = r.workspace_id AND s.id = r.stage_id)`,
  },
  agreement: { table: 'agreement', name: 'title', owner: 'agreed_by_id' },
  contract: { table: 'contract', name: 'subject', owner: 'responsible_id' },
  case: { table: 'support_case', name: 'subject', owner: 'owner_id' },
};

// Search copies and internal columns say nothing a condition would ask about.
const HIDDEN = new Set(['workspace_id', 'search_text', 'search_vector', 'phone_digits', 'emails_normalised']);

const camel = (column: string) => column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

/**
 * The record as one JSON value, `{ row, stage }` (null when it is gone), for a statement that reads
 * it with other things (`SELECT … , (<this>) AS record`).
 */
export function recordDataSql(workspaceId: string, record: ProcessRecord): SQL {
  const source = SOURCES[record.type];
  const stage = source.extra ? sql.raw(source.extra) : sql`NULL::text`;
  return sql`(SELECT jsonb_build_object('row', to_jsonb(r), 'stage', ${stage}) FROM ${sql.identifier(source.table)} r
      WHERE r.workspace_id = ${workspaceId} AND r.id = ${record.id} AND r.deleted_at IS NULL)`;
}

/** The id of who answers for the record, as a subquery (null when it is gone). */
export function recordOwnerSql(workspaceId: string, record: ProcessRecord): SQL {
  const source = SOURCES[record.type];
  return sql`(SELECT r.${sql.identifier(source.owner)} FROM ${sql.identifier(source.table)} r
      WHERE r.workspace_id = ${workspaceId} AND r.id = ${record.id} AND r.deleted_at IS NULL)`;
}

/** The record read by recordDataSql(), as a process sees it; null when it is gone. */
export function recordDataOf(
  type: TProcessRecordType,
  found: { row: Record<string, unknown>; stage?: string | null } | null,
): RecordData | null {
  if (!found) return null;
  const source = SOURCES[type];
  const fields: Record<string, unknown> = { type };
  for (const [column, value] of Object.entries(found.row)) if (!HIDDEN.has(column)) fields[camel(column)] = value;
  // numeric columns come back as JSON numbers from to_jsonb; keep the name and owner under common keys
  const name = found.row[source.name];
  const ownerId = found.row[source.owner];
  fields.name = typeof name === 'string' ? name : null;
  fields.ownerId = typeof ownerId === 'string' ? ownerId : null;
  if (source.extra) fields.stage = found.stage ?? null;
  const unitId = found.row.unit_id;
  return {
    fields,
    name: typeof name === 'string' ? name : null,
    ownerId: typeof ownerId === 'string' ? ownerId : null,
    unitId: typeof unitId === 'string' ? unitId : null,
  };
}

/**
 * Loads the record an instance is about, as plain JSON (numbers as numbers, times as ISO text) so
 * FEEL compares `record.amount < 1000` and the engine's state stays serialisable. Custom fields sit
 * under `record.custom`, a deal's stage name under `record.stage`. Null when it is gone.
 */
export async function loadRecordData(db: Executor, workspaceId: string, record: ProcessRecord): Promise<RecordData | null> {
  const { rows } = await db.execute<{ record: { row: Record<string, unknown>; stage?: string | null } | null }>(
    sql`SELECT ${recordDataSql(workspaceId, record)} AS record`,
  );
  return recordDataOf(record.type, rows[0]?.record ?? null);
}
