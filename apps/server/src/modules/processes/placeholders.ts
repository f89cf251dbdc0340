import type { TProcessRecordType } from '@clientela/contract';
import { sql } from 'drizzle-orm';
import Mustache from 'mustache';
import type { Executor } from '../../db/client.ts';
import { BpmnError, type ProcessRecord, type StepContext } from './step-context.ts';

/** What placeholders in a service task's parameters may name. */
export type PlaceholderView = {
  record: Record<string, unknown>;
  form: Record<string, unknown>;
  process: { id: string; name: string; instanceId: string };
  /** What earlier service tasks returned, by element id. */
  results: Record<string, unknown>;
};

const asText = (value: unknown): string => (value === null || value === undefined ? '' : String(value));

// The view holds data only: objects without a prototype, so `{{record.constructor}}` finds nothing
// (mustache calls a function it finds), and every value a string, number, boolean or list.
function plain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'object') {
    const copy = Object.create(null) as Record<string, unknown>;
    for (const [key, item] of Object.entries(value)) copy[key] = plain(item);
    return copy;
  }
  if (typeof value === 'function' || typeof value === 'symbol') return null;
  return value;
}

function render(template: string, view: PlaceholderView, escapeValue: (value: unknown) => string): string {
  try {
    return Mustache.render(template, plain(view), {}, { escape: escapeValue });
  } catch (error) {
    throw new BpmnError('invalid_template', `A placeholder could not be read: ${(error as Error).message}`);
  }
}

/** Fills `{{record.name}}`, `{{form.reason}}`, `{{process.name}}`, `{{results.<id>.<key>}}` as plain text (mail, subjects); missing ones are empty. */
export function fillText(template: string, view: PlaceholderView): string {
  return render(template, view, asText);
}

/** Fills placeholders inside a JSON text: each value is escaped as the inside of a JSON string. */
export function fillJson(template: string, view: PlaceholderView): string {
  return render(template, view, (value) => JSON.stringify(asText(value)).slice(1, -1));
}

/** Where each kind of record lives, what names it and who answers for it. */
export const RECORD_TABLES: Record<TProcessRecordType, { table: string; name: string; owner: string }> = {
  company: { table: 'company', name: 'name', owner: 'owner_id' },
  contact: { table: 'contact', name: 'name', owner: 'owner_id' },
  deal: { table: 'deal', name: 'title', owner: 'owner_id' },
  agreement: { table: 'agreement', name: 'title', owner: 'agreed_by_id' },
  contract: { table: 'contract', name: 'subject', owner: 'responsible_id' },
  case: { table: 'support_case', name: 'subject', owner: 'owner_id' },
};

// Matching copies and search columns say nothing a placeholder would want.
const HIDDEN = new Set(['workspace_id', 'search_text', 'search_vector', 'phone_digits', 'emails_normalised']);

const camel = (column: string) => column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** A record's fields as placeholders and webhooks see them (camelCase, plus `type`, `name`, `ownerId`); null when gone. */
export async function readRecord(db: Executor, workspaceId: string, record: ProcessRecord): Promise<Record<string, unknown> | null> {
  const spec = RECORD_TABLES[record.type];
  const { rows } = await db.execute<Record<string, unknown>>(
    sql`SELECT * FROM ${sql.identifier(spec.table)} WHERE workspace_id = ${workspaceId} AND id = ${record.id} AND deleted_at IS NULL`,
  );
  const [row] = rows;
  if (!row) return null;
  const fields: Record<string, unknown> = { type: record.type };
  for (const [column, value] of Object.entries(row)) if (!HIDDEN.has(column)) fields[camel(column)] = value;
  fields.name = row[spec.name] ?? null;
  fields.ownerId = row[spec.owner] ?? null;
  return fields;
}

/**
 * What a step's placeholders may name: the record as it is now, the forms, the process, earlier
 * results. `fields` is the record as read (null when the instance has none or it is gone).
 */
export async function placeholderView(step: StepContext & { results?: Record<string, unknown> }) {
  const fields = step.record ? await readRecord(step.tx, step.workspaceId, step.record) : null;
  const view: PlaceholderView = {
    record: fields ?? {},
    form: step.form,
    process: { id: step.definitionId, name: step.processName, instanceId: step.instanceId },
    results: step.results ?? {},
  };
  return { view, fields };
}
