import {
  OPEN_CASE_STATUSES,
  type TCaseStatDimension,
  type TCaseStatistics,
  type TCaseStatisticsQuery,
  ZCaseStatisticsQuery,
} from '@clientela/contract';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { readableRecords } from '../activities/records.ts';
import { products } from '../products/index.ts';
import { unitSubtree, units } from '../units/index.ts';
import { users } from '../users/index.ts';
import { casePolicy } from './cases.policy.ts';
import { caseCategories, caseTypes } from './cases.table.ts';

/** The longest period statistics are asked for at once, in days (three years and a leap day). */
export const MAX_PERIOD_DAYS = 3 * 366;

// ---------------------------------------------------------------- calendar days (YYYY-MM-DD)

const toDate = (day: string) => new Date(`${day}T00:00:00Z`);
const toDay = (date: Date) => date.toISOString().slice(0, 10);

/** The day `n` days after `day` (before, when negative). */
export const addDays = (day: string, n: number) => toDay(new Date(toDate(day).getTime() + n * 86_400_000));

/** The last day of the month `day` falls in. */
export function monthEnd(day: string): string {
  const d = toDate(day);
  return toDay(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)));
}

/** The same day `n` months later (earlier when negative), or that month's last day when it is shorter (31 March − 1 month = 28/29 February). */
export function addMonths(day: string, n: number): string {
  const d = toDate(day);
  const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
  const last = toDate(monthEnd(toDay(first))).getUTCDate();
  return toDay(new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d.getUTCDate(), last))));
}

const daysBetween = (from: string, to: string) => Math.round((toDate(to).getTime() - toDate(from).getTime()) / 86_400_000);
const wholeMonths = (from: string, to: string) => from.endsWith('-01') && monthEnd(to) === to;

export type Period = { from: string; to: string };

/**
 * The period before `period`, as long: whole months compare with as many whole months before
 * (March with February, the first quarter with the last one of the year before), any other span
 * with as many days just before it.
 */
export function previousPeriod({ from, to }: Period): Period {
  if (wholeMonths(from, to)) {
    const months = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
    return { from: addMonths(from, -months), to: addDays(from, -1) };
  }
  const length = daysBetween(from, to) + 1;
  return { from: addDays(from, -length), to: addDays(from, -1) };
}

/** The same period a year before (29 February becomes the 28th; a whole February stays whole). */
export function yearBefore({ from, to }: Period): Period {
  const end = addMonths(to, -12);
  return { from: addMonths(from, -12), to: wholeMonths(from, to) ? monthEnd(end) : end };
}

/**
 * The period asked for: both days, or this month (in the reader's zone) by default; with only
 * `from`, to the end of its month; with only `to`, from the start of its month. 400 naming `to`
 * when it ends before it starts or spans more than three years, naming the day outside 2000–2999.
 */
export function periodOf(query: Pick<TCaseStatisticsQuery, 'from' | 'to'>, today: string): Period {
  const from = query.from ?? (query.to ? `${query.to.slice(0, 8)}01` : `${today.slice(0, 8)}01`);
  const invalid = (message: string, path = 'to') => new AppError('validation_failed', message, { errors: [{ path, message }] });
  // Years the database's dates and people's calendars both hold (year 1 a year before would not).
  for (const path of ['from', 'to'] as const) {
    const day = query[path];
    if (day && (day < '2000-01-01' || day > '2999-12-31')) throw invalid('Choose a date between 2000 and 2999', path);
  }
  const to = query.to ?? monthEnd(from);
  if (to < from) throw invalid('The period ends before it starts');
  if (daysBetween(from, to) + 1 > MAX_PERIOD_DAYS) throw invalid('The period is longer than three years');
  return { from, to };
}

// ---------------------------------------------------------------- the statistics

/** How each dimension groups cases, and where its labels come from (null: the value itself). */
const DIMENSIONS: Record<TCaseStatDimension, { key: SQL; names: { table: SQL; id: SQL; name: SQL } | null }> = {
  type: { key: sql`s.type_id::text`, names: { table: sql`${caseTypes}`, id: sql`${caseTypes.id}`, name: sql`${caseTypes.name}` } },
  category: {
    key: sql`s.category_id::text`,
    names: { table: sql`${caseCategories}`, id: sql`${caseCategories.id}`, name: sql`${caseCategories.name}` },
  },
  product: { key: sql`s.product_id::text`, names: { table: sql`${products}`, id: sql`${products.id}`, name: sql`${products.name}` } },
  owner: { key: sql`s.owner_id::text`, names: { table: sql`${users}`, id: sql`${users.id}`, name: sql`${users.name}` } },
  unit: { key: sql`s.unit_id::text`, names: { table: sql`${units}`, id: sql`${units.id}`, name: sql`${units.name}` } },
  channel: { key: sql`s.channel`, names: null },
  verdict: { key: sql`s.verdict`, names: null },
  priority: { key: sql`s.priority`, names: null },
};

