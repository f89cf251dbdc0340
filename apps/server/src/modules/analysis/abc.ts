import type {
  TAbcCell,
  TAbcClass,
  TAbcCustomer,
  TAbcQuery,
  TAbcReport,
  TAbcSettings,
  TApplyAbcResult,
  TUpdateAbcSettingsInput,
  TXyzClass,
} from '@clientela/contract';
import { ABC_CLASSES, XYZ_CLASSES } from '@clientela/contract';
import { and, eq, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError, forbidden } from '../../http/errors.ts';
import type { Actor } from '../authz/index.ts';
import { baseCurrencyOf } from '../currencies/index.ts';
import { recordChanges } from '../history/index.ts';
import { users } from '../users/index.ts';
import { abcSettings } from './analysis.table.ts';
import { cents, inReport, money, monthlyRevenue } from './report-source.ts';

type SettingsRow = typeof abcSettings.$inferSelect;

async function settingsRow(db: Executor, workspaceId: string): Promise<SettingsRow> {
  const [row] = await db.select().from(abcSettings).where(eq(abcSettings.workspaceId, workspaceId));
  return (
    row ?? {
      workspaceId,
      aShare: '80.00',
      bShare: '95.00',
      xVariation: '10.00',
      yVariation: '25.00',
      basis: 'won_deals',
      schedule: 'manual',
      writtenAt: null,
      writtenById: null,
      updatedAt: new Date(),
    }
  );
}

/** The workspace's thresholds, basis and schedule, and when the classes were last written. */
export async function getAbcSettings(ctx: Ctx, db: Executor = ctx.db): Promise<TAbcSettings> {
  const row = await settingsRow(db, ctx.actor.workspaceId);
  const [writer] = row.writtenById
    ? await db
        .select({ id: users.id, name: users.name })
        .from(users)
        .where(and(eq(users.workspaceId, row.workspaceId), eq(users.id, row.writtenById)))
    : [];
  return {
    aShare: row.aShare,
    bShare: row.bShare,
    xVariation: row.xVariation,
    yVariation: row.yVariation,
    basis: row.basis,
    schedule: row.schedule,
    writtenAt: row.writtenAt?.toISOString() ?? null,
    writtenBy: writer ?? null,
  };
}

/** Admins change the thresholds, what revenue is, and whether the classes are written monthly. */
export async function updateAbcSettings(ctx: Ctx, input: TUpdateAbcSettingsInput): Promise<TAbcSettings> {
  if (ctx.actor.role !== 'admin') throw forbidden('Only admins change the ABC settings');
  const current = await settingsRow(ctx.db, ctx.actor.workspaceId);
  const next = { ...current, ...input, updatedAt: new Date() };
  if (Number(next.aShare) > Number(next.bShare) || Number(next.xVariation) > Number(next.yVariation)) {
    throw new AppError('validation_failed', 'A threshold is below the one before it', {
      errors: [
        Number(next.aShare) > Number(next.bShare)
          ? { path: 'bShare', message: 'Must not be below aShare' }
          : { path: 'yVariation', message: 'Must not be below xVariation' },
      ],
    });
  }
  const values = {
    aShare: next.aShare,
    bShare: next.bShare,
    xVariation: next.xVariation,
    yVariation: next.yVariation,
    basis: next.basis,
    schedule: next.schedule,
    updatedAt: next.updatedAt,
  };
  await ctx.db
    .insert(abcSettings)
    .values({ workspaceId: ctx.actor.workspaceId, ...values })
    .onConflictDoUpdate({ target: abcSettings.workspaceId, set: values });
  return getAbcSettings(ctx);
}

const iso = (day: Date) => day.toISOString().slice(0, 10);

/** The last 12 months: from the first day of the month 11 months back to today. */
function defaultPeriod(today = new Date()) {
  const from = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 11, 1));
  return { from: iso(from), to: iso(today) };
}

/** The calendar months from one day to another, both included ("2017-01", …). */
export function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const end = to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > end) break;
    months.push(key);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/** "80.5" → 8050: a percentage in hundredths, for exact comparisons. */
const hundredths = (percent: string) => cents(percent);

/** `part / whole` in per cent, rounded half up to two decimals. */
function percentOf(part: bigint, whole: bigint): string {
  if (whole === 0n) return '0.00';
  return money((part * 20_000n + whole) / (2n * whole));
}

