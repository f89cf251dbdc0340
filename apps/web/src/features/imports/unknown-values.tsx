import type { TImportEntity, TImportMapping, TImportPreview, TValueDecision } from '@clientela/contract';
import { Alert, Card, Flex, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { useChoiceLabel, useFieldLabel } from './field-labels.ts';
import { decisionKey, decisionOf } from './problems.ts';

export type UnknownValue = TImportPreview['unknownValues'][number];

type Props = {
  entity: TImportEntity;
  values: UnknownValue[];
  decisions: TImportMapping['values'];
  saving: boolean;
  onDecide: (field: string, value: string, decision: TValueDecision) => void;
  /** Values naming records (products, stages, people, companies): worded for the values step, options searchable. */
  link?: boolean;
};

/** Values a choice field does not know ("technolgy"), each with what to do: the suggestion, another option, keep, leave empty. */
export function UnknownValues({ entity, values, decisions, saving, onDecide, link = false }: Props) {
  const { t } = useTranslation('imports');
  const { locale } = useLocale();
  const fieldLabel = useFieldLabel(entity);
  const choiceLabel = useChoiceLabel();
  if (values.length === 0) return null;
  const undecided = values.filter((unknown) => !decisions[unknown.field]?.[unknown.value]).length;

  return (
    <Card title={link ? t('values.title') : t('unknown.title')} data-testid="unknown-values">
      <Typography.Paragraph type="secondary">{link ? t('values.intro') : t('unknown.intro')}</Typography.Paragraph>
      <Flex vertical gap={12}>
        {values.map((unknown) => {
          const label = (value: string) => {
            const option = unknown.options.find((one) => one.value === value);
            return option ? choiceLabel(unknown.field, option) : value;
          };
          const field = fieldLabel(unknown.field);
          const others = unknown.options.filter((option) => option.value !== unknown.suggestion);
          const options = [
            ...(unknown.suggestion
              ? [{ value: `use:${unknown.suggestion}`, label: t('unknown.useSuggestion', { label: label(unknown.suggestion) }) }]
              : []),
            ...(others.length > 0
              ? [
                  {
                    label: link ? t('values.otherRecords') : t('unknown.otherOptions'),
                    options: others.map((option) => ({ value: `use:${option.value}`, label: choiceLabel(unknown.field, option) })),
                  },
                ]
              : []),
            // Only custom fields learn new options; the standard ones have a fixed list.
            ...(unknown.field.startsWith('custom.') ? [{ value: 'keep', label: t('unknown.keep') }] : []),
            // A deal needs a stage: a stage name is mapped to one, never left empty.
            ...(link && unknown.field === 'stage' ? [] : [{ value: 'empty', label: t('unknown.empty') }]),
          ];
          return (
            <Flex key={`${unknown.field}\u0000${unknown.value}`} gap={12} align="center" wrap data-testid="unknown-value">
              <Flex vertical style={{ minWidth: 240, flex: '1 1 240px' }}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {field}
                </Typography.Text>
                <span>
                  <Typography.Text strong>{t('unknown.value', { value: unknown.value })}</Typography.Text>{' '}
                  <Typography.Text type="secondary">
                    ({t('unknown.rows', { count: unknown.count, rows: formatNumber(unknown.count, locale) })})
                  </Typography.Text>
                </span>
              </Flex>
              <Select
                aria-label={t('unknown.decisionFor', { value: unknown.value, field })}
                placeholder={t('unknown.placeholder')}
                value={decisionKey(decisions[unknown.field]?.[unknown.value])}
                options={options}
                disabled={saving}
                onChange={(key: string) => onDecide(unknown.field, unknown.value, decisionOf(key))}
                {...(link ? { showSearch: { optionFilterProp: 'label' } } : {})}
                style={{ width: 320 }}
                popupMatchSelectWidth={false}
              />
            </Flex>
          );
        })}
      </Flex>
      {undecided > 0 && (
        <Alert
          type="warning"
          showIcon
          title={link ? t('values.undecided', { count: undecided }) : t('unknown.undecided', { count: undecided })}
          style={{ marginTop: 16 }}
        />
      )}
    </Card>
  );
}
