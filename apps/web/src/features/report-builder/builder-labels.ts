import { BUILDER_PERIODS, type TBuilderDimension, type TBuilderEntity, type TLocale } from '@clientela/contract';
import type { TFunction } from 'i18next';
import { periodLabel } from '../reports/report-format.ts';

export const isPeriod = (grouping: TBuilderDimension) => (BUILDER_PERIODS as readonly string[]).includes(grouping);

/** Where the words for an entity's status codes live: customers share theirs. */
export const statusGroup = (entity: TBuilderEntity) =>
  entity === 'companies' || entity === 'contacts' ? 'customers' : entity === 'orders' ? 'orders' : 'deals';

/** A group's name as people read it: periods in the user's language, codes in words, the rest by their name. */
export function groupLabel(
  t: TFunction<'reportBuilder'>,
  locale: TLocale,
  entity: TBuilderEntity,
  grouping: TBuilderDimension,
  row: { key: string | null; label: string },
): string {
  if (row.key === null) return t('none');
  if (isPeriod(grouping)) return periodLabel(row.key, locale);
  if (grouping === 'status') return t(`values.${statusGroup(entity)}.${row.key}` as 'values.deals.open', { defaultValue: row.key });
  if (grouping === 'type') return t(`values.type.${row.key}` as 'values.type.call', { defaultValue: row.key });
  if (grouping === 'outcome') return t(`values.outcome.${row.key}` as 'values.outcome.reached', { defaultValue: row.key });
  return row.label || row.key;
}

/** A grouping's name; an activity's owner is its author. */
export const dimensionLabel = (t: TFunction<'reportBuilder'>, entity: TBuilderEntity, grouping: TBuilderDimension) =>
  entity === 'activities' && grouping === 'owner' ? t('form.author') : t(`dimensions.${grouping}`);