const PERIODS = ['cur', 'prev', 'ly'] as const;
type PeriodKey = (typeof PERIODS)[number];

/** The figures summed per period; averages are sums and counts until the end. */
const FIGURES = [
  'received',
  'resolved',
  'open',
  'sla_due',
  'sla_met',
  'fr_due',
  'fr_met',
  'handling_seconds',
  'satisfaction_sum',
  'satisfaction_n',
  'unfounded',
] as const;
type Figure = (typeof FIGURES)[number];
type Sums = Record<Figure, number>;

/**
 * One target's figures in a period: a target counts once, in the period it was met or missed
 * (done), or while still undone in the period it fell due; met when done by its due time and never
 * marked breached. Paused targets (no due time) are not due.
 */
function targetFigures(inPeriod: (column: SQL) => SQL, done: SQL, due: SQL, breached: SQL, now: SQL) {
  const hasTarget = sql`s.sla_policy_id IS NOT NULL`;
  return {
    due: sql`${hasTarget} AND (${inPeriod(done)} OR (${done} IS NULL AND ${inPeriod(due)} AND ${due} <= ${now}))`,
    met: sql`${hasTarget} AND ${inPeriod(done)} AND ${breached} IS NULL AND (${due} IS NULL OR ${done} <= ${due})`,
  };
}

/**
 * Each figure of a period as a filtered aggregate. Measured against grouping by the periods each
 * event falls in (fewer aggregates per case): that plan sorted all cases into the leader instead
 * of aggregating in the parallel workers, and was about three times slower at 100k cases.
 */
function figureColumns(period: PeriodKey, inPeriod: (column: SQL) => SQL, now: SQL): SQL[] {
  const created = inPeriod(sql`s.created_at`);
  const resolved = inPeriod(sql`s.resolved_at`);
  const openStatuses = sql.join(
    OPEN_CASE_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  );
  const sla = targetFigures(inPeriod, sql`s.resolved_at`, sql`s.resolution_due_at`, sql`s.resolution_breached_at`, now);
  const fr = targetFigures(inPeriod, sql`s.first_responded_at`, sql`s.first_response_due_at`, sql`s.first_response_breached_at`, now);
  const count = (where: SQL) => sql`count(*) FILTER (WHERE ${where})::int`;
  const columns: Record<Figure, SQL> = {
    received: count(created),
    resolved: count(resolved),
    open: count(sql`${created} AND s.status IN (${openStatuses})`),
    sla_due: count(sla.due),
    sla_met: count(sla.met),
    fr_due: count(fr.due),
    fr_met: count(fr.met),
    // Seconds, summed exactly (numeric), so that the daily sums add up to the same total.
    handling_seconds: sql`coalesce(sum(extract(epoch FROM s.resolved_at - s.created_at)::numeric) FILTER (WHERE ${resolved}), 0)`,
    satisfaction_sum: sql`coalesce(sum(s.satisfaction) FILTER (WHERE ${inPeriod(sql`s.satisfaction_at`)}), 0)::int`,
    satisfaction_n: count(sql`s.satisfaction IS NOT NULL AND ${inPeriod(sql`s.satisfaction_at`)}`),
    unfounded: count(sql`s.verdict = 'unfounded' AND ${resolved}`),
  };
  return FIGURES.map((figure) => sql`${columns[figure]} AS ${sql.identifier(`${period}_${figure}`)}`);
}

const uuids = (ids: Iterable<string>) =>
  sql.join(
    [...ids].map((id) => sql`${id}::uuid`),
    sql`, `,
  );

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);
const round = (value: number | null, digits = 2) => (value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits);

/** The reader's time zone and today's date in it, by the server's clock. */
async function readerDay(ctx: Ctx, now: Date) {
  const [row] = await ctx.db
    .select({
      zone: users.timeZone,
      today: sql<string>`to_char(${now.toISOString()}::timestamptz AT TIME ZONE ${users.timeZone}, 'YYYY-MM-DD')`,
    })
    .from(users)
    .where(and(eq(users.workspaceId, ctx.actor.workspaceId), eq(users.id, ctx.actor.userId)));
  return row ?? { zone: 'UTC', today: now.toISOString().slice(0, 10) };
}

