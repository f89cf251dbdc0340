import type { TImportColumn, TImportProblem, TImportProblemCode, TValueDecision } from '@clientela/contract';

export type Severity = 'error' | 'warning';

/** Problems that keep a row out of the base; the others only change or drop a value. */
const ROW_REJECTING = new Set<TImportProblemCode>(['empty_row', 'required_missing']);

/**
 * How bad each problem of a row is: red when it is why the row is rejected, orange otherwise.
 * The API gives only the row's outcome, so a rejected row with none of the known rejecting
 * codes has all its problems shown red: one of them must be the reason.
 */
export function severities(problems: TImportProblem[]): Severity[] {
  const reasonKnown = problems.some((problem) => ROW_REJECTING.has(problem.code));
  return problems.map((problem) =>
    problem.outcome === 'reject' && (!reasonKnown || ROW_REJECTING.has(problem.code)) ? 'error' : 'warning',
  );
}

/**
 * The column a problem belongs to: its own, else (e.g. a required field left empty) the
 * column mapped to its field, so that the empty cell can be highlighted.
 */
export function problemColumn(problem: TImportProblem, columns: TImportColumn[]): number | null {
  if (problem.column !== null) return problem.column;
  if (!problem.field) return null;
  const fields = problem.field === 'fullName' ? ['fullName', 'firstName', 'lastName'] : [problem.field];
  const index = columns.findIndex((column) => column.field !== null && fields.includes(column.field));
  return index >= 0 ? index : null;
}

/** The earlier line of the file a repeated row repeats. */
export function repeatedLine(problem: Pick<TImportProblem, 'repeatsLine'>): number | null {
  return problem.repeatsLine;
}

/** A decision about an unknown value as a select's value: `use:<value>`, `keep`, `empty`. */
export function decisionKey(decision: TValueDecision | undefined): string | undefined {
  if (!decision) return undefined;
  return decision.action === 'use' ? `use:${decision.value}` : decision.action;
}

/** The decision a select's value stands for. */
export function decisionOf(key: string): TValueDecision {
  if (key === 'keep' || key === 'empty') return { action: key };
  return { action: 'use', value: key.replace(/^use:/, '') };
}
