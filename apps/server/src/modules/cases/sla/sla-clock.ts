import type { TCaseSla } from '@clientela/contract';
import type { Executor } from '../../../db/client.ts';
import type { supportCases } from '../cases.table.ts';

type CaseRow = typeof supportCases.$inferSelect;

/** The SLA columns of a case, as the SLA clock sets them. */
export type SlaColumns = Pick<
  CaseRow,
  | 'slaPolicyId'
  | 'firstResponseDueAt'
  | 'resolutionDueAt'
  | 'slaPausedAt'
  | 'firstResponseLeftMinutes'
  | 'resolutionLeftMinutes'
  | 'firstResponseWarnedAt'
  | 'firstResponseBreachedAt'
  | 'resolutionWarnedAt'
  | 'resolutionBreachedAt'
>;

/** What the SLA of a case depends on. */
export type SlaInputs = Pick<CaseRow, 'typeId' | 'priority' | 'unitId' | 'status' | 'firstRespondedAt' | 'createdAt'>;

/**
 * The SLA columns of a new case: the most specific active policy for its type and priority, and
 * its due times counted in working minutes of its unit's calendar from `now`.
 */
export async function slaForNewCase(_db: Executor, _workspaceId: string, _c: SlaInputs, _now: Date): Promise<SlaColumns> {
  return {
    slaPolicyId: null,
    firstResponseDueAt: null,
    resolutionDueAt: null,
    slaPausedAt: null,
    firstResponseLeftMinutes: null,
    resolutionLeftMinutes: null,
    firstResponseWarnedAt: null,
    firstResponseBreachedAt: null,
    resolutionWarnedAt: null,
    resolutionBreachedAt: null,
  };
}

/**
 * The SLA columns that change when a case does: its status (waiting for the customer pauses the
 * clock, leaving it resumes with the working minutes that were left; resolving stops it; reopening
 * starts the resolution time again), its type or priority (another policy), its unit (another
 * calendar), or its first reply. Returns only the columns that change.
 */
export async function slaForChange(
  _db: Executor,
  _workspaceId: string,
  _before: CaseRow,
  _after: SlaInputs,
  _now: Date,
): Promise<Partial<SlaColumns>> {
  return {};
}

/** How each case's SLA stands at `now`, for the API; reads the calendars and policies it needs once. */
export async function slaPresenter(_db: Executor, _workspaceId: string, _now: Date): Promise<(row: CaseRow) => TCaseSla> {
  const none = { dueAt: null, metAt: null, minutesLeft: null, state: 'none' as const, breachedAt: null };
  return () => ({ policy: null, paused: false, firstResponse: none, resolution: none });
}
