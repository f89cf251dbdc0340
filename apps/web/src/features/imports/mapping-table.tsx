import type { TCustomField, TImportColumn, TImportEntity, TImportPreview } from '@clientela/contract';
import { Flex, Input, Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type ImportField, importFields, repeatedFields, samplesOf, takesLabel } from './mapping.ts';

/** The select's value for "Do not import" (antd selects do not take null). */
const NOT_IMPORTED = '';

type Row = { index: number; header: string; column: TImportColumn };

type Props = {
  entity: TImportEntity;
  headers: string[];
  columns: TImportColumn[];
  preview: TImportPreview | undefined;
  customFields: TCustomField[];
  /** Fields of the workspace beside the standard ones: a product file's price in each price list. */
  listFields?: { value: string; label: string }[];
  /** Columns whose field the server refused. */
  refused: Set<number>;
  onChange: (index: number, column: TImportColumn) => void;
};

/** One line per column of the file: its header, a few values, the field it fills and, for phones and e-mails, their label. */
export function MappingTable({ entity, headers, columns, preview, customFields, listFields = [], refused, onChange }: Props) {
  const { t, i18n } = useTranslation('imports');
  const repeated = repeatedFields(columns);
  // A field named alike in several entities may read differently ("Price" of a product is the default list's).
  const fieldLabel = (field: ImportField) => {
    const own = `entityFields.${entity}.${field}`;
    return i18n.exists(own, { ns: 'imports' }) ? t(own as 'fields.name') : t(`fields.${field}`);
  };
  const headerOf = (index: number) => headers[index]?.trim() || t('mapping.noHeader', { number: index + 1 });

  const standard = [...importFields(entity).map((field) => ({ value: field, label: fieldLabel(field) })), ...listFields];
  const custom = customFields.map((field) => ({ value: `custom.${field.key}`, label: field.label }));
  const known = new Set([...standard, ...custom].map((option) => option.value));
  // A field the server suggested that the form no longer offers (e.g. a custom field just deleted) stays visible.
  const others = [...new Set(columns.map((column) => column.field))]
    .filter((field): field is string => field !== null && !known.has(field))
    .map((field) => ({ value: field, label: field }));
  const options = [
    { value: NOT_IMPORTED, label: t('mapping.notImported') },
    { label: t('mapping.standardFields'), options: [...standard, ...others] },
    ...(custom.length > 0 ? [{ label: t('mapping.customFields'), options: custom }] : []),
  ];

  const rows: Row[] = headers.map((header, index) => ({ index, header, column: columns[index] ?? { field: null } }));

  return (
    <Table<Row>
      rowKey="index"
      dataSource={rows}
      pagination={false}
      size="middle"
      scroll={{ x: 'max-content' }}
      columns={[
        {
          key: 'header',
          title: t('mapping.header'),
          render: (_, row) => <Typography.Text strong>{headerOf(row.index)}</Typography.Text>,
        },
        {
          key: 'samples',
          title: t('mapping.samples'),
          render: (_, row) => {
            const samples = samplesOf(preview, row.index);
            if (samples.length === 0) return <Typography.Text type="secondary">{t('mapping.noSamples')}</Typography.Text>;
            return (
              <Flex vertical data-testid={`samples-${row.index}`}>
                {samples.map((sample) => (
                  <Typography.Text key={sample} type="secondary" ellipsis style={{ maxWidth: 240 }}>
                    {sample}
                  </Typography.Text>
                ))}
              </Flex>
            );
          },
        },
        {
          key: 'field',
          title: t('mapping.field'),
          render: (_, row) => {
            const first = repeated[row.index];
            const error = refused.has(row.index);
            return (
              <Flex vertical gap={4}>
                <Select
                  aria-label={t('mapping.fieldFor', { header: headerOf(row.index) })}
                  value={row.column.field ?? NOT_IMPORTED}
                  options={options}
                  status={error ? 'error' : first !== null && first !== undefined ? 'warning' : undefined}
                  showSearch={{ optionFilterProp: 'label' }}
                  style={{ width: 260 }}
                  onChange={(value: string) => {
                    const field = value === NOT_IMPORTED ? null : value;
                    onChange(row.index, takesLabel(field) ? { field, label: row.column.label ?? '' } : { field });
                  }}
                />
                {error && <Typography.Text type="danger">{t('mapping.fieldRefused')}</Typography.Text>}
                {first !== null && first !== undefined && (
                  <Typography.Text type="warning" style={{ maxWidth: 260 }}>
                    {t('mapping.repeated', { header: headerOf(first) })}
                  </Typography.Text>
                )}
              </Flex>
            );
          },
        },
        {
          key: 'label',
          title: t('mapping.label'),
          render: (_, row) =>
            takesLabel(row.column.field) && (
              <Input
                aria-label={t('mapping.labelFor', { header: headerOf(row.index) })}
                placeholder={t('mapping.labelPlaceholder')}
                value={row.column.label ?? ''}
                maxLength={40}
                style={{ width: 160 }}
                onChange={(event) => onChange(row.index, { field: row.column.field, label: event.target.value })}
              />
            ),
        },
      ]}
    />
  );
}
