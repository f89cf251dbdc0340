import type {
  TCaseChannel,
  TCaseKind,
  TCasePriority,
  TCaseRoutingRule,
  TCaseRoutingRuleInput,
  TCaseType,
  TCaseTypeInput,
  TSlaPolicy,
  TSlaPolicyInput,
  TWorkingCalendar,
  TWorkingCalendarInput,
} from '@clientela/contract';

/** A "day" of SLA time in the form: eight working hours (the clock counts working minutes only). */
export const WORKING_DAY_MINUTES = 8 * 60;

export type Duration = { days: number; hours: number; minutes: number };

/** Working minutes as days (of eight hours), hours and minutes. */
export function splitMinutes(total: number): Duration {
  const days = Math.floor(total / WORKING_DAY_MINUTES);
  const rest = total - days * WORKING_DAY_MINUTES;
  return { days, hours: Math.floor(rest / 60), minutes: rest % 60 };
}

/** Days, hours and minutes back to working minutes; empty fields count as nothing. */
export function joinMinutes(d: Partial<Duration> | undefined): number {
  return (d?.days ?? 0) * WORKING_DAY_MINUTES + (d?.hours ?? 0) * 60 + (d?.minutes ?? 0);
}

// ---------------------------------------------------------------- SLA policies

export type PolicyFormValues = {
  name: string;
  typeId: string | null;
  priority: TCasePriority | null;
  firstResponse: Duration;
  resolution: Duration;
  warnBefore: Duration;
  active: boolean;
};

/** The form of a policy, or of a new one (4 hours to answer, 2 days to resolve, warned an hour before). */
export function toPolicyFormValues(policy?: TSlaPolicy): PolicyFormValues {
  return {
    name: policy?.name ?? '',
    typeId: policy?.type?.id ?? null,
    priority: policy?.priority ?? null,
    firstResponse: splitMinutes(policy?.firstResponseMinutes ?? 4 * 60),
    resolution: splitMinutes(policy?.resolutionMinutes ?? 2 * WORKING_DAY_MINUTES),
    warnBefore: splitMinutes(policy?.warnBeforeMinutes ?? 60),
    active: policy?.active ?? true,
  };
}

/** What the form sends: times in working minutes, "any" as null. */
export function toPolicyInput(values: PolicyFormValues): TSlaPolicyInput {
  return {
    name: values.name.trim(),
    typeId: values.typeId ?? null,
    priority: values.priority ?? null,
    firstResponseMinutes: joinMinutes(values.firstResponse),
    resolutionMinutes: joinMinutes(values.resolution),
    warnBeforeMinutes: joinMinutes(values.warnBefore),
    active: values.active,
  };
}

// ---------------------------------------------------------------- working calendars

/** The weekdays in the order the editor lists them: Monday first (0 = Sunday as the server counts). */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

export type TimeRange = { from: string; to: string };
export type DayHours = { day: number; working: boolean; intervals: TimeRange[] };
export type CalendarFormValues = { name: string; unitId: string | null; timeZone: string; week: DayHours[]; holidays: string[] };

const pad = (n: number) => String(n).padStart(2, '0');

/** Minutes from midnight as "HH:MM"; the end of the day is "24:00". */
export function minutesToTime(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** "HH:MM" (up to "24:00") as minutes from midnight; null when it is not a time. */
export function timeToMinutes(text: string): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return null;
  return hours * 60 + minutes;
}

/** The editor's week from a calendar, or Monday to Friday 09:00–18:00 for a new one. */
export function toCalendarFormValues(calendar: TWorkingCalendar | undefined, timeZone: string): CalendarFormValues {
  const hours = calendar?.hours ?? [1, 2, 3, 4, 5].map((day) => ({ day, from: 9 * 60, to: 18 * 60 }));
  return {
    name: calendar?.name ?? '',
    unitId: calendar?.unit?.id ?? null,
    timeZone: calendar?.timeZone ?? timeZone,
    week: WEEK_ORDER.map((day) => {
      const intervals = hours
        .filter((h) => h.day === day)
        .sort((a, b) => a.from - b.from)
        .map((h) => ({ from: minutesToTime(h.from), to: minutesToTime(h.to) }));
      return { day, working: intervals.length > 0, intervals: intervals.length > 0 ? intervals : [{ from: '09:00', to: '18:00' }] };
    }),
    holidays: calendar?.holidays ?? [],
  };
}

/** What is wrong with a day's hours: a time that is not one, an end before its start, or two intervals that overlap. */
export type DayProblem = 'time' | 'order' | 'overlap';

/** The first problem of a working day's intervals, if any. */
export function dayProblem(day: DayHours): DayProblem | null {
  if (!day.working) return null;
  const ranges = day.intervals.map((r) => ({ from: timeToMinutes(r.from), to: timeToMinutes(r.to) }));
  if (ranges.some((r) => r.from === null || r.to === null)) return 'time';
  if (ranges.some((r) => (r.to as number) <= (r.from as number))) return 'order';
  const sorted = [...ranges].sort((a, b) => (a.from as number) - (b.from as number));
  for (let i = 1; i < sorted.length; i += 1) {
    if ((sorted[i]?.from as number) < (sorted[i - 1]?.to as number)) return 'overlap';
  }
  return null;
}