/**
 * ABC: customers ranked by revenue, largest first (ties by name); a customer is A while the revenue
 * ranked before it is below aShare of the total, so the customer that crosses the line is still A;
 * then B likewise up to bShare; the rest C.
 * XYZ: the coefficient of variation of its monthly revenue over the period's calendar months
 * (months without revenue count as 0; population standard deviation over the mean): X up to
 * xVariation, Y up to yVariation, Z above. Both are decided in exact integer arithmetic.
 * Only companies are classified: revenue of deals with a contact alone is shown as unassigned.
 */
export async function abcReport(ctx: Ctx, query: Partial<TAbcQuery>, today?: Date): Promise<TAbcReport> {
  return inReport(ctx, async (tx) => {
    const settings = await settingsRow(tx, ctx.actor.workspaceId);
    const period = defaultPeriod(today);
    const from = query.from ?? (query.to ? `${query.to.slice(0, 4)}-01-01` : period.from);
    const to = query.to ?? period.to;
    const basis = query.basis ?? settings.basis;
    const aShare = query.aShare ?? settings.aShare;
    const bShare = query.bShare ?? settings.bShare;
    const xVariation = query.xVariation ?? settings.xVariation;
    const yVariation = query.yVariation ?? settings.yVariation;
    const months = monthsOf(from, to);
    const source = await monthlyRevenue(ctx, basis, { from, to });
    // Summed per customer and month first, then one row per customer with its months: the
    // customers' names are looked up once each, and few rows travel.
    const result = await tx.execute<{
      company_id: string | null;
      name: string | null;
      class: TAbcClass | null;
      months: string[];
      amounts: string[];
    }>(sql`
      WITH monthly AS (SELECT s.company_id, s.month, sum(s.amount) AS amount FROM (${source}) s GROUP BY 1, 2),
      customers AS (
        SELECT company_id, array_agg(to_char(month, 'YYYY-MM')) AS months, array_agg(amount::text) AS amounts
        FROM monthly GROUP BY 1
      )
      SELECT m.company_id, c.name, c.class, m.months, m.amounts
      FROM customers m
      LEFT JOIN company c ON c.workspace_id = ${ctx.actor.workspaceId} AND c.id = m.company_id AND c.deleted_at IS NULL`);

    let unassigned = 0n;
    const byCompany = new Map<string, { name: string; current: TAbcClass | null; total: bigint; monthly: Map<string, bigint> }>();
    for (const row of result.rows) {
      const amounts = row.amounts.map(cents);
      if (!row.company_id) {
        unassigned += amounts.reduce((sum, amount) => sum + amount, 0n);
        continue;
      }
      if (row.name === null) continue; // a company in the bin
      const monthly = new Map<string, bigint>();
      row.months.forEach((m, i) => {
        monthly.set(m, amounts[i] ?? 0n);
      });
      byCompany.set(row.company_id, {
        name: row.name,
        current: row.class,
        total: amounts.reduce((sum, amount) => sum + amount, 0n),
        monthly,
      });
    }
    const ranked = [...byCompany.entries()]
      .filter(([, c]) => c.total > 0n)
      .sort(([aId, a], [bId, b]) =>
        a.total === b.total ? a.name.localeCompare(b.name) || aId.localeCompare(bId) : a.total > b.total ? -1 : 1,
      );
    const total = ranked.reduce((sum, [, c]) => sum + c.total, 0n);
    const [aH, bH, xH, yH] = [hundredths(aShare), hundredths(bShare), hundredths(xVariation), hundredths(yVariation)];
    const n = BigInt(months.length);

    let before = 0n;
    const customers: TAbcCustomer[] = ranked.map(([id, c]) => {
      const abc: TAbcClass = before * 10_000n < aH * total ? 'A' : before * 10_000n < bH * total ? 'B' : 'C';
      before += c.total;
      const values = months.map((m) => c.monthly.get(m) ?? 0n);
      const sumSquares = values.reduce((sum, x) => sum + x * x, 0n);
      // cv² = n·Σx² / (Σx)² − 1; cv ≤ t % ⇔ 10⁸·(n·Σx² − S²) ≤ (t in hundredths)²·S².
      const spread = n * sumSquares - c.total * c.total;
      const within = (limit: bigint) => 100_000_000n * spread <= limit * limit * c.total * c.total;
      const xyz: TXyzClass = within(xH) ? 'X' : within(yH) ? 'Y' : 'Z';
      const cv = Math.sqrt(Math.max(0, Number(spread) / Number(c.total * c.total))) * 100;
      return {
        company: { id, name: c.name },
        revenue: money(c.total),
        share: percentOf(c.total, total),
        cumulativeShare: percentOf(before, total),
        abc,
        cv: cv.toFixed(2),
        xyz,
        currentClass: c.current,
      };
    });
    const matrix: TAbcCell[] = ABC_CLASSES.flatMap((abc) =>
      XYZ_CLASSES.map((xyz) => {
        const inCell = customers.filter((c) => c.abc === abc && c.xyz === xyz);
        return { abc, xyz, count: inCell.length, revenue: money(inCell.reduce((sum, c) => sum + cents(c.revenue), 0n)) };
      }),
    );
    return {
      from,
      to,
      months: months.length,
      basis,
      aShare,
      bShare,
      xVariation,
      yVariation,
      baseCurrency: await baseCurrencyOf(tx, ctx.actor.workspaceId),
      total: money(total),
      unassigned: money(unassigned),
      customers,
      matrix,
      writtenAt: settings.writtenAt?.toISOString() ?? null,
    };
  });
}