/** A unit and those below it; 404 for a unit of no such id in the workspace. */
async function unitScope(ctx: Ctx, unitId: string | undefined): Promise<Set<string> | undefined> {
  if (!unitId) return undefined;
  const [unit] = await ctx.db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.workspaceId, ctx.actor.workspaceId), eq(units.id, unitId)));
  if (!unit) throw notFound('unit');
  return unitSubtree(ctx.db, ctx.actor.workspaceId, unitId);
}

const DAY_MS = 86_400_000;

/** An interval of time counted from the cases themselves: [start, end). */
export type Window = { start: Date; end: Date };
/** Rows of `case_daily` of one grain: days (or months, by their first day) from `from` up to `to`, excluded. */
export type Span = { grain: 'day' | 'month'; from: string; to: string };

/**
 * How a period [start, end) is counted: whole UTC days before today from the daily and monthly
 * sums (whole months as months), and the hours around them (a local midnight is rarely a UTC one;
 * today and after, where a target owed falls due only once `now` has passed) from the cases.
 */
export function splitPeriod(start: Date, end: Date, now: Date): { windows: Window[]; spans: Span[] } {
  const a = Math.ceil(start.getTime() / DAY_MS) * DAY_MS;
  const b = Math.min(Math.floor(end.getTime() / DAY_MS), Math.floor(now.getTime() / DAY_MS)) * DAY_MS;
  if (b <= a) return { windows: [{ start, end }], spans: [] };
  const windows = [
    ...(start.getTime() < a ? [{ start, end: new Date(a) }] : []),
    ...(b < end.getTime() ? [{ start: new Date(b), end }] : []),
  ];
  const dayA = toDay(new Date(a));
  const dayB = toDay(new Date(b));
  const monthA = dayA.endsWith('-01') ? dayA : addDays(monthEnd(dayA), 1);
  const monthB = `${dayB.slice(0, 8)}01`;
  if (monthA >= monthB) return { windows, spans: [{ grain: 'day', from: dayA, to: dayB }] };
  const spans: Span[] = [
    ...(dayA < monthA ? [{ grain: 'day' as const, from: dayA, to: monthA }] : []),
    { grain: 'month', from: monthA, to: monthB },
    ...(monthB < dayB ? [{ grain: 'day' as const, from: monthB, to: dayB }] : []),
  ];
  return { windows, spans };
}

const any = (parts: SQL[]) => (parts.length === 0 ? sql`false` : sql`(${sql.join(parts, sql` OR `)})`);
const during = (column: SQL, w: Window) =>
  sql`(${column} >= ${w.start.toISOString()}::timestamptz AND ${column} < ${w.end.toISOString()}::timestamptz)`;

/** A period's figures from `case_daily` rows summed by key and the periods they fall in (`g`), named as `figureColumns` names them. */
function dailyColumns(period: PeriodKey): SQL[] {
  const flag = sql.identifier(`in_${period}`);
  return FIGURES.map(
    (figure) => sql`coalesce(sum(g.${sql.identifier(figure)}) FILTER (WHERE g.${flag}), 0) AS ${sql.identifier(`${period}_${figure}`)}`,
  );
}

/** Whether a `case_daily` row `d` falls in any of the spans. */
const inSpans = (spans: Span[]) =>
  any(spans.map((span) => sql`(d.grain = ${span.grain} AND d.day >= ${span.from}::date AND d.day < ${span.to}::date)`));

/** Where statistics are counted from: the daily sums (and the cases at the edges), or the cases alone. */
export type StatisticsSource = 'daily' | 'cases';

/**
 * Case statistics of a period in the reader's time zone (today and "due by now" by the server's clock `now`), grouped by a dimension, beside the
 * previous period as long and the same period a year before. All staff read every case (the case
 * policy), so the figures cover the workspace, or a unit and the units below it with `unitId`.
 * Whole days come from the daily sums kept by a trigger (`case_daily`), the hours around them
 * from the cases; `source: 'cases'` counts everything from the cases in one pass (the same
 * answer, slower: kept as the reference). A second statement finds the customers with repeated
 * unfounded complaints, named only when the reader may read them.
 */
