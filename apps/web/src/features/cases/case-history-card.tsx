import type { TCase } from '@clientela/contract';
import { Card, Flex, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../customers/date-format.ts';

const STATUS_FIELDS = new Set(['status']);

/** A changed field's value in words: statuses translated, people and records by name when the server names them. */
function valueText(t: (key: string) => string, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (STATUS_FIELDS.has(field) && typeof value === 'string') return t(`status.${value}`);
  if (typeof value === 'object' && value && 'name' in value) return String((value as { name: unknown }).name);
  if (typeof value === 'string' && /^[0-9a-f-]{36}$/.test(value)) return '…';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** What happened to the case, newest first: who changed what, and when. */
export function CaseHistoryCard({ history }: { history: TCase['history'] }) {
  const { t, i18n } = useTranslation('cases');
  const format = useFormatters();
  const loose = t as unknown as (key: string) => string;
  const fieldName = (field: string) => (i18n.exists(`historyField.${field}`, { ns: 'cases' }) ? loose(`historyField.${field}`) : field);
  const events = [...history].reverse();
  return (
    <Card title={t('history.title')}>
      {events.length === 0 ? (
        <Typography.Text type="secondary">{t('history.none')}</Typography.Text>
      ) : (
        <Timeline
          items={events.map((event, index) => ({
            key: `${event.at}-${index}`,
            color: event.action === 'created' ? 'green' : 'blue',
            content: (
              <Flex vertical gap={2} data-testid="case-event">
                <Typography.Text>
                  <strong>{event.actor?.name ?? t('history.system')}</strong> {t(`history.${event.action}`)}
                </Typography.Text>
                {event.action !== 'created' &&
                  event.changes.slice(0, 6).map((change) => (
                    <Typography.Text key={change.field} type="secondary" style={{ fontSize: 13 }}>
                      {fieldName(change.field)}: {valueText(loose, change.field, change.old)} → {valueText(loose, change.field, change.new)}
                    </Typography.Text>
                  ))}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {format.dateTime(event.at)}
                </Typography.Text>
              </Flex>
            ),
          }))}
        />
      )}
    </Card>
  );
}
