import type { TCustomField } from '@clientela/contract';
import { useTranslation } from 'react-i18next';
import { customValueText, isEmptyValue } from '../custom-fields/custom-values.ts';
import type { CustomerRecord } from '../customer-list/api.ts';
import { useFormatters } from '../customers/date-format.ts';
import { fieldLabel, formatValue } from '../customers/history-values.ts';
import { customFieldOf, fieldValue } from './merge-fields.ts';

/**
 * How the merge dialog names fields and shows values: as the record pages do — enums translated,
 * dates and money for the user's locale, select options by their label, the owner by name.
 */
export function useMergeValues(customFields: readonly TCustomField[]) {
  const { t } = useTranslation('customers');
  const { locale, calendarDate } = useFormatters();
  return {
    label: (field: string): string => customFieldOf(field, customFields)?.label ?? fieldLabel(t, field),
    /** The value as text; null when empty. */
    text: (record: CustomerRecord, field: string): string | null => {
      const value = fieldValue(record, field);
      if (isEmptyValue(value)) return null;
      if (field === 'ownerId') return record.owner?.name ?? null;
      const custom = customFieldOf(field, customFields);
      return custom ? customValueText(custom, value, { t, locale }) : formatValue(field, value, { t, calendarDate });
    },
  };
}