/**
 * Writes the computed classes into the companies' class field in one set-based update, with a
 * history entry per changed company as any edit writes. Companies that had a class but no revenue
 * in the period become C. Only admins: the ranking is the whole workspace's.
 */
export async function applyAbc(ctx: Ctx, period: { from?: string | undefined; to?: string | undefined }, today?: Date) {
  if (ctx.actor.role !== 'admin') throw forbidden('Only admins write the classes to the customers');
  return writeClasses(ctx, period, ctx.actor.userId, today);
}

async function writeClasses(
  ctx: Ctx,
  period: { from?: string | undefined; to?: string | undefined },
  writtenById: string | null,
  today?: Date,
): Promise<TApplyAbcResult> {
  const report = await abcReport(ctx, period, today);
  const ids = report.customers.map((c) => c.company.id);
  const classes = report.customers.map((c) => c.abc);
  const workspaceId = ctx.actor.workspaceId;
  return ctx.db.transaction(async (tx) => {
    const changed = await tx.execute<{ id: string; old: TAbcClass | null; new: TAbcClass }>(sql`
      WITH computed AS (SELECT * FROM unnest(string_to_array(${ids.join(',')}, ',')::uuid[], string_to_array(${classes.join(',')}, ',')::text[]) AS v(id, class)),
      target AS (
        SELECT c.id, c.class AS old, coalesce(v.class, 'C') AS new FROM company c LEFT JOIN computed v ON v.id = c.id
        WHERE c.workspace_id = ${workspaceId} AND c.deleted_at IS NULL AND (v.id IS NOT NULL OR c.class IS NOT NULL)
          AND c.class IS DISTINCT FROM coalesce(v.class, 'C')
        FOR UPDATE OF c
      )
      UPDATE company SET class = target.new, updated_at = now() FROM target
      WHERE company.workspace_id = ${workspaceId} AND company.id = target.id
      RETURNING company.id, target.old, target.new`);
    for (let start = 0; start < changed.rows.length; start += 500) {
      await tx.insert(recordChanges).values(
        changed.rows.slice(start, start + 500).map((row) => ({
          workspaceId,
          entityType: 'company',
          entityId: row.id,
          actorId: writtenById,
          action: 'updated' as const,
          changes: [{ field: 'class', old: row.old, new: row.new }],
        })),
      );
    }
    const [written] = await tx
      .insert(abcSettings)
      .values({ workspaceId, writtenAt: sql`now()`, writtenById })
      .onConflictDoUpdate({ target: abcSettings.workspaceId, set: { writtenAt: sql`now()`, writtenById } })
      .returning({ at: abcSettings.writtenAt });
    return { changed: changed.rows.length, writtenAt: (written?.at ?? new Date()).toISOString() };
  });
}

export const ABC_JOB = 'abc-classes';
/** On the first day of each month, early in the morning. */
export const ABC_SCHEDULE = '0 3 1 * *';

/**
 * The monthly job: in every workspace whose schedule is monthly, writes the classes computed over
 * the last 12 full months (by no one: the history shows no author).
 */
export function abcJob(db: Database) {
  return async (_data?: Record<string, unknown>, _stopping?: () => boolean, today = new Date()) => {
    const due = await db.select({ workspaceId: abcSettings.workspaceId }).from(abcSettings).where(eq(abcSettings.schedule, 'monthly'));
    const lastMonthEnd = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 0));
    const from = iso(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 12, 1)));
    for (const { workspaceId } of due) {
      const actor: Actor = {
        workspaceId,
        userId: '00000000-0000-0000-0000-000000000000',
        name: '',
        role: 'admin',
        unitId: null,
        unitTree: async () => new Set(),
      };
      await writeClasses({ db, actor }, { from, to: iso(lastMonthEnd) }, null, today);
    }
  };
}
