import type { TCase } from '@clientela/contract';
import { Card, Flex, Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../customers/date-format.ts';

type Change = TCase['history'][number]['changes'][number];

/** Fields whose values are words of ours (translated); the others are text, times or links shown by name elsewhere. */
const ENUMS = { status: 'status', priority: 'priority', channel: 'channel', verdict: 'verdict' } as const;
const TIMES = new Set(['firstRespondedAt', 'resolvedAt', 'closedAt']);
/** References by id: the history says they changed; the page above names the current ones. */
const REFERENCES = new Set(['typeId', 'categoryId', 'companyId', 'contactId', 'productId', 'orderId', 'ownerId', 'unitId']);
/** Bookkeeping the reader need not see. */
const HIDDEN = new Set(['handoverTaskId', 'processInstanceId', 'reopenedCount', 'satisfactionComment', 'note', 'message']);
const FIELDS = [
  'subject',
  'description',
  'typeId',
  'categoryId',
  'channel',
  'priority',
  'status',
  'companyId',
  'contactId',
  'productId',
  'orderId',
  'ownerId',
  'unitId',
  'verdict',
  'verdictReason',
  'resolution',
  'compensationAmount',
  'compensationCurrency',
  'compensationNote',
  'satisfaction',
  'firstRespondedAt',
  'resolvedAt',
  'closedAt',
] as const;
type Field = (typeof FIELDS)[number];
const isField = (field: string): field is Field => (FIELDS as readonly string[]).includes(field);

/** One change in words: "Status: In progress → Resolved", "Responsible changed". */
function changeText(t: TFunction<'cases'>, format: ReturnType<typeof useFormatters>, change: Change): string | null {
  if (HIDDEN.has(change.field) || !isField(change.field)) return null;
  const label = t(`historyField.${change.field}`);
  if (REFERENCES.has(change.field)) return t('history.changed', { field: label });
  const value = (raw: unknown): string => {
    if (raw === null || raw === undefined || raw === '') return '—';
    if (change.field in ENUMS && typeof raw === 'string') {
      const group = ENUMS[change.field as keyof typeof ENUMS];
      return t(`${group}.${raw}` as 'status.new');
    }
    if (TIMES.has(change.field) && typeof raw === 'string') return format.dateTime(raw);
    const text = typeof raw === 'string' ? raw : JSON.stringify(raw);
    return text.length > 80 ? `${text.slice(0, 79)}…` : text;
  };
  return `${label}: ${value(change.old)} → ${value(change.new)}`;
}

/** What happened to the case, newest first: who changed what, and when, with the note of a move. */
export function CaseHistoryCard({ history }: { history: TCase['history'] }) {
  const { t } = useTranslation('cases');
  const format = useFormatters();
  const events = [...history].reverse();
  return (
    <Card title={t('history.title')}>
      {events.length === 0 ? (
        <Typography.Text type="secondary">{t('history.none')}</Typography.Text>
      ) : (
        <Timeline
          items={events.map((event, index) => {
            const lines = event.action === 'created' ? [] : event.changes.map((change) => changeText(t, format, change)).filter(Boolean);
            const note = event.changes.find((change) => change.field === 'note' && typeof change.new === 'string' && change.new)?.new;
            return {
              key: `${event.at}-${index}`,
              color: event.action === 'created' ? 'green' : 'blue',
              content: (
                <Flex vertical gap={2} data-testid="case-event">
                  <Typography.Text>
                    <strong>{event.actor?.name ?? t('history.system')}</strong> {t(`history.${event.action}`)}
                  </Typography.Text>
                  {lines.map((line) => (
                    <Typography.Text key={line} type="secondary" style={{ fontSize: 13 }}>
                      {line}
                    </Typography.Text>
                  ))}
                  {typeof note === 'string' && <Typography.Text italic>{note}</Typography.Text>}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {format.dateTime(event.at)}
                  </Typography.Text>
                </Flex>
              ),
            };
          })}
        />
      )}
    </Card>
  );
}
