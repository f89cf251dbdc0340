import type { TCustomField } from '@clientela/contract';
import { Radio, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerRecord } from '../customer-list/api.ts';
import { useMergeValues } from './use-merge-values.ts';

type Props = {
  records: readonly CustomerRecord[];
  survivorId: string;
  /** The fields whose values differ, one row each. */
  fields: readonly string[];
  customFields: readonly TCustomField[];
  /** The record whose value a field keeps now. */
  choiceOf: (field: string) => string;
  onPick: (field: string, recordId: string) => void;
};

/** "Which values to keep?": a row per differing field, a column per record, a radio in each cell. */
export function MergeValueTable({ records, survivorId, fields, customFields, choiceOf, onPick }: Props) {
  const { t } = useTranslation('duplicates');
  const values = useMergeValues(customFields);
  return (
    <Table<{ field: string }>
      size="small"
      rowKey="field"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={fields.map((field) => ({ field }))}
      columns={[
        { key: 'field', title: t('merge.field'), render: (_, { field }) => values.label(field) },
        ...records.map((record) => ({
          key: record.id,
          title: (
            <span>
              {record.name} {record.id === survivorId && <Tag color="green">{t('merge.stays')}</Tag>}
            </span>
          ),
          render: (_: unknown, { field }: { field: string }) => {
            const text = values.text(record, field);
            return (
              <Radio
                name={`merge-${field}`}
                checked={choiceOf(field) === record.id}
                onChange={() => onPick(field, record.id)}
                aria-label={t('merge.valueOf', { field: values.label(field), value: text ?? t('merge.empty'), record: record.name })}
              >
                {text === null ? (
                  <Typography.Text type="secondary" italic>
                    {t('merge.empty')}
                  </Typography.Text>
                ) : (
                  <span style={{ whiteSpace: 'pre-wrap' }}>{text}</span>
                )}
              </Radio>
            );
          },
        })),
      ]}
    />
  );
}
