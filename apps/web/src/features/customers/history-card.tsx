import type { TRecordChange } from '@clientela/contract';
import { Card, Empty, Flex, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useFormatters } from './date-format.ts';
import { fieldLabel, formatValue, showsValues } from './history-values.ts';

type Props = { changes: TRecordChange[] | undefined; loading: boolean; error: unknown };

/** A record's changes, newest first: who, when, which field, old → new. */
export function HistoryCard({ changes, loading, error }: Props) {
  const { t } = useTranslation('customers');
  const format = useFormatters();
  const entries = [...(changes ?? [])].reverse();

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
                      <Typography.Text type="secondary">{`${fieldLabel(t, change.field)}: `}</Typography.Text>
                      {showsValues(change.field)
                        ? `${formatValue(change.field, change.old, { t, calendarDate: format.calendarDate })} → ${formatValue(change.field, change.new, { t, calendarDate: format.calendarDate })}`
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
