import type { TPlanGrid, TPlanKind, TSavePlansInput } from '@clientela/contract';

/** A row of the grid on screen: the server's, or one just added. */
export type GridRow = { targetId: string | null; name: string | null; months: Record<string, string>; editable: boolean };

/** Changed cells per row key: an amount ("1250.5"), or null when emptied. */
export type Drafts = Record<string, Record<string, string | null>>;

export const rowKey = (targetId: string | null) => targetId ?? 'total';

/** A decimal string as whole cents, exactly. */
export function toCents(amount: string | null | undefined): bigint {
  if (!amount) return 0n;
  const negative = amount.startsWith('-');
  const [whole = '0', fraction = ''] = amount.replace('-', '').split('.');
  const value = BigInt(whole || '0') * 100n + BigInt(`${fraction}00`.slice(0, 2));
  return negative ? -value : value;
}

/** Cents back to a decimal string with two decimals. */
export function fromCents(value: bigint): string {
  const abs = value < 0n ? -value : value;
  return `${value < 0n ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** What a cell shows: its draft if changed, else the saved amount; null when empty. */
export function cellValue(row: GridRow, drafts: Drafts, month: string): string | null {
  const draft = drafts[rowKey(row.targetId)];
  if (draft && month in draft) return draft[month] ?? null;
  return row.months[month] ?? null;
}

/** The rows on screen: the whole company's row always for that kind, then the saved rows, then those added. */
export function gridRows(kind: TPlanKind, grid: TPlanGrid | undefined, added: GridRow[]): GridRow[] {
  const saved: GridRow[] = (grid?.rows ?? []).map((row) => ({ ...row }));
  if (kind === 'total' && !saved.some((row) => row.targetId === null))
    saved.unshift({ targetId: null, name: null, months: {}, editable: grid?.canEdit ?? false });
  const known = new Set(saved.map((row) => rowKey(row.targetId)));
  return [...saved, ...added.filter((row) => !known.has(rowKey(row.targetId)))];
}

/** The cells that differ from what is saved, as one save request; null when nothing changed. */
export function savePayload(kind: TPlanKind, rows: GridRow[], drafts: Drafts): TSavePlansInput | null {
  const out: TSavePlansInput['rows'] = [];
  for (const row of rows) {
    const draft = drafts[rowKey(row.targetId)];
    if (!draft) continue;
    const months: Record<string, string | null> = {};
    for (const [month, value] of Object.entries(draft)) {
      const saved = row.months[month] ?? null;
      const next = value === null || value === '' ? null : fromCents(toCents(value));
      if ((saved === null ? null : fromCents(toCents(saved))) !== next) months[month] = next;
    }
    if (Object.keys(months).length > 0) out.push({ targetId: row.targetId, months });
  }
  return out.length > 0 ? { kind, rows: out } : null;
}

/** How many cells a save would change. */
export const changeCount = (payload: TSavePlansInput | null) =>
  payload ? payload.rows.reduce((sum, row) => sum + Object.keys(row.months).length, 0) : 0;

/** The row keys a refused save names (`rows.2.months.2026-03`, `rows.2.targetId`), through the payload's rows. */
export function refusedRows(payload: TSavePlansInput, paths: string[]): Set<string> {
  const keys = new Set<string>();
  for (const path of paths) {
    const match = /^rows\.(\d+)\./.exec(path);
    const row = match ? payload.rows[Number(match[1])] : undefined;
    if (row) keys.add(rowKey(row.targetId));
  }
  return keys;
}
