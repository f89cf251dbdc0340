import type { TCustomField, TLocale } from '@clientela/contract';
import dayjs, { type Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import { formatCalendarDate, formatMoney, formatNumber } from '../../lib/format.ts';

/** Custom values by field key, as records carry them and as the form holds them. */
export type CustomValues = Record<string, unknown>;

const YMD = /^\d{4}-\d{2}-\d{2}$/;
const WEB_ADDRESS = /^https?:\/\/\S+$/i;

/** Whether a value counts as not filled in (the server drops such values too). */
export function isEmptyValue(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/** A picked day as `YYYY-MM-DD`, formatted from the day itself so that no time zone can shift it. */
export function toYmd(value: Dayjs | null | undefined): string | null {
  return value?.isValid() ? value.format('YYYY-MM-DD') : null;
}

/** A stored `YYYY-MM-DD` for a date picker; dayjs reads it as local midnight of that very day. */
export function fromYmd(value: unknown): Dayjs | null {
  return typeof value === 'string' && YMD.test(value) ? dayjs(value) : null;
}

/** A web address with its scheme: people type "forno.it", the API wants "https://forno.it". */
export function withScheme(text: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
}

/** Whether a link value will be accepted: an http(s) address without spaces. */
export function isWebAddress(text: string): boolean {
  return WEB_ADDRESS.test(withScheme(text.trim()));
}

function trimmed(value: unknown): string | null {
  const text = typeof value === 'string' ? value.trim() : '';
  return text === '' ? null : text;
}

/** One value of the form as the API takes it; `null` when left empty (which clears it). */
export function toCustomValue(field: TCustomField, value: unknown): unknown {
  switch (field.type) {
    case 'text':
      return trimmed(value);
    case 'link': {
      const text = trimmed(value);
      return text === null ? null : withScheme(text);
    }
    case 'number':
    case 'money':
      return typeof value === 'number' && Number.isFinite(value) ? value : null;
    case 'date':
      if (dayjs.isDayjs(value)) return toYmd(value);
      return typeof value === 'string' && YMD.test(value) ? value : null;
    case 'select':
      return trimmed(value);
    case 'multiselect': {
      const picked = Array.isArray(value)
        ? [...new Set(value.filter((item): item is string => typeof item === 'string' && item !== ''))]
        : [];
      return picked.length > 0 ? picked : null;
    }
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  return Array.isArray(a) || Array.isArray(b) ? JSON.stringify(a) === JSON.stringify(b) : a === b;
}

/**
 * The custom values to send, or undefined when there are none. A new record (no `current`) gets
 * the filled-in ones; an existing one only those that changed, with `null` for a cleared value.
 * Only defined fields are sent: the server refuses keys it does not know.
 */
export function customPayload(
  fields: readonly TCustomField[],
  values: CustomValues | undefined,
  current?: CustomValues,
): CustomValues | undefined {
  const payload: CustomValues = {};
  for (const field of fields) {
    const value = toCustomValue(field, values?.[field.key]);
    if (current === undefined) {
      if (value !== null) payload[field.key] = value;
      continue;
    }
    const before = isEmptyValue(current[field.key]) ? null : current[field.key];
    if (!sameValue(value, before)) payload[field.key] = value;
  }
  return Object.keys(payload).length > 0 ? payload : undefined;
}

type TextOptions = { t: TFunction<'customers'>; locale: TLocale };

function optionLabel(field: TCustomField, value: unknown): string {
  return field.options.find((option) => option.value === value)?.label ?? String(value);
}

/**
 * A stored value as a reader sees it: numbers, money and dates in the user's language, options
 * by their label, yes/no translated; null when empty. A value that does not fit its field's
 * type (the field was deleted and made again) is shown as it is.
 */
export function customValueText(field: TCustomField, value: unknown, { t, locale }: TextOptions): string | null {
  if (isEmptyValue(value)) return null;
  switch (field.type) {
    case 'number':
      if (typeof value === 'number') return formatNumber(value, locale);
      break;
    case 'money':
      if (typeof value === 'number') return field.currency ? formatMoney(value, field.currency, locale) : formatNumber(value, locale);
      break;
    case 'date':
      if (typeof value === 'string') return formatCalendarDate(value, locale);
      break;
    case 'boolean':
      if (typeof value === 'boolean') return value ? t('customFields.yes') : t('customFields.no');
      break;
    case 'select':
      return optionLabel(field, value);
    case 'multiselect':
      if (Array.isArray(value)) return value.map((item) => optionLabel(field, item)).join(', ');
      break;
    default:
      break;
  }
  return Array.isArray(value) ? value.map(String).join(', ') : typeof value === 'object' ? JSON.stringify(value) : String(value);
}
