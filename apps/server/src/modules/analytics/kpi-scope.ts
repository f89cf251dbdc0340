import type { TKpiPeriod } from '@clientela/contract';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { unitSubtree, units } from '../units/index.ts';
import { users } from '../users/index.ts';
import { analyticsPolicy } from './analytics.policy.ts';

/** A board query is stopped after this long, so that it can never hold the database. */
export const KPI_TIMEOUT_MS = 3_000;

/**
 * Runs the board's queries in one read-only transaction with a statement timeout: a runaway
 * query answers "try again" (429) instead of stalling everyone else's requests.
 */
export async function inKpiQuery<T>(ctx: Ctx, work: (tx: Executor) => Promise<T>): Promise<T> {
  try {
    return await ctx.db.transaction(
      async (tx) => {
        await tx.execute(sql.raw(`SET LOCAL statement_timeout = ${KPI_TIMEOUT_MS}`));
        return work(tx);
      },
      { accessMode: 'read only' },
    );
  } catch (error) {
    const code = (error as { code?: string; cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
    if (code === '57014')
      throw new AppError('too_many_requests', 'The figures took too long: try again in a moment', { headers: { 'retry-after': '5' } });
    throw error;
  }
}

const MEASURES = sql.raw(
  'bucket, potential_clients, quotes_sent, quotes_sent_base, new_deals, new_deals_base, deals_won, deals_won_base, 0 AS complaints_received, 0 AS complaints_resolved',
);

/**
 * Complaints received and resolved between two hours, one row per case and event, in the same
 * shape as the aggregate rows: counted on the cases themselves (a month holds a few thousand at
 * most), registered ones through the index on their creation time.
 */
function complaintRows(workspaceId: string, range: { from: string; to: string }, scope: SQL): SQL {
  const rows = (column: string, received: number) => {
    const at = sql.identifier(column);
    return sql`SELECT date_trunc('hour', ${at}, 'UTC') AS bucket, 0, 0, 0, 0, 0, 0, 0, ${sql.raw(String(received))},
        ${sql.raw(String(1 - received))}
      FROM support_case WHERE workspace_id = ${workspaceId} AND deleted_at IS NULL AND kind = 'complaint'
        AND ${at} >= ${range.from}::timestamptz AND ${at} < ${range.to}::timestamptz + interval '1 hour' AND ${scope}`;
  };
  return sql`${rows('created_at', 1)} UNION ALL ${rows('resolved_at', 0)}`;
}

const uuids = (ids: Iterable<string>) =>
  sql.join(
    [...ids].map((id) => sql`${id}::uuid`),
    sql`, `,
  );

/**
 * The aggregate rows this reader may count between two hours, as a FROM item `k` with the bucket
 * and the measures: admins and managers read the per-unit rows (a unit's tree; a manager also
 * their own deals booked outside it), employees their own per-owner rows. `unitId` narrows to that
 * unit and the units below it; a unit out of reach answers 403, an unknown one 404.
 */
export async function kpiSource(ctx: Ctx, tx: Executor, unitId: string | undefined, range: { from: string; to: string }): Promise<SQL> {
  const { actor } = ctx;
  let narrowed: Set<string> | undefined;
  if (unitId) {
    const [unit] = await tx
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.workspaceId, actor.workspaceId), eq(units.id, unitId)));
    if (!unit) throw notFound('unit');
    if (actor.role !== 'admin' && !(await actor.unitTree()).has(unitId)) throw forbidden('That unit is outside what you may see');
    narrowed = await unitSubtree(tx, actor.workspaceId, unitId);
  }
  const within = (table: string) =>
    sql`${sql.identifier(table)}.workspace_id = ${actor.workspaceId} AND ${sql.identifier(table)}.bucket >= ${range.from}::timestamptz
      AND ${sql.identifier(table)}.bucket <= ${range.to}::timestamptz`;
  const byUnit = (ids: Set<string> | undefined) =>
    sql`SELECT ${MEASURES} FROM kpi_unit_hourly WHERE ${within('kpi_unit_hourly')}${ids ? sql` AND unit_id IN (${uuids(ids)})` : sql``}`;
  const own = (extra: SQL = sql``) =>
    sql`SELECT ${MEASURES} FROM kpi_hourly WHERE ${within('kpi_hourly')} AND owner_id = ${actor.userId}${extra}`;
  const scope = analyticsPolicy.scope(actor, 'read');
  const inNarrowed = narrowed ? sql`unit_id IN (${uuids(narrowed)})` : sql`true`;
  const mine = sql`owner_id = ${actor.userId}`;
  let source: SQL;
  // The cases this reader counts, by the same rule as the deals.
  let cases: SQL;
  if (scope === 'all') {
    source = byUnit(narrowed);
    cases = inNarrowed;
  } else if (scope === 'unit') {
    const tree = await actor.unitTree();
    if (tree.size === 0) {
      source = own(narrowed ? sql` AND unit_id IN (${uuids(narrowed)})` : sql``);
      cases = sql`${mine} AND ${inNarrowed}`;
    } else if (narrowed) {
      source = byUnit(narrowed);
      cases = inNarrowed;
    } else {
      // Their unit's rows, and their own deals booked in no unit or in another one.
      source = sql`${byUnit(new Set(tree))} UNION ALL ${own(sql` AND (unit_id IS NULL OR unit_id NOT IN (${uuids(tree)}))`)}`;
      cases = sql`(unit_id IN (${uuids(tree)}) OR ${mine})`;
    }
  } else if (scope === 'own') {
    source = own(narrowed ? sql` AND unit_id IN (${uuids(narrowed)})` : sql``);
    cases = sql`${mine} AND ${inNarrowed}`;
  } else {
    source = sql`SELECT ${MEASURES} FROM kpi_hourly WHERE false`;
    cases = sql`false`;
  }
  return sql`(${source} UNION ALL ${complaintRows(actor.workspaceId, range, cases)}) AS k`;
}

