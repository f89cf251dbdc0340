import { RECIPIENT_STATUSES, type TMailingRecipient, type TRecipientStatus } from '@clientela/contract';
import { Button, Card, Flex, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatNumber } from '../../lib/format.ts';
import { useFormatters } from '../customers/date-format.ts';
import { useRecipients } from './api.ts';
import { RecipientNote } from './bounce-note.tsx';
import { RecipientStatusTag } from './mailing-tags.tsx';

type Props = {
  mailingId: string;
  moving: boolean;
  status: TRecipientStatus | undefined;
  onStatus: (status: TRecipientStatus | undefined) => void;
};

/** A mailing's recipients, of one status or all, a page at a time (the server's cursor, with the way back remembered). */
export function RecipientsTable({ mailingId, moving, status, onStatus }: Props) {
  const { t } = useTranslation('mailings');
  const format = useFormatters();
  // The cursors of the pages before this one: "previous" pops one.
  const [trail, setTrail] = useState<(string | undefined)[]>([]);
  const [cursor, setCursor] = useState<string | undefined>();
  const recipients = useRecipients(mailingId, status, cursor, moving);

  const filter = (next: TRecipientStatus | undefined) => {
    setTrail([]);
    setCursor(undefined);
    onStatus(next);
  };
  const total = recipients.data?.total ?? 0;

  return (
    <Card
      title={t('recipients.title')}
      extra={
        <Select<TRecipientStatus>
          aria-label={t('recipients.filter')}
          placeholder={t('recipients.all')}
          allowClear
          value={status}
          onChange={(value) => filter(value ?? undefined)}
          style={{ minWidth: 220 }}
          options={RECIPIENT_STATUSES.map((value) => ({ value, label: t(`recipientStatus.${value}`) }))}
        />
      }
    >
      <ErrorAlert error={recipients.error} />
      <Table<TMailingRecipient>
        rowKey={(row) => row.contact.id}
        size="small"
        loading={recipients.isPending}
        dataSource={recipients.data?.data ?? []}
        pagination={false}
        locale={{ emptyText: t('recipients.empty') }}
        columns={[
          {
            key: 'name',
            title: t('recipients.name'),
            render: (_, row) => <Link to={`/contacts/${row.contact.id}`}>{row.contact.name}</Link>,
          },
          { key: 'email', title: t('recipients.email'), render: (_, row) => row.email ?? '—' },
          { key: 'status', title: t('recipients.status'), render: (_, row) => <RecipientStatusTag status={row.status} /> },
          { key: 'sentAt', title: t('recipients.sentAt'), render: (_, row) => (row.sentAt ? format.dateTime(row.sentAt) : '—') },
          {
            key: 'error',
            title: t('recipients.error'),
            render: (_, row) => <RecipientNote recipient={row} />,
          },
        ]}
      />
      <Flex justify="space-between" align="center" style={{ marginTop: 12 }}>
        <Typography.Text type="secondary">
          {t('recipients.total', { count: total, number: formatNumber(total, format.locale) })}
        </Typography.Text>
        <Flex gap={8}>
          <Button
            disabled={trail.length === 0}
            onClick={() => {
              setCursor(trail.at(-1));
              setTrail(trail.slice(0, -1));
            }}
          >
            {t('recipients.previous')}
          </Button>
          <Button
            disabled={!recipients.data?.nextCursor}
            onClick={() => {
              setTrail([...trail, cursor]);
              setCursor(recipients.data?.nextCursor ?? undefined);
            }}
          >
            {t('recipients.next')}
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}
