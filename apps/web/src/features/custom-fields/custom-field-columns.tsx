import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import type { TCustomField, TLocale } from '@clientela/contract';
import { Button, Flex, type TableColumnsType, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { currencyName } from './currency-options.ts';

type Options = {
  t: TFunction<'customers'>;
  locale: TLocale;
  onEdit: (field: TCustomField) => void;
  onDelete: (field: TCustomField) => void;
};

const SHOWN_OPTIONS = 4;

/** What a field offers beyond its type: its options, or its currency. */
function details(field: TCustomField, t: TFunction<'customers'>, locale: TLocale): string {
  if (field.type === 'money' && field.currency) return `${field.currency} · ${currencyName(field.currency, locale)}`;
  if (field.options.length === 0) return '';
  const labels = field.options.slice(0, SHOWN_OPTIONS).map((option) => option.label);
  const more = field.options.length - labels.length;
  return more > 0 ? `${labels.join(', ')} ${t('customFields.moreOptions', { count: more })}` : labels.join(', ');
}

/** Columns of the custom fields table, in the order the forms show the fields. */
export function customFieldColumns({ t, locale, onEdit, onDelete }: Options): TableColumnsType<TCustomField> {
  return [
    { key: 'position', title: t('customFields.columns.position'), width: 72, align: 'right', render: (_, field) => field.position },
    { key: 'label', title: t('customFields.columns.label'), render: (_, field) => <Typography.Text strong>{field.label}</Typography.Text> },
    {
      key: 'key',
      title: t('customFields.columns.key'),
      className: 'nowrap',
      render: (_, field) => <Typography.Text code>{field.key}</Typography.Text>,
      responsive: ['md'],
    },
    {
      key: 'type',
      title: t('customFields.columns.type'),
      className: 'nowrap',
      render: (_, field) => <Tag variant="filled">{t(`customFields.types.${field.type}`)}</Tag>,
    },
    {
      key: 'required',
      title: t('customFields.columns.required'),
      className: 'nowrap',
      render: (_, field) =>
        field.required ? (
          <Tag color="orange">{t('customFields.yes')}</Tag>
        ) : (
          <Typography.Text type="secondary">{t('customFields.no')}</Typography.Text>
        ),
    },
    {
      key: 'details',
      title: t('customFields.columns.details'),
      render: (_, field) => <Typography.Text type="secondary">{details(field, t, locale)}</Typography.Text>,
      responsive: ['lg'],
    },
    {
      key: 'actions',
      title: <span className="sr-only">{t('customFields.columns.actions')}</span>,
      align: 'right',
      width: 104,
      render: (_, field) => (
        <Flex justify="flex-end" gap={4}>
          <Button
            type="text"
            icon={<EditOutlined />}
            aria-label={t('customFields.editAria', { label: field.label })}
            onClick={() => onEdit(field)}
          />
          <Button
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('customFields.deleteAria', { label: field.label })}
            onClick={() => onDelete(field)}
          />
        </Flex>
      ),
    },
  ];
}