export async function caseStatistics(
  ctx: Ctx,
  raw: TCaseStatisticsQuery,
  now: Date,
  source: StatisticsSource = 'daily',
): Promise<TCaseStatistics> {
  const query = ZCaseStatisticsQuery.parse(raw);
  const [{ zone, today }, narrowed] = await Promise.all([readerDay(ctx, now), unitScope(ctx, query.unitId)]);
  const current = periodOf(query, today);
  const periods: Record<PeriodKey, Period> = { cur: current, prev: previousPeriod(current), ly: yearBefore(current) };
  // Local midnights, folded to constants by the planner.
  const midnight = (day: string) => sql`(${day}::date::timestamp AT TIME ZONE ${zone})`;
  const bounds = (p: Period) => ({ start: midnight(p.from), end: midnight(addDays(p.to, 1)) });
  const earliest = [periods.cur.from, periods.prev.from, periods.ly.from].sort()[0] ?? current.from;
  const nowSql = sql`${now.toISOString()}::timestamptz`;

  const workspaceId = ctx.actor.workspaceId;
  // A defined role that reads only some cases counts only those, straight from the cases (the
  // daily sums are kept per unit and for the workspace, not per reach); shared cases are single
  // records, not part of statistics.
  const reach =
    casePolicy.scope(ctx.actor, 'read') === 'all'
      ? undefined
      : await casePolicy.filter(ctx.actor, 'read', { owner: sql`s.owner_id`, unit: sql`s.unit_id` });
  const scope = sql.join(
    [
      sql`s.workspace_id = ${workspaceId} AND s.deleted_at IS NULL`,
      ...(query.kind ? [sql`s.kind = ${query.kind}`] : []),
      ...(narrowed ? [sql`s.unit_id IN (${uuids(narrowed)})`] : []),
      ...(reach ? [reach] : []),
    ],
    sql` AND `,
  );
  const dimension = DIMENSIONS[query.by];
  let aggregate: SQL;
  if (source === 'cases' || reach) {
    const start = midnight(earliest);
    // Everything counted happens after the case was created, so nothing created after the period matters.
    const involved = sql`s.created_at < ${bounds(periods.cur).end} AND (s.created_at >= ${start} OR s.resolved_at >= ${start}
      OR s.first_responded_at >= ${start} OR s.satisfaction_at >= ${start}
      OR s.resolution_due_at >= ${start} OR s.first_response_due_at >= ${start})`;
    aggregate = sql`
      SELECT ${dimension.key} AS k, ${sql.join(
        PERIODS.flatMap((p) => {
          const { start: from, end: to } = bounds(periods[p]);
          return figureColumns(p, (column) => sql`${column} >= ${from} AND ${column} < ${to}`, nowSql);
        }),
        sql`, `,
      )}
      FROM support_case s
      WHERE ${scope} AND ${involved}
      GROUP BY 1`;
  } else {
    aggregate = await dailyAggregate(ctx, { periods, zone, now, nowSql, scope, dimension: query.by, narrowed, kind: query.kind });
  }
  const names = dimension.names;
  const labelled = names
    ? sql`SELECT a.*, (SELECT ${names.name} FROM ${names.table} WHERE ${names.table}.workspace_id = ${workspaceId}
        AND ${names.id} = a.k::uuid) AS label FROM (${aggregate}) a`
    : sql`SELECT a.*, a.k AS label FROM (${aggregate}) a`;
  const [result, repeated] = await Promise.all([
    ctx.db.execute<Record<string, number | string | null>>(labelled),
    repeatedUnfounded(ctx, narrowed, now),
  ]);

  const sumsOf = (row: Record<string, number | string | null>, p: PeriodKey): Sums =>
    Object.fromEntries(FIGURES.map((f) => [f, Number(row[`${p}_${f}`] ?? 0)])) as Sums;
  const totals = Object.fromEntries(
    PERIODS.map((p) => {
      const sum = Object.fromEntries(FIGURES.map((f) => [f, 0])) as Sums;
      for (const row of result.rows) {
        const figures = sumsOf(row, p);
        for (const f of FIGURES) sum[f] += figures[f];
      }
      return [p, sum];
    }),
  ) as Record<PeriodKey, Sums>;

  const present = (p: PeriodKey) => {
    const s = totals[p];
    return {
      from: periods[p].from,
      to: periods[p].to,
      received: s.received,
      resolved: s.resolved,
      open: s.open,
      slaCompliance: round(ratio(s.sla_met, s.sla_due), 4),
      firstResponseCompliance: round(ratio(s.fr_met, s.fr_due), 4),
      avgHandlingHours: round(ratio(s.handling_seconds / 3600, s.resolved), 1),
      avgSatisfaction: round(ratio(s.satisfaction_sum, s.satisfaction_n), 2),
      unfounded: s.unfounded,
    };
  };

  const rows = result.rows
    .map((row) => {
      const cur = sumsOf(row, 'cur');
      return {
        key: row.k === null ? null : String(row.k),
        label: row.label === null ? '' : String(row.label),
        current: cur.received,
        previous: sumsOf(row, 'prev').received,
        lastYear: sumsOf(row, 'ly').received,
        resolved: cur.resolved,
        slaCompliance: round(ratio(cur.sla_met, cur.sla_due), 4),
        avgHandlingHours: round(ratio(cur.handling_seconds / 3600, cur.resolved), 1),
      };
    })
    // Rows with nothing to show in any period (a case only due or rated) are left out.
    .filter((r) => r.current + r.previous + r.lastYear + r.resolved > 0)
    // Two values may share a name (a category "Other" of two types): their ids keep the order fixed.
    .sort(
      (a, b) =>
        b.current - a.current || b.previous - a.previous || a.label.localeCompare(b.label) || (a.key ?? '').localeCompare(b.key ?? ''),
    );

  return { by: query.by, current: present('cur'), previous: present('prev'), lastYear: present('ly'), rows, repeatedUnfounded: repeated };
}

