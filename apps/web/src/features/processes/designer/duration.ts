/** A due time as the designer asks for it: whole days and hours. */
export type DaysHours = { days: number; hours: number };

const PATTERN = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** Reads an ISO 8601 duration (`P2D`, `PT4H`, `P1DT12H`, `P1W`) as days and hours; null when it is not one of those. */
export function parseDueDuration(iso: string | undefined): DaysHours | null {
  if (!iso) return null;
  const match = PATTERN.exec(iso.trim());
  if (!match || iso.trim() === 'P' || iso.trim().endsWith('T')) return null;
  const [, weeks, days, hours, minutes, seconds] = match;
  const totalHours =
    Number(weeks ?? 0) * 7 * 24 +
    Number(days ?? 0) * 24 +
    Number(hours ?? 0) +
    Math.ceil((Number(minutes ?? 0) * 60 + Number(seconds ?? 0)) / 3600);
  return { days: Math.floor(totalHours / 24), hours: totalHours % 24 };
}

/** Writes days and hours as an ISO 8601 duration; undefined for none. */
export function formatDueDuration({ days, hours }: DaysHours): string | undefined {
  const d = Math.max(0, Math.floor(days || 0));
  const h = Math.max(0, Math.floor(hours || 0));
  if (d === 0 && h === 0) return undefined;
  return `P${d ? `${d}D` : ''}${h ? `T${h}H` : ''}`;
}
