import { PRICE_FIELD_PREFIX, type TImportEntity } from '@clientela/contract';
import { useTranslation } from 'react-i18next';
import { usePriceLists } from '../catalogue/api.ts';
import { useCustomFields } from '../custom-fields/api.ts';
import { isCustomerEntity, isImportField } from './mapping.ts';

const CUSTOM_PREFIX = 'custom.';
const CHOICE_PREFIX: Record<string, string> = { status: 'status', relationships: 'relationship', preferredChannel: 'channel' };

/** A product file's price columns, one per price list of the workspace (`price.<id>`), named after their list. */
export function usePriceFields(entity: TImportEntity): { value: string; label: string }[] {
  const { t } = useTranslation('imports');
  const lists = usePriceLists(entity === 'product');
  if (entity !== 'product') return [];
  return (lists.data ?? []).map((list) => ({
    value: `${PRICE_FIELD_PREFIX}${list.id}`,
    label: t('fields.priceIn', { list: list.name, currency: list.currency }),
  }));
}

/** Names of the fields a column can fill, in the user's language; custom fields by their label, prices by their list. */
export function useFieldLabel(entity: TImportEntity): (field: string | null) => string {
  const { t, i18n } = useTranslation('imports');
  const customFields = useCustomFields(isCustomerEntity(entity) ? entity : 'company');
  const priceFields = usePriceFields(entity);
  return (field) => {
    if (field === null) return t('mapping.notImported');
    const price = priceFields.find((one) => one.value === field);
    if (price) return price.label;
    // A field named alike in several entities may read differently ("Name" of a product, of a person).
    const own = `entityFields.${entity}.${field}`;
    if (i18n.exists(own, { ns: 'imports' })) return t(own as 'fields.name');
    if (field.startsWith(CUSTOM_PREFIX)) {
      const key = field.slice(CUSTOM_PREFIX.length);
      return customFields.data?.find((custom) => custom.key === key)?.label ?? key;
    }
    return isImportField(field) ? t(`fields.${field}`) : field;
  };
}

/** A known value of a choice field, named as the customer pages name it; custom options keep their label. */
export function useChoiceLabel(): (field: string, option: { value: string; label: string }) => string {
  const { t, i18n } = useTranslation('customers');
  return (field, option) => {
    const prefix = CHOICE_PREFIX[field];
    const key = `${prefix}.${option.value}`;
    return prefix && i18n.exists(key, { ns: 'customers' }) ? t(key as 'status.new') : option.label;
  };
}

/** A value as stored in a field, named as the record's pages show it ("active" → "Active"); other values as they are. */
export function useStoredLabel(entity: TImportEntity): (field: string | null, stored: string) => string {
  const customFields = useCustomFields(isCustomerEntity(entity) ? entity : 'company');
  const choiceLabel = useChoiceLabel();
  return (field, stored) => {
    if (field === null) return stored;
    if (!field.startsWith(CUSTOM_PREFIX)) return choiceLabel(field, { value: stored, label: stored });
    const key = field.slice(CUSTOM_PREFIX.length);
    const option = customFields.data?.find((custom) => custom.key === key)?.options.find((one) => one.value === stored);
    return option?.label ?? stored;
  };
}