/**
 * The statement summing a dimension's `case_daily` rows over the whole days of the three periods
 * and, beside them, the cases whose events fall in the hours left over, one row per key.
 */
async function dailyAggregate(
  ctx: Ctx,
  options: {
    periods: Record<PeriodKey, Period>;
    zone: string;
    now: Date;
    nowSql: SQL;
    scope: SQL;
    dimension: TCaseStatDimension;
    narrowed: Set<string> | undefined;
    kind: TCaseStatisticsQuery['kind'];
  },
): Promise<SQL> {
  const { periods, zone, now, nowSql, scope, dimension, narrowed, kind } = options;
  // The periods' local midnights as instants (one round trip; the zone's rules are PostgreSQL's).
  const days = PERIODS.flatMap((p) => [periods[p].from, addDays(periods[p].to, 1)]);
  const [instants] = (
    await ctx.db.execute<Record<string, string | Date>>(
      sql`SELECT ${sql.join(
        days.map((day, i) => sql`(${day}::date::timestamp AT TIME ZONE ${zone}) AS ${sql.identifier(`t${i}`)}`),
        sql`, `,
      )}`,
    )
  ).rows;
  const instant = (i: number) => new Date(instants?.[`t${i}`] ?? '');
  const plans = Object.fromEntries(PERIODS.map((p, i) => [p, splitPeriod(instant(2 * i), instant(2 * i + 1), now)])) as Record<
    PeriodKey,
    ReturnType<typeof splitPeriod>
  >;

  const allSpans = PERIODS.flatMap((p) => plans[p].spans);
  // Summed first by key and by the periods each row falls in (a handful of rows per key), then
  // per period: each row's periods are worked out once, not once per figure.
  const daily = sql`
    SELECT g.k, ${sql.join(
      PERIODS.flatMap((p) => dailyColumns(p)),
      sql`, `,
    )}
    FROM (
      SELECT d.value AS k, ${sql.join(
        PERIODS.map((p) => sql`${inSpans(plans[p].spans)} AS ${sql.identifier(`in_${p}`)}`),
        sql`, `,
      )},
        sum(d.received) AS received, sum(d.resolved) AS resolved, sum(d.open) AS open,
        sum(d.sla_done + d.sla_owed) AS sla_due, sum(d.sla_met) AS sla_met,
        sum(d.first_response_done + d.first_response_owed) AS fr_due, sum(d.first_response_met) AS fr_met,
        sum(d.handling_seconds) AS handling_seconds, sum(d.satisfaction_sum) AS satisfaction_sum,
        sum(d.satisfaction_n) AS satisfaction_n, sum(d.unfounded) AS unfounded
      FROM case_daily d
      WHERE d.workspace_id = ${ctx.actor.workspaceId} AND d.dimension = ${dimension} AND d.whole = ${!narrowed}
        ${narrowed ? sql`AND d.unit_id IN (${uuids(narrowed)})` : sql``}
        ${kind ? sql`AND d.kind = ${kind}` : sql``}
        AND ${inSpans(allSpans)}
      GROUP BY 1, 2, 3, 4
    ) g
    GROUP BY 1`;

  const windows = [
    ...new Map(PERIODS.flatMap((p) => plans[p].windows).map((w) => [`${w.start.toISOString()} ${w.end.toISOString()}`, w])).values(),
  ];
  const parts = [daily];
  if (windows.length > 0) {
    // The cases with an event in a window: one plain range read of an index per event and window
    // (one OR of them all took the planner longer than the reads, weighing every partial index on each arm).
    const live = sql`e.workspace_id = ${ctx.actor.workspaceId} AND e.deleted_at IS NULL`;
    const involved = windows.flatMap((w) =>
      [
        during(sql`e.created_at`, w),
        during(sql`e.resolved_at`, w),
        during(sql`e.first_responded_at`, w),
        during(sql`e.satisfaction_at`, w),
        sql`e.resolved_at IS NULL AND e.sla_policy_id IS NOT NULL AND ${during(sql`e.resolution_due_at`, w)}`,
        sql`e.first_responded_at IS NULL AND e.sla_policy_id IS NOT NULL AND ${during(sql`e.first_response_due_at`, w)}`,
      ].map((event) => sql`SELECT e.id FROM support_case e WHERE ${live} AND ${event}`),
    );
    parts.push(sql`
      SELECT ${DIMENSIONS[dimension].key} AS k, ${sql.join(
        PERIODS.flatMap((p) => figureColumns(p, (column) => any(plans[p].windows.map((w) => during(column, w))), nowSql)),
        sql`, `,
      )}
      FROM support_case s
      WHERE ${scope} AND s.id IN (${sql.join(involved, sql` UNION ALL `)})
      GROUP BY 1`);
  }
  const columns = PERIODS.flatMap((p) => FIGURES.map((f) => sql.identifier(`${p}_${f}`)));
  return sql`SELECT u.k, ${sql.join(
    columns.map((c) => sql`sum(u.${c}) AS ${c}`),
    sql`, `,
  )} FROM (${sql.join(parts, sql` UNION ALL `)}) u GROUP BY u.k`;
}

