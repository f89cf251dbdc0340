import { DUPLICATE_ACTIONS, type TImportEntity, type TImportMapping } from '@clientela/contract';
import { Flex, Radio, Select, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { countryOptions } from '../../lib/country-options.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { isCustomerEntity } from './mapping.ts';

type Duplicates = TImportMapping['duplicates'];
type Props = {
  entity?: TImportEntity;
  duplicates: Duplicates;
  defaultCountry: string | undefined;
  onDuplicatesChange: (duplicates: Duplicates) => void;
  onCountryChange: (country: string | undefined) => void;
};

/** What to do with rows that look like existing records, and how to read phones without a country code. */
export function MappingOptions({ entity = 'company', duplicates, defaultCountry, onDuplicatesChange, onCountryChange }: Props) {
  const { t } = useTranslation('imports');
  const customers = isCustomerEntity(entity);
  // Products, people and deals are found by their name or title: one record per key, never a second one.
  const actions = customers ? DUPLICATE_ACTIONS : DUPLICATE_ACTIONS.filter((action) => action !== 'create');
  const { locale } = useLocale();
  const countries = useMemo(() => countryOptions(locale), [locale]);

  return (
    <Flex vertical gap={20}>
      <div>
        <Typography.Text strong id="import-duplicates" style={{ display: 'block' }}>
          {t('mapping.duplicates')}
        </Typography.Text>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {customers ? t('mapping.duplicatesHint') : t(`mapping.duplicatesKey.${entity as 'deal'}`)}
        </Typography.Paragraph>
        <Radio.Group
          aria-labelledby="import-duplicates"
          value={duplicates}
          onChange={(event) => onDuplicatesChange(event.target.value as Duplicates)}
        >
          <Flex vertical gap={8}>
            {actions.map((action) => (
              <Radio key={action} value={action}>
                <span>{t(`duplicates.${action}.label`)}</span>
                <Typography.Text type="secondary" style={{ display: 'block' }}>
                  {t(`duplicates.${action}.hint`)}
                </Typography.Text>
              </Radio>
            ))}
          </Flex>
        </Radio.Group>
      </div>
      {customers && (
        <div>
          <Typography.Text strong id="import-country" style={{ display: 'block' }}>
            {t('mapping.country')}
          </Typography.Text>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t('mapping.countryHint')}
          </Typography.Paragraph>
          <Select
            aria-labelledby="import-country"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('mapping.countryPlaceholder')}
            value={defaultCountry}
            options={countries}
            onChange={(value: string | undefined) => onCountryChange(value ?? undefined)}
            style={{ width: 320 }}
          />
        </div>
      )}
    </Flex>
  );
}
