import { IMPORT_LINK_FIELDS, IMPORT_PREVIEW_ROWS, isLinkField, type TImportPreview } from '@clientela/contract';
import type { Ctx } from '../../http/context.ts';
import { ensureDefaultPipeline } from '../deals/index.ts';
import { fileMemory } from './decide.ts';
import type { dataImports } from './imports.table.ts';
import { closest, type LinkField, loadLinks, resolve } from './link-values.ts';
import type { FileRow } from './read-file.ts';
import { previewRecordRows } from './record-rows.ts';
import { RECORD_WRITERS } from './run.ts';

type ImportRow = typeof dataImports.$inferSelect;

/**
 * The values of link fields that name no record, over the whole file, with their row counts and
 * the records closest to them: the "values" step. Decided values stay listed with their decision.
 */
async function unknownLinks(ctx: Ctx, row: ImportRow, rows: FileRow[]): Promise<TImportPreview['unknownValues']> {
  const fields = row.mapping.columns
    .map((c, index) => ({ field: c.field, index }))
    .filter((c): c is { field: LinkField; index: number } => c.field !== null && isLinkField(row.entity, c.field));
  if (fields.length === 0) return [];
  const links = await loadLinks(ctx.db, row.workspaceId, ctx.actor);
  const unknown: { field: LinkField; value: string; count: number }[] = [];
  for (const { field, index } of fields) {
    const counts = new Map<string, number>();
    for (const fileRow of rows) {
      const value = (fileRow.cells[index] ?? '').replace(/\s+/g, ' ').trim();
      if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    for (const [value, count] of counts) {
      if (resolve(links[field], field, { ...row.mapping, values: {} }, value).how !== 'found') unknown.push({ field, value, count });
    }
  }
  // The closest records are looked for only among the values shown: a misspelt column may hold thousands.
  const shown = unknown.sort((a, b) => b.count - a.count).slice(0, 200);
  const result: TImportPreview['unknownValues'] = shown.map(({ field, value, count }) => {
    const near = closest(links[field], value);
    return {
      field,
      value,
      count,
      suggestion: near.suggestion?.id ?? null,
      options: near.options.map((t) => ({ value: t.id, label: t.name })),
      link: true,
    };
  });
  const order = (field: string) => (IMPORT_LINK_FIELDS as readonly string[]).indexOf(field);
  return result.sort((a, b) => order(a.field) - order(b.field) || b.count - a.count);
}

/** The first rows of a product, people or deal file as the run would write them (written, then rolled back). */
export async function previewRecords(ctx: Ctx, row: ImportRow, rows: FileRow[]): Promise<TImportPreview> {
  if (row.entity === 'company' || row.entity === 'contact') throw new Error('customers are previewed by decide()');
  // Made for real first: a pipeline made inside the rolled-back preview would give its stages other ids.
  if (row.entity === 'deal' || row.entity === 'lead') await ensureDefaultPipeline(ctx.db, row.workspaceId);
  const first = rows.slice(0, IMPORT_PREVIEW_ROWS);
  const job = { imp: row, actor: ctx.actor, mapping: row.mapping, memory: fileMemory() };
  const results = await previewRecordRows(ctx.db, job, first, RECORD_WRITERS[row.entity]);
  const byLine = new Map(first.map((r) => [r.line, r.cells]));
  return {
    rows: results.map((r) => ({
      line: r.line,
      cells: byLine.get(r.line) ?? [],
      outcome: r.outcome,
      problems: r.problems.map((p) => ({
        line: r.line,
        column: p.column,
        field: p.field,
        code: p.code,
        value: p.value,
        stored: p.stored,
        outcome: r.outcome,
        recordId: null,
        repeatsLine: p.repeatsLine ?? null,
      })),
      duplicateOf: null,
    })),
    unknownValues: await unknownLinks(ctx, row, rows),
  };
}