/** How many customers with repeated unfounded complaints are listed at most. */
const REPEATED_LIMIT = 50;

/**
 * Customers (the company, or the contact when the case names no company) with two or more
 * unfounded complaints registered in the last 12 months, most first. Customers the reader may
 * not read are left out, not even unnamed.
 */
async function repeatedUnfounded(ctx: Ctx, narrowed: Set<string> | undefined, now: Date): Promise<TCaseStatistics['repeatedUnfounded']> {
  const result = await ctx.db.execute<{ company_id: string | null; contact_id: string | null; n: number; last_at: string | Date }>(sql`
    SELECT s.company_id, CASE WHEN s.company_id IS NULL THEN s.contact_id END AS contact_id, count(*)::int AS n, max(s.created_at) AS last_at
    FROM support_case s
    WHERE s.workspace_id = ${ctx.actor.workspaceId} AND s.deleted_at IS NULL AND s.kind = 'complaint' AND s.verdict = 'unfounded'
      AND s.created_at >= ${now.toISOString()}::timestamptz - interval '12 months' AND (s.company_id IS NOT NULL OR s.contact_id IS NOT NULL)
      ${narrowed ? sql`AND s.unit_id IN (${uuids(narrowed)})` : sql``}
    GROUP BY 1, 2
    HAVING count(*) >= 2
    ORDER BY n DESC, last_at DESC, 1, 2
    LIMIT ${REPEATED_LIMIT * 4}`);
  if (result.rows.length === 0) return [];
  const readable = await readableRecords(ctx, ctx.db, {
    company: result.rows.flatMap((r) => (r.company_id ? [r.company_id] : [])),
    contact: result.rows.flatMap((r) => (r.contact_id ? [r.contact_id] : [])),
  });
  return result.rows
    .flatMap((r) => {
      const company = r.company_id ? readable.get(r.company_id) : undefined;
      const contact = r.contact_id ? readable.get(r.contact_id) : undefined;
      if (!company && !contact) return [];
      return [
        {
          company: company ? { id: company.id, name: company.name } : null,
          contact: contact ? { id: contact.id, name: contact.name } : null,
          unfounded: Number(r.n),
          lastAt: new Date(r.last_at).toISOString(),
        },
      ];
    })
    .slice(0, REPEATED_LIMIT);
}
