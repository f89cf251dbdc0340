import type { TCompany, TContact } from '@clientela/contract';
import type { Definition } from '../custom-fields/index.ts';
import type { ExportLabels } from './export-labels.ts';

export type Cell = string | number | Date | null;
type Kind = 'text' | 'date' | 'datetime' | 'money';
/** What an export writes of a record: companies and contacts share the columns they have in common. */
export type ExportRecord = TCompany & TContact;
/** A column of a file of `R` records (companies and contacts by default, or products). */
export type Column<R = ExportRecord> = { id: string; heading: string; kind: Kind; currency?: string | null; value: (record: R) => Cell };

/** A file column: its heading in the user's language, the kind of its cells and how a record fills it. */
export function columnOf(id: string, labels: ExportLabels, definitions: Definition[], unitNames: Map<string, string>): Column {
  if (id.startsWith('custom.')) {
    const definition = definitions.find((d) => `custom.${d.key}` === id) as Definition;
    return customColumn(definition, labels);
  }
  const heading = labels.columns[id as keyof ExportLabels['columns']];
  const text = (value: (r: ExportRecord) => string | null | undefined): Column => ({
    id,
    heading,
    kind: 'text',
    value: (r) => value(r) || null,
  });
  const points = (list: { label: string; value: string }[]) => list.map((p) => (p.label ? `${p.label}: ${p.value}` : p.value)).join('; ');
  switch (id) {
    case 'status':
      return text((r) => labels.status[r.status]);
    case 'relationships':
      return text((r) => r.relationships.map((rel) => labels.relationship[rel]).join(', '));
    case 'phones':
      return text((r) => points(r.phones));
    case 'emails':
      return text((r) => points(r.emails));
    case 'preferredChannel':
      return text((r) => (r.preferredChannel ? labels.channel[r.preferredChannel] : null));
    case 'owner':
      return text((r) => r.owner?.name);
    case 'unit':
      return text((r) => (r.unitId ? unitNames.get(r.unitId) : null));
    case 'group':
      return text((r) => r.group?.name);
    case 'companies':
      return text((r) => r.companies.map((c) => (c.role ? `${c.name} (${c.role})` : c.name)).join('; '));
    case 'tags':
      return text((r) => r.tags.join(', '));
    case 'birthday':
      return { id, heading, kind: 'date', value: (r) => (r.birthday ? new Date(`${r.birthday}T00:00:00Z`) : null) };
    case 'createdAt':
    case 'updatedAt':
      return { id, heading, kind: 'datetime', value: (r) => new Date(r[id]) };
    default:
      return text((r) => {
        const value = (r as unknown as Record<string, unknown>)[id];
        return typeof value === 'string' ? value : null;
      });
  }
}

function customColumn(definition: Definition, labels: ExportLabels): Column {
  const base = { id: `custom.${definition.key}`, heading: definition.label };
  const raw = (r: ExportRecord) => r.custom[definition.key];
  const optionLabel = (value: unknown) => definition.options.find((o) => o.value === value)?.label ?? String(value);
  switch (definition.type) {
    case 'number':
      return { ...base, kind: 'text', value: (r) => (typeof raw(r) === 'number' ? (raw(r) as number) : null) };
    case 'money':
      return {
        ...base,
        kind: 'money',
        currency: definition.currency,
        value: (r) => (typeof raw(r) === 'number' ? (raw(r) as number) : null),
      };
    case 'date':
      return { ...base, kind: 'date', value: (r) => (typeof raw(r) === 'string' ? new Date(`${raw(r)}T00:00:00Z`) : null) };
    case 'boolean':
      return { ...base, kind: 'text', value: (r) => (typeof raw(r) === 'boolean' ? (raw(r) ? labels.yes : labels.no) : null) };
    case 'select':
      return { ...base, kind: 'text', value: (r) => (raw(r) == null ? null : optionLabel(raw(r))) };
    case 'multiselect':
      return {
        ...base,
        kind: 'text',
        value: (r) =>
          Array.isArray(raw(r)) && (raw(r) as unknown[]).length > 0 ? (raw(r) as unknown[]).map(optionLabel).join(', ') : null,
      };
    default:
      return { ...base, kind: 'text', value: (r) => (raw(r) == null ? null : String(raw(r))) };
  }
}

const DAY = 86_400_000;

/**
 * Turns moments into the wall-clock time of a time zone, as Dates whose UTC fields show it (what
 * spreadsheets expect), to the second. Asking Intl for every value took ~100 µs a row (most of a
 * 100k-row export), so a UTC day whose offset is the same at its first and last second is asked
 * about once and its offset reused; days with a clock change are worked out value by value.
 */
export function wallClockIn(timeZone: string): (at: Date) => Date {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  // The wall clock's fields read as UTC, to the second (as the formatter shows it).
  const exact = (ms: number): number => {
    const part = { year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
    for (const { type, value } of format.formatToParts(ms)) if (type in part) part[type as keyof typeof part] = Number(value);
    return Date.UTC(part.year, part.month - 1, part.day, part.hour, part.minute, part.second);
  };
  const offsets = new Map<number, number | null>();
  return (at) => {
    const ms = at.getTime();
    const day = Math.floor(ms / DAY);
    let offset = offsets.get(day);
    if (offset === undefined) {
      const start = day * DAY;
      const first = exact(start) - start;
      offset = exact(start + DAY - 1000) - (start + DAY - 1000) === first ? first : null;
      offsets.set(day, offset);
    }
    return new Date(offset === null ? exact(ms) : Math.floor((ms + offset) / 1000) * 1000);
  };
}
