import type { TCustomField, TRecordChange } from '@clientela/contract';
import { Card, Empty, Flex, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { customValueText } from '../custom-fields/custom-values.ts';
import { useFormatters } from './date-format.ts';
import { fieldLabel, formatValue, showsValues } from './history-values.ts';

type Props = {
  changes: TRecordChange[] | undefined;
  loading: boolean;
  error: unknown;
  /** The record's custom fields, so that `custom.<key>` changes read with the field's label. */
  customFields?: readonly TCustomField[];
};

/** A record's changes, newest first: who, when, which field, old → new. */
export function HistoryCard({ changes, loading, error, customFields = [] }: Props) {
  const { t } = useTranslation('customers');
  const format = useFormatters();
  const entries = [...(changes ?? [])].reverse();
  const customByField = new Map(customFields.map((field) => [`custom.${field.key}`, field]));
  // A deleted custom field is named by its key, the most a reader can still be told.
  const label = (field: string) => customByField.get(field)?.label ?? (field.startsWith('custom.') ? field.slice(7) : fieldLabel(t, field));
  const value = (field: string, raw: unknown) => {
    const custom = customByField.get(field);
    if (!custom) return formatValue(field, raw, { t, calendarDate: format.calendarDate });
    return customValueText(custom, raw, { t, locale: format.locale }) ?? t('history.empty_value');
  };

  return (
    <Card title={t('history.title')} loading={loading} data-testid="history">
      <ErrorAlert error={error} />
      {entries.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('history.empty')} />
      ) : (
        <Timeline
          items={entries.map((entry) => ({
            key: entry.id,
            color: entry.action === 'created' ? 'green' : entry.action === 'deleted' ? 'red' : 'blue',
            content: (
              <Flex vertical gap={2}>
                <Typography.Text>
                  <Typography.Text strong>
                    {t(`history.${entry.action}`, { name: entry.actor?.name ?? t('history.someone') })}
                  </Typography.Text>
                  <Typography.Text type="secondary">{` · ${format.dateTime(entry.at)}`}</Typography.Text>
                </Typography.Text>
                {entry.action === 'updated' &&
                  entry.changes.map((change) => (
                    <Typography.Text key={change.field} data-testid="history-change">
                      <Typography.Text type="secondary">{`${label(change.field)}: `}</Typography.Text>
                      {showsValues(change.field)
                        ? `${value(change.field, change.old)} → ${value(change.field, change.new)}`
                        : t('history.changed')}
                    </Typography.Text>
                  ))}
              </Flex>
            ),
          }))}
        />
      )}
    </Card>
  );
}
