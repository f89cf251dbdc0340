import type { TCustomEntity } from '@clientela/contract';
import type { DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../locale/locale-context.tsx';
import { useCustomFields } from './api.ts';
import { type CustomValues, customValueText } from './custom-values.ts';

type Items = NonNullable<DescriptionsProps['items']>;

/** A record's filled-in custom values as rows of its details, in the admin's order; empty ones are left out. */
export function useCustomValueRows(entity: TCustomEntity, custom: CustomValues): Items {
  const { t } = useTranslation('customers');
  const { locale } = useLocale();
  const fields = useCustomFields(entity);
  return (fields.data ?? []).flatMap((field) => {
    const value = custom[field.key];
    const text = customValueText(field, value, { t, locale });
    if (text === null) return [];
    const link = field.type === 'link' && typeof value === 'string' && /^https?:\/\//i.test(value);
    return [
      {
        key: `custom.${field.key}`,
        label: field.label,
        children: link ? (
          <a href={value} target="_blank" rel="noopener noreferrer">
            {text}
          </a>
        ) : (
          text
        ),
      },
    ];
  });
}
