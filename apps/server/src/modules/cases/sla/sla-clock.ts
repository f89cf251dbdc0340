import type { TCaseSla } from '@clientela/contract';
import type { Executor } from '../../../db/client.ts';
import type { supportCases, workingCalendars } from '../cases.table.ts';
import { calendarFor, calendarsOf } from './calendars.service.ts';
import { pickPolicy, policiesOf } from './policies.service.ts';
import { addWorkingMinutes, type WorkingClock, wholeMinutes, workingClock, workingMinutesBetween } from './working-time.ts';

type CaseRow = typeof supportCases.$inferSelect;
type CalendarRow = typeof workingCalendars.$inferSelect;

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

const SLA_KEYS = [
  'slaPolicyId',
  'firstResponseDueAt',
  'resolutionDueAt',
  'slaPausedAt',
  'firstResponseLeftMinutes',
  'resolutionLeftMinutes',
  'firstResponseWarnedAt',
  'firstResponseBreachedAt',
  'resolutionWarnedAt',
  'resolutionBreachedAt',
] as const;

/** How long before a due time people are warned when the policy that set it is gone. */
const DEFAULT_WARN_MINUTES = 60;

const isDone = (status: string) => status === 'resolved' || status === 'closed';

// Compiled calendars are kept between requests (each remembers the days it has worked out), keyed by version.
const compiled = new Map<string, WorkingClock | null>();
function clockOf(calendar: CalendarRow | null): WorkingClock | null {
  if (!calendar) return null;
  const key = `${calendar.workspaceId}:${calendar.id}:${calendar.updatedAt.getTime()}`;
  if (!compiled.has(key)) {
    if (compiled.size > 500) compiled.clear();
    compiled.set(key, workingClock(calendar));
  }
  return compiled.get(key) ?? null;
}

/** The policies and calendars of a workspace, read once for a request or a sweep. */
export async function slaSettings(db: Executor, workspaceId: string) {
  const [policies, { calendars, parentOf }] = await Promise.all([policiesOf(db, workspaceId), calendarsOf(db, workspaceId)]);
  return {
    policies,
    policyById: new Map(policies.map((p) => [p.id, p])),
    clockFor: (unitId: string | null) => clockOf(calendarFor(calendars, parentOf, unitId)),
  };
}
type Settings = Awaited<ReturnType<typeof slaSettings>>;

const noSla = (): SlaColumns => ({
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
});

/** Stops the running targets at `now` (a first response already given is done), keeping the working minutes they had left. */
function pause(cols: SlaColumns, clock: WorkingClock | null, now: Date, replied: boolean) {
  cols.slaPausedAt = now;
  if (cols.firstResponseDueAt && !replied) {
    cols.firstResponseLeftMinutes = wholeMinutes(workingMinutesBetween(clock, now, cols.firstResponseDueAt));
    cols.firstResponseDueAt = null;
  }
  if (cols.resolutionDueAt) {
    cols.resolutionLeftMinutes = wholeMinutes(workingMinutesBetween(clock, now, cols.resolutionDueAt));
    cols.resolutionDueAt = null;
  }
}

/** Starts the paused targets again at `now` with what they had left. */
function resume(cols: SlaColumns, clock: WorkingClock | null, now: Date) {
  cols.slaPausedAt = null;
  if (cols.firstResponseLeftMinutes !== null) {
    cols.firstResponseDueAt = addWorkingMinutes(clock, now, cols.firstResponseLeftMinutes);
    cols.firstResponseLeftMinutes = null;
  }
  if (cols.resolutionLeftMinutes !== null) {
    cols.resolutionDueAt = addWorkingMinutes(clock, now, cols.resolutionLeftMinutes);
    cols.resolutionLeftMinutes = null;
  }
}