/** What the editor sends: each working day's intervals in minutes, holidays sorted once each. */
export function toCalendarInput(values: CalendarFormValues): TWorkingCalendarInput {
  return {
    name: values.name.trim(),
    unitId: values.unitId ?? null,
    timeZone: values.timeZone,
    hours: values.week
      .filter((d) => d.working)
      .flatMap((d) => d.intervals.map((r) => ({ day: d.day, from: timeToMinutes(r.from) ?? 0, to: timeToMinutes(r.to) ?? 0 }))),
    holidays: [...new Set(values.holidays)].sort(),
  };
}

// ---------------------------------------------------------------- types and categories

export type CategoryFormValue = { id?: string; name: string; active: boolean };
export type TypeFormValues = { name: string; kind: TCaseKind; active: boolean; categories: CategoryFormValue[] };

export function toTypeFormValues(type?: TCaseType): TypeFormValues {
  return {
    name: type?.name ?? '',
    kind: type?.kind ?? 'complaint',
    active: type?.active ?? true,
    categories: [...(type?.categories ?? [])]
      .sort((a, b) => a.position - b.position)
      .map((c) => ({ id: c.id, name: c.name, active: c.active })),
  };
}

/** What the form sends: categories in the order shown (kept by id, new ones without), blank rows dropped. */
export function toTypeInput(values: TypeFormValues, position?: number): TCaseTypeInput {
  return {
    name: values.name.trim(),
    kind: values.kind,
    active: values.active,
    ...(position === undefined ? {} : { position }),
    categories: values.categories
      .filter((c) => c.name.trim() !== '')
      .map((c, index) => ({ ...(c.id ? { id: c.id } : {}), name: c.name.trim(), position: index, active: c.active })),
  };
}

/** The list with the item at `index` moved by `delta` places (unchanged at the ends). */
export function moveItem<T>(list: readonly T[], index: number, delta: number): T[] {
  const target = index + delta;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const copy = [...list];
  const [item] = copy.splice(index, 1);
  copy.splice(target, 0, item as T);
  return copy;
}

/** The positions to save after moving a type: each type whose place changed, numbered in order. */
export function reorderTypes(types: readonly TCaseType[], index: number, delta: number): { id: string; position: number }[] {
  const sorted = [...types].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
  return moveItem(sorted, index, delta)
    .map((type, position) => ({ id: type.id, position, before: type.position }))
    .filter((t) => t.position !== t.before)
    .map(({ id, position }) => ({ id, position }));
}

// ---------------------------------------------------------------- routing rules

export type RuleFormValues = {
  name: string;
  active: boolean;
  typeId: string | null;
  categoryId: string | null;
  productId: string | null;
  customerClass: 'A' | 'B' | 'C' | null;
  channel: TCaseChannel | null;
  unitId: string | null;
  userId: string | null;
  processDefinitionId: string | null;
};

export function toRuleFormValues(rule?: TCaseRoutingRule): RuleFormValues {
  return {
    name: rule?.name ?? '',
    active: rule?.active ?? true,
    typeId: rule?.type?.id ?? null,
    categoryId: rule?.category?.id ?? null,
    productId: rule?.product?.id ?? null,
    customerClass: rule?.customerClass ?? null,
    channel: rule?.channel ?? null,
    unitId: rule?.unit?.id ?? null,
    userId: rule?.user?.id ?? null,
    processDefinitionId: rule?.process?.id ?? null,
  };
}

/** A rule sends its cases somewhere: to a unit, a person or a process. */
export const ruleHasTarget = (v: Pick<RuleFormValues, 'unitId' | 'userId' | 'processDefinitionId'>): boolean =>
  Boolean(v.unitId || v.userId || v.processDefinitionId);

/** What the form sends: every condition and target, "any" and "none" as null; a category only with its type. */
export function toRuleInput(values: RuleFormValues, position?: number): TCaseRoutingRuleInput {
  return {
    name: values.name.trim(),
    active: values.active,
    ...(position === undefined ? {} : { position }),
    typeId: values.typeId ?? null,
    categoryId: values.typeId ? (values.categoryId ?? null) : null,
    productId: values.productId ?? null,
    customerClass: values.customerClass ?? null,
    channel: values.channel ?? null,
    unitId: values.unitId ?? null,
    userId: values.userId ?? null,
    processDefinitionId: values.processDefinitionId ?? null,
  };
}

/** The positions to save after moving a rule: the first matching rule wins, so order is what counts. */
export function reorderRules(rules: readonly TCaseRoutingRule[], index: number, delta: number): { id: string; position: number }[] {
  const sorted = [...rules].sort((a, b) => a.position - b.position);
  return moveItem(sorted, index, delta)
    .map((rule, position) => ({ id: rule.id, position, before: rule.position }))
    .filter((r) => r.position !== r.before)
    .map(({ id, position }) => ({ id, position }));
}
