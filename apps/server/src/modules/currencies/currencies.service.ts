import type {
  TCurrencySettings,
  TExchangeRate,
  TExchangeRateListQuery,
  TPutExchangeRatesInput,
  TUpdateCurrencySettingsInput,
} from '@clientela/contract';
import { ZPutExchangeRatesInput, ZUpdateCurrencySettingsInput } from '@clientela/contract';
import { and, eq, inArray, notInArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';
import { exchangeRates, workspaceCurrencies } from './currencies.table.ts';

/**
 * What an order leaves unpaid while it counts toward its customer's credit exposure (confirmed,
 * shipped, delivered), in its currency: written here once, for the orders module and the rates.
 */
export const EXPOSED_SQL = `CASE WHEN sales_order.status IN ('confirmed', 'shipped', 'delivered') THEN sales_order.total - sales_order.paid ELSE 0 END`;

/**
 * The tables that keep amounts with their base-currency value: for each, its currency and date
 * columns, and each base column with the amount (an SQL expression over the row) it converts. A
 * new or changed rate recomputes the rows of its currency dated from that day on; while any row
 * has an amount, the base currency stays as it is.
 */
const MONEY_TABLES: {
  table: string;
  currency: string;
  day: string;
  recorded: string;
  bases: { base: string; amount: string; orZero?: boolean }[];
}[] = [
  { table: 'deal', currency: 'currency', day: 'rate_on', recorded: 'amount', bases: [{ base: 'amount_base', amount: 'deal.amount' }] },
  { table: 'quote', currency: 'currency', day: 'issued_on', recorded: 'total', bases: [{ base: 'total_base', amount: 'quote.total' }] },
  {
    table: 'sales_order',
    currency: 'currency',
    day: 'ordered_on',
    recorded: 'total',
    bases: [
      { base: 'total_base', amount: 'sales_order.total' },
      { base: 'exposure_base', amount: EXPOSED_SQL, orZero: true },
    ],
  },
  {
    table: 'payment',
    currency: 'currency',
    day: 'paid_on',
    recorded: 'amount',
    bases: [{ base: 'amount_base', amount: 'payment.amount' }],
  },
];

/**
 * The base-currency value of `amount` in `currency` on `day`, rounded to cents: the amount itself in
 * the base currency, else times the newest rate of that currency not after the day; null when there
 * is none. All in numeric: no floating point touches money.
 */
export function baseAmountSql(workspaceId: SQL, amount: SQL, currency: SQL, day: SQL): SQL<string | null> {
  return sql<string | null>`round(${amount} * CASE
      WHEN ${currency} = (SELECT base_currency FROM workspace WHERE id = ${workspaceId}) THEN 1::numeric
      ELSE (SELECT r.rate FROM exchange_rate r WHERE r.workspace_id = ${workspaceId} AND r.currency = ${currency} AND r.on <= ${day}
        ORDER BY r.on DESC LIMIT 1)
    END, 2)`;
}

/** The workspace's base currency. */
export async function baseCurrencyOf(db: Executor, workspaceId: string): Promise<string> {
  const [row] = await db.select({ base: workspaces.baseCurrency }).from(workspaces).where(eq(workspaces.id, workspaceId));
  if (!row) throw notFound('workspace');
  return row.base;
}

async function amountsRecorded(db: Executor, workspaceId: string): Promise<boolean> {
  const checks = MONEY_TABLES.map(
    (m) =>
      sql`EXISTS (SELECT 1 FROM ${sql.identifier(m.table)} WHERE workspace_id = ${workspaceId} AND ${sql.identifier(m.recorded)} IS NOT NULL)`,
  );
  const result = await db.execute<{ recorded: boolean }>(sql`SELECT (${sql.join(checks, sql` OR `)}) AS recorded`);
  return Boolean(result.rows[0]?.recorded);
}

/** Recomputes the base values of `currency`'s amounts dated `from` or later (after a rate changed). */
async function recomputeBaseAmounts(tx: Executor, workspaceId: string, currency: string, from: string): Promise<void> {
  for (const m of MONEY_TABLES) {
    // Qualified: inside the rate lookup a bare "currency" would be the rate's own column.
    const cur = sql`${sql.identifier(m.table)}.${sql.identifier(m.currency)}`;
    const day = sql`${sql.identifier(m.table)}.${sql.identifier(m.day)}`;
    const sets = m.bases.map(({ base, amount, orZero }) => {
      const value = baseAmountSql(sql`${workspaceId}::uuid`, sql.raw(amount), cur, day);
      return sql`${sql.identifier(base)} = ${orZero ? sql`coalesce(${value}, 0)` : value}`;
    });
    await tx.execute(sql`UPDATE ${sql.identifier(m.table)} SET ${sql.join(sets, sql`, `)}
      WHERE workspace_id = ${workspaceId} AND ${cur} = ${currency} AND ${day} >= ${from}::date AND ${sql.identifier(m.table)}.${sql.identifier(m.recorded)} IS NOT NULL`);
  }
}

export async function currencySettings(ctx: Ctx): Promise<TCurrencySettings> {
  const workspaceId = ctx.actor.workspaceId;
  const [base, listed, recorded] = await Promise.all([
    baseCurrencyOf(ctx.db, workspaceId),
    ctx.db.execute<{ code: string; rate: string | null; on: string | null }>(sql`
      SELECT c.code, latest.rate::text AS rate, latest.on::text AS on
      FROM workspace_currency c
      LEFT JOIN LATERAL (SELECT r.rate, r.on FROM exchange_rate r WHERE r.workspace_id = c.workspace_id AND r.currency = c.code
        ORDER BY r.on DESC LIMIT 1) latest ON true
      WHERE c.workspace_id = ${workspaceId}
      ORDER BY c.code`),
    amountsRecorded(ctx.db, workspaceId),
  ]);
  return {
    baseCurrency: base,
    currencies: [
      { code: base, latestRate: null, latestRateOn: null },
      ...listed.rows.filter((c) => c.code !== base).map((c) => ({ code: c.code, latestRate: c.rate, latestRateOn: c.on })),
    ],
    baseCurrencyChangeable: !recorded,
  };
}

function onlyAdmins(ctx: Ctx) {
  if (ctx.actor.role !== 'admin') throw forbidden('Only an administrator sets currencies and rates');
}

/** Sets the base currency (while no amount is recorded) and the currencies in use. Admins only. */
export async function updateCurrencySettings(ctx: Ctx, raw: TUpdateCurrencySettingsInput): Promise<TCurrencySettings> {
  onlyAdmins(ctx);
  const input = ZUpdateCurrencySettingsInput.parse(raw);
  const workspaceId = ctx.actor.workspaceId;
  await ctx.db.transaction(async (tx) => {
    // The workspace row is locked so that an amount recorded meanwhile cannot slip past the check.
    const [row] = await tx.select({ base: workspaces.baseCurrency }).from(workspaces).where(eq(workspaces.id, workspaceId)).for('update');
    if (!row) throw notFound('workspace');
    if (input.baseCurrency && input.baseCurrency !== row.base) {
      if (await amountsRecorded(tx, workspaceId))
        throw new AppError('base_currency_in_use', 'Amounts are recorded: the base currency can no longer change', {
          errors: [{ path: 'baseCurrency', message: 'Fixed once amounts are recorded' }],
        });
      await tx.update(workspaces).set({ baseCurrency: input.baseCurrency }).where(eq(workspaces.id, workspaceId));
    }
    if (input.currencies) {
      const codes = [...new Set(input.currencies)];
      await tx
        .delete(workspaceCurrencies)
        .where(
          and(eq(workspaceCurrencies.workspaceId, workspaceId), codes.length ? notInArray(workspaceCurrencies.code, codes) : undefined),
        );
      if (codes.length)
        await tx
          .insert(workspaceCurrencies)
          .values(codes.map((code) => ({ workspaceId, code })))
          .onConflictDoNothing();
    }
  });
  return currencySettings(ctx);
}

/** Enters or imports rates; a day that has a rate gets the new one. The amounts they date are recomputed at once. */
export async function putExchangeRates(ctx: Ctx, raw: TPutExchangeRatesInput): Promise<void> {
  onlyAdmins(ctx);
  const { rates } = ZPutExchangeRatesInput.parse(raw);
  const workspaceId = ctx.actor.workspaceId;
  await ctx.db.transaction(async (tx) => {
    const base = await lockBaseCurrency(tx, workspaceId);
    const errors = rates.flatMap((r, i) =>
      r.currency === base ? [{ path: `rates.${i}.currency`, message: 'The base currency is always worth 1' }] : [],
    );
    if (errors.length) throw new AppError('validation_failed', 'A rate names the base currency', { errors });
    await saveExchangeRates(tx, workspaceId, ctx.actor.userId, rates);
  });
}

/** The base currency, locked against a change until the caller's transaction ends (rates are kept against it). */
export async function lockBaseCurrency(tx: Executor, workspaceId: string): Promise<string> {
  const [row] = await tx.select({ base: workspaces.baseCurrency }).from(workspaces).where(eq(workspaces.id, workspaceId)).for('share');
  if (!row) throw notFound('workspace');
  return row.base;
}

/**
 * Writes checked rates in the caller's transaction (none may name the base currency; each
 * currency and day once): a day that has a rate gets the new one, their currencies join the
 * workspace's, and the amounts they date are recomputed, once per currency from its first day.
 * The manual entry and the import of rates both write through here.
 */
export async function saveExchangeRates(
  tx: Executor,
  workspaceId: string,
  userId: string,
  rates: { currency: string; on: string; rate: string }[],
): Promise<void> {
  if (rates.length === 0) return;
  await tx
    .insert(exchangeRates)
    .values(rates.map((r) => ({ workspaceId, currency: r.currency, on: r.on, rate: r.rate, createdById: userId })))
    .onConflictDoUpdate({
      target: [exchangeRates.workspaceId, exchangeRates.currency, exchangeRates.on],
      set: { rate: sql`excluded.rate`, createdById: sql`excluded.created_by_id`, createdAt: sql`now()` },
    });
  const currencies = [...new Set(rates.map((r) => r.currency))];
  await tx
    .insert(workspaceCurrencies)
    .values(currencies.map((code) => ({ workspaceId, code })))
    .onConflictDoNothing();
  for (const currency of currencies) {
    const [from = ''] = rates.flatMap((r) => (r.currency === currency ? [r.on] : [])).sort();
    await recomputeBaseAmounts(tx, workspaceId, currency, from);
  }
}

const ISO_CODES = new Set(Intl.supportedValuesOf('currency'));

/** Whether a code is an ISO 4217 currency this runtime knows ("EUR", "JPY"), not a typo ("EUE"). */
export function isKnownCurrency(code: string): boolean {
  return ISO_CODES.has(code);
}

/** Removes a rate; the amounts it dated fall back to the rate before it. */
export async function deleteExchangeRate(ctx: Ctx, currency: string, on: string): Promise<void> {
  onlyAdmins(ctx);
  const workspaceId = ctx.actor.workspaceId;
  await ctx.db.transaction(async (tx) => {
    const removed = await tx
      .delete(exchangeRates)
      .where(and(eq(exchangeRates.workspaceId, workspaceId), eq(exchangeRates.currency, currency), eq(exchangeRates.on, on)))
      .returning({ on: exchangeRates.on });
    if (removed.length === 0) throw notFound('rate');
    await recomputeBaseAmounts(tx, workspaceId, currency, on);
  });
}

/** Rates, newest day first; everyone may read them. */
export async function listExchangeRates(ctx: Ctx, query: TExchangeRateListQuery) {
  const workspaceId = ctx.actor.workspaceId;
  const currency = query['filter[currency]'];
  let after: { on: string; currency: string } | undefined;
  if (query.cursor) {
    try {
      after = JSON.parse(Buffer.from(query.cursor, 'base64url').toString('utf8'));
    } catch {
      after = undefined;
    }
    if (!after || typeof after.on !== 'string' || typeof after.currency !== 'string')
      throw new AppError('validation_failed', 'Unknown cursor', { errors: [{ path: 'cursor', message: 'Unknown cursor' }] });
  }
  const where = and(
    eq(exchangeRates.workspaceId, workspaceId),
    currency ? eq(exchangeRates.currency, currency) : undefined,
    after ? sql`(${exchangeRates.on}, ${exchangeRates.currency}) < (${after.on}::date, ${after.currency})` : undefined,
  );
  const [rows, counted] = await Promise.all([
    ctx.db
      .select()
      .from(exchangeRates)
      .where(where)
      .orderBy(sql`${exchangeRates.on} DESC, ${exchangeRates.currency} DESC`)
      .limit(query.limit + 1),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(exchangeRates)
      .where(and(eq(exchangeRates.workspaceId, workspaceId), currency ? eq(exchangeRates.currency, currency) : undefined)),
  ]);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const data: TExchangeRate[] = page.map((r) => ({
    currency: r.currency,
    on: r.on,
    rate: r.rate,
    createdAt: r.createdAt.toISOString(),
  }));
  return {
    data,
    nextCursor:
      rows.length > query.limit && last
        ? Buffer.from(JSON.stringify({ on: last.on, currency: last.currency })).toString('base64url')
        : null,
    total: counted[0]?.n ?? 0,
  };
}

/** Whether `codes` are all the base currency or currencies the workspace uses; the unknown ones' paths otherwise. */
export async function unknownCurrencies(db: Executor, workspaceId: string, codes: { path: string; code: string }[]) {
  if (codes.length === 0) return [];
  const known = await db
    .select({ code: workspaceCurrencies.code })
    .from(workspaceCurrencies)
    .where(
      and(
        eq(workspaceCurrencies.workspaceId, workspaceId),
        inArray(
          workspaceCurrencies.code,
          codes.map((c) => c.code),
        ),
      ),
    );
  const base = await baseCurrencyOf(db, workspaceId);
  const ok = new Set([base, ...known.map((k) => k.code)]);
  return codes.filter((c) => !ok.has(c.code)).map((c) => ({ path: c.path, message: `${c.code} is not a currency of this workspace` }));
}