/** Sets a target's due time anew: held as minutes left while paused; its warning and breach forgotten if it is now ahead. */
function retime(cols: SlaColumns, target: 'firstResponse' | 'resolution', due: Date, clock: WorkingClock | null, now: Date, met: boolean) {
  const ahead = due > now;
  if (cols.slaPausedAt && !met) {
    cols[`${target}LeftMinutes`] = wholeMinutes(workingMinutesBetween(clock, cols.slaPausedAt, due));
    cols[`${target}DueAt`] = null;
  } else {
    cols[`${target}DueAt`] = due;
    cols[`${target}LeftMinutes`] = null;
  }
  if (ahead) {
    cols[`${target}WarnedAt`] = null;
    cols[`${target}BreachedAt`] = null;
  }
}

/**
 * The SLA columns of a new case: the most specific active policy for its type and priority, and
 * its due times counted in working minutes of its unit's calendar from `now`.
 */
export async function slaForNewCase(db: Executor, workspaceId: string, c: SlaInputs, now: Date): Promise<SlaColumns> {
  const settings = await slaSettings(db, workspaceId);
  const cols = noSla();
  const policy = pickPolicy(settings.policies, c);
  if (!policy) return cols;
  const clock = settings.clockFor(c.unitId);
  cols.slaPolicyId = policy.id;
  cols.firstResponseDueAt = addWorkingMinutes(clock, now, policy.firstResponseMinutes);
  cols.resolutionDueAt = addWorkingMinutes(clock, now, policy.resolutionMinutes);
  if (c.status === 'waiting_customer') pause(cols, clock, now, c.firstRespondedAt !== null);
  return cols;
}

/**
 * The SLA columns that change when a case does: its status (waiting for the customer pauses the
 * clock, leaving it resumes with the working minutes that were left; resolving stops it; reopening
 * starts the resolution time again), its type or priority (another policy), its unit (another
 * calendar), or its first reply. Returns only the columns that change.
 */
export async function slaForChange(
  db: Executor,
  workspaceId: string,
  before: CaseRow,
  after: SlaInputs,
  now: Date,
): Promise<Partial<SlaColumns>> {
  const policyMayChange = before.typeId !== after.typeId || before.priority !== after.priority;
  const unitChanged = (before.unitId ?? null) !== (after.unitId ?? null);
  const reopened = isDone(before.status) && !isDone(after.status);
  const paused = before.slaPausedAt !== null;
  const willPause = after.status === 'waiting_customer';
  const replied = after.firstRespondedAt !== null;
  if (!policyMayChange && !unitChanged && !reopened && paused === willPause && !(replied && before.firstResponseLeftMinutes !== null)) {
    return {};
  }
  const settings = await slaSettings(db, workspaceId);
  const cols = Object.fromEntries(SLA_KEYS.map((k) => [k, before[k]])) as SlaColumns;
  const clock = settings.clockFor(after.unitId);
  let policy = before.slaPolicyId ? (settings.policyById.get(before.slaPolicyId) ?? null) : null;

  if (policyMayChange && (pickPolicy(settings.policies, after)?.id ?? null) !== before.slaPolicyId) {
    // Another policy: both targets are counted again from the case's creation, in its calendar now.
    policy = pickPolicy(settings.policies, after);
    if (!policy) return diff(before, { ...noSla(), slaPausedAt: willPause ? (before.slaPausedAt ?? now) : null });
    cols.slaPolicyId = policy.id;
    retime(cols, 'firstResponse', addWorkingMinutes(clock, after.createdAt, policy.firstResponseMinutes), clock, now, replied);
    retime(cols, 'resolution', addWorkingMinutes(clock, after.createdAt, policy.resolutionMinutes), clock, now, isDone(before.status));
  } else if (unitChanged) {
    // Another calendar: what was left in the old one is left in the new one, from now.
    const old = settings.clockFor(before.unitId);
    for (const target of ['firstResponse', 'resolution'] as const) {
      const due = cols[`${target}DueAt`];
      const met = target === 'firstResponse' ? replied : isDone(before.status);
      if (!due || met) continue;
      const moved = addWorkingMinutes(clock, now, workingMinutesBetween(old, now, due));
      cols[`${target}DueAt`] = moved;
      // Ahead again in the new calendar: its warning and breach are forgotten, to be told anew.
      if (moved > now) {
        cols[`${target}WarnedAt`] = null;
        cols[`${target}BreachedAt`] = null;
      }
    }
  }

  if (reopened) {
    policy = pickPolicy(settings.policies, after) ?? policy;
    if (policy) {
      cols.slaPolicyId = policy.id;
      cols.resolutionDueAt = addWorkingMinutes(clock, now, policy.resolutionMinutes);
      cols.resolutionLeftMinutes = null;
      cols.resolutionWarnedAt = null;
      cols.resolutionBreachedAt = null;
    }
  }

  if (replied) cols.firstResponseLeftMinutes = null;
  if (!cols.slaPausedAt && willPause) pause(cols, clock, now, replied);
  else if (cols.slaPausedAt && !willPause) resume(cols, clock, now);
  return diff(before, cols);
}

