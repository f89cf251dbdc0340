import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { isKnownCurrency, lockBaseCurrency, saveExchangeRates } from '../currencies/index.ts';
import { parseDate, parseDecimal } from './convert.ts';
import { problemsOf, type RecordJob, type RecordWriter, type RowResult } from './record-rows.ts';

/** Decimals and integer digits of a stored rate (exchange_rate.rate is numeric(18, 8)). */
const SCALE = 8;
const INTEGER_DIGITS = 10;

/** A plain decimal string as a fraction: digits over a power of ten. */
function fraction(decimal: string): { digits: bigint; scale: number } {
  const [whole = '0', part = ''] = decimal.replace(/^-/, '').split('.');
  const digits = BigInt(`${whole}${part}`);
  return { digits: decimal.startsWith('-') ? -digits : digits, scale: part.length };
}

/**
 * The value of one unit: `written` for `units` units, divided exactly and rounded half up to the
 * stored eight decimals ("53.1234" for 100 → "0.53123400"), in integers, never floating point.
 * Null when it is not above zero or too large to keep.
 */
export function rateOf(written: string, units: string): string | null {
  const rate = fraction(written);
  const per = fraction(units);
  if (rate.digits <= 0n || per.digits <= 0n) return null;
  const numerator = rate.digits * 10n ** BigInt(per.scale + SCALE);
  const denominator = per.digits * 10n ** BigInt(rate.scale);
  const scaled = (2n * numerator + denominator) / (2n * denominator);
  if (scaled <= 0n || scaled >= 10n ** BigInt(INTEGER_DIGITS + SCALE)) return null;
  const text = scaled.toString().padStart(SCALE + 1, '0');
  return `${text.slice(0, -SCALE)}.${text.slice(-SCALE)}`;
}

/** The written rate as it would be stored with no rounding ("0.92" → "0.92000000"), to tell when rounding changed it. */
const asStored = (decimal: string) => {
  const [whole = '0', part = ''] = decimal.split('.');
  return part.length > SCALE ? null : `${BigInt(whole).toString()}.${part.padEnd(SCALE, '0')}`;
};

/** Per job: the workspace's currencies, and the line of each currency and day the file has given so far. */
const memory = new WeakMap<RecordJob, { enabled: Set<string>; seen: Map<string, number> }>();

async function stateOf(tx: Executor, job: RecordJob) {
  let state = memory.get(job);
  if (!state) {
    const rows = await tx.execute<{ code: string }>(sql`SELECT code FROM workspace_currency WHERE workspace_id = ${job.imp.workspaceId}`);
    state = { enabled: new Set(rows.rows.map((r) => r.code)), seen: new Map() };
    memory.set(job, state);
  }
  return state;
}

/** Which of these (currency, day) pairs already have a rate in the workspace. */
async function ratesThere(tx: Executor, workspaceId: string, keys: { currency: string; on: string }[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await tx.execute<{ currency: string; on: string }>(sql`
    SELECT r.currency, r.on::text AS on FROM exchange_rate r
    JOIN jsonb_to_recordset(${JSON.stringify(keys)}::jsonb) AS x(currency text, "on" date) ON r.currency = x.currency AND r.on = x.on
    WHERE r.workspace_id = ${workspaceId}`);
  return new Set(rows.rows.map((r) => `${r.currency}|${r.on}`));
}

type Rate = { line: number; currency: string; on: string; rate: string };

/**
 * Exchange rates: each row gives one currency's rate on one day, against the base currency. A
 * currency and day that already have a rate get the file's (a file imported again changes nothing
 * more); a later row of the file for the same currency and day wins. The chunk's rates are written
 * at once, as the manual entry writes them, and the amounts they date are recomputed once per chunk.
 */
export const writeExchangeRates: RecordWriter = async (tx, job, rows) => {
  const workspaceId = job.imp.workspaceId;
  const base = await lockBaseCurrency(tx, workspaceId);
  const state = await stateOf(tx, job);
  const results: RowResult[] = [];
  const valid: { rate: Rate; result: RowResult }[] = [];
  for (const row of rows) {
    const p = problemsOf(job.mapping, row);
    if (row.cells.every((c) => c.trim() === '')) {
      results.push({
        line: row.line,
        outcome: 'skip',
        id: null,
        problems: [{ column: null, field: null, code: 'empty_row', value: null, stored: null }],
      });
      continue;
    }
    const required = (field: 'date' | 'currency' | 'rate') => {
      const text = p.cells.get(field);
      if (!text) p.add(field, 'required_missing', null, null, true);
      return text;
    };
    const dateText = required('date');
    const on = dateText ? parseDate(dateText) : null;
    if (dateText && !on) p.add('date', 'invalid_date', dateText, null, true);
    const currencyText = required('currency');
    const currency = currencyText.toUpperCase();
    if (currencyText) {
      if (!/^[A-Z]{3}$/.test(currency) || !(state.enabled.has(currency) || isKnownCurrency(currency)))
        p.add('currency', 'unknown_currency', currencyText, null, true);
      else if (currency === base) p.add('currency', 'base_currency', currencyText, null, true);
    }
    const rateText = required('rate');
    const written = rateText ? parseDecimal(rateText) : null;
    const unitsText = p.cells.get('units');
    const unitsRead = unitsText ? parseDecimal(unitsText) : '1';
    const units = unitsRead !== null && rateOf('1', unitsRead) !== null ? unitsRead : null;
    if (units === null) p.add('units', 'invalid_number', unitsText, null, true);
    const rate = written !== null && units !== null ? rateOf(written, units) : null;
    if (rateText && units !== null && rate === null) p.add('rate', 'invalid_number', rateText, null, true);
    if (p.fatal() || !on || !rate) {
      results.push({ line: row.line, outcome: 'reject', id: null, problems: p.list });
      continue;
    }
    // Rounded to the kept decimals: the report says what was stored.
    if (written !== null && units === '1' && asStored(written) !== rate) p.add('rate', 'normalised', rateText, rate);
    const result: RowResult = { line: row.line, outcome: 'create', id: null, problems: p.list };
    results.push(result);
    valid.push({ rate: { line: row.line, currency, on, rate }, result });
  }
  const there = await ratesThere(
    tx,
    workspaceId,
    valid.map(({ rate }) => ({ currency: rate.currency, on: rate.on })),
  );
  const toSave = new Map<string, Rate>();
  for (const { rate, result } of valid) {
    const key = `${rate.currency}|${rate.on}`;
    const earlier = state.seen.get(key);
    const column = job.mapping.columns.findIndex((c) => c.field === 'date');
    if (earlier !== undefined) {
      result.problems.push({ column, field: 'date', code: 'duplicate_in_file', value: rate.on, stored: null, repeatsLine: earlier });
      result.outcome = 'update';
    } else if (there.has(key)) {
      result.problems.push({ column, field: 'date', code: 'duplicate_in_base', value: rate.on, stored: null });
      if (job.mapping.duplicates === 'skip') {
        result.outcome = 'skip';
        continue;
      }
      result.outcome = 'update';
    }
    state.seen.set(key, rate.line);
    toSave.set(key, rate);
  }
  await saveExchangeRates(tx, workspaceId, job.actor.userId, [...toSave.values()]);
  for (const rate of toSave.values()) state.enabled.add(rate.currency);
  return results;
};