/** The reader's time zone, unless the request names one. */
export async function zoneOf(ctx: Ctx, tx: Executor, asked: string | undefined): Promise<string> {
  if (asked) return asked;
  const [row] = await tx
    .select({ zone: users.timeZone })
    .from(users)
    .where(and(eq(users.workspaceId, ctx.actor.workspaceId), eq(users.id, ctx.actor.userId)));
  return row?.zone ?? 'UTC';
}

const ms = (instant: SQL) => sql`(extract(epoch FROM ${instant}) * 1000)::float8`;

const UNIT: Record<TKpiPeriod, string> = { today: 'day', week: 'week', month: 'month' };

/**
 * The period's bounds in the zone, computed by PostgreSQL (which knows the zone's offsets and
 * summer time): the current period from its start (local midnight, Monday, the 1st) until now,
 * the previous one from its start for as long as the current has lasted, capped at its end —
 * so today until 14:20 compares with yesterday until 14:20. The aggregates count whole UTC hours:
 * a bound inside an hour (zones with a half-hour offset) takes that hour with it.
 */
export async function periodBounds(tx: Executor, period: TKpiPeriod, zone: string) {
  const unit = UNIT[period];
  const result = await tx.execute<{ cur_from: number; prev_from: number; prev_to: number; now: number }>(sql`
    WITH b AS (
      SELECT now() AS now,
        date_trunc(${unit}, now() AT TIME ZONE ${zone}) AS local_start
    ), s AS (
      SELECT now, local_start AT TIME ZONE ${zone} AS cur_from,
        (local_start - ${`1 ${unit}`}::interval) AT TIME ZONE ${zone} AS prev_from
      FROM b
    )
    SELECT ${ms(sql`cur_from`)} AS cur_from, ${ms(sql`prev_from`)} AS prev_from,
      ${ms(sql`least(prev_from + (now - cur_from), cur_from)`)} AS prev_to, ${ms(sql`now`)} AS now
    FROM s`);
  const row = result.rows[0];
  if (!row) throw new Error('no period bounds');
  const date = (v: number | string) => new Date(Number(v));
  return { curFrom: date(row.cur_from), prevFrom: date(row.prev_from), prevTo: date(row.prev_to), now: date(row.now) };
}

export type PeriodBounds = Awaited<ReturnType<typeof periodBounds>>;