function diff(before: CaseRow, cols: SlaColumns): Partial<SlaColumns> {
  const changed: Partial<Record<keyof SlaColumns, unknown>> = {};
  for (const key of SLA_KEYS) {
    const a = before[key];
    const b = cols[key];
    const same = a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;
    if (!same) changed[key] = b;
  }
  return changed as Partial<SlaColumns>;
}

type Target = TCaseSla['firstResponse'];

/** Where one target stands at `now`. */
function targetAt(
  settings: Settings,
  row: CaseRow,
  now: Date,
  t: { due: Date | null; left: number | null; metAt: Date | null; breachedAt: Date | null; warn: number },
): Target {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  const base = { dueAt: iso(t.due), metAt: iso(t.metAt), breachedAt: iso(t.breachedAt), minutesLeft: null };
  if (t.metAt) {
    const late = (t.due !== null && t.metAt > t.due) || (t.breachedAt !== null && t.breachedAt <= t.metAt);
    return { ...base, state: late ? 'missed' : 'met' };
  }
  if (!t.due) return t.left === null ? { ...base, state: 'none' } : { ...base, minutesLeft: t.left, state: 'paused' };
  const clock = settings.clockFor(row.unitId);
  const minutesLeft = wholeMinutes(workingMinutesBetween(clock, now, t.due));
  if (now >= t.due) return { ...base, minutesLeft, state: 'breached', breachedAt: iso(t.breachedAt ?? t.due) };
  return { ...base, minutesLeft, state: now >= warnAt(clock, t.due, t.warn) ? 'warning' : 'running' };
}

/** When people are warned of a due time: `warn` working minutes before it (never with 0). */
export const warnAt = (clock: WorkingClock | null, due: Date, warn: number): Date =>
  warn > 0 ? addWorkingMinutes(clock, due, -warn) : new Date(8.64e15);

/** How each case's SLA stands at `now`, for the API; reads the calendars and policies it needs once. */
export async function slaPresenter(db: Executor, workspaceId: string, now: Date): Promise<(row: CaseRow) => TCaseSla> {
  const settings = await slaSettings(db, workspaceId);
  return (row) => {
    const policy = row.slaPolicyId ? settings.policyById.get(row.slaPolicyId) : undefined;
    const warn = policy?.warnBeforeMinutes ?? DEFAULT_WARN_MINUTES;
    const doneAt = isDone(row.status) ? (row.resolvedAt ?? row.closedAt ?? row.updatedAt) : null;
    return {
      policy: policy ? { id: policy.id, name: policy.name } : null,
      paused: row.slaPausedAt !== null,
      // Resolving a case without a reply answers the customer too.
      firstResponse: targetAt(settings, row, now, {
        due: row.firstResponseDueAt,
        left: row.firstResponseLeftMinutes,
        metAt: row.firstRespondedAt ?? doneAt,
        breachedAt: row.firstResponseBreachedAt,
        warn,
      }),
      resolution: targetAt(settings, row, now, {
        due: row.resolutionDueAt,
        left: row.resolutionLeftMinutes,
        metAt: doneAt,
        breachedAt: row.resolutionBreachedAt,
        warn,
      }),
    };
  };
}
