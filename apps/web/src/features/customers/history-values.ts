import type { TFunction } from 'i18next';
import i18next from 'i18next';

/** Fields holding ids: their old and new values mean nothing to a reader, only that they changed. */
const ID_FIELDS = new Set(['ownerId', 'unitId', 'groupId', 'parentCompanyId', 'companies']);
const LONG = 80;

type Formatters = { t: TFunction<'customers'>; calendarDate: (ymd: string) => string };

/** The translated name of a field, as the history shows it. */
export function fieldLabel(t: TFunction<'customers'>, field: string): string {
  const key = `fields.${field}`;
  return i18next.exists(key, { ns: 'customers' }) ? t(key as 'fields.name') : field;
}

/** Whether a change shows old → new, or only that it changed. */
export function showsValues(field: string): boolean {
  return !ID_FIELDS.has(field);
}

function translated(t: TFunction<'customers'>, prefix: 'status' | 'relationship' | 'channel', value: string): string {
  const key = `${prefix}.${value}`;
  return i18next.exists(key, { ns: 'customers' }) ? t(key as 'status.new') : value;
}

/** One old or new value of a field, readable: enums translated, dates for the locale, lists joined. */
export function formatValue(field: string, value: unknown, { t, calendarDate }: Formatters): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    return t('history.empty_value');
  }
  if (Array.isArray(value)) return value.map((item) => formatValue(field, item, { t, calendarDate })).join(', ');
  if (typeof value === 'object') {
    const point = value as { value?: unknown; label?: unknown };
    if (typeof point.value === 'string') return point.label ? `${point.value} (${String(point.label)})` : point.value;
    return t('history.changed');
  }
  const text = String(value);
  switch (field) {
    case 'status':
      return translated(t, 'status', text);
    case 'relationships':
      return translated(t, 'relationship', text);
    case 'preferredChannel':
      return translated(t, 'channel', text);
    case 'class':
      return t('classTag', { class: text });
    case 'birthday':
      return calendarDate(text);
    default:
      return text.length > LONG ? `${text.slice(0, LONG)}…` : text;
  }
}
