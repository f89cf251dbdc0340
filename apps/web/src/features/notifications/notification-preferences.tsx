import { BellOutlined } from '@ant-design/icons';
import type { TNotificationPreference } from '@clientela/contract';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Flex, Switch, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { loadNotificationSettingsMessages } from '../../lib/notification-settings-messages.ts';
import { useNotificationPreferences, useSaveNotificationPreferences } from './api.ts';

/** The profile's "Notifications" card: for each kind of notice, whether it shows in the app and comes by e-mail. */
export function NotificationPreferencesCard() {
  // Its messages load with the card, keeping them out of the start-up bundle.
  const messages = useQuery({
    queryKey: ['messages', 'notificationSettings'],
    queryFn: () => loadNotificationSettingsMessages().then(() => true),
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (!messages.data) return <Card id="notifications" loading />;
  return <PreferencesCard />;
}

type Channel = 'inApp' | 'email';

function PreferencesCard() {
  const { t } = useTranslation('notificationSettings');
  const { message } = App.useApp();
  const preferences = useNotificationPreferences();
  const save = useSaveNotificationPreferences();
  // The choices being edited; null while they are the saved ones.
  const [draft, setDraft] = useState<TNotificationPreference[] | null>(null);
  const rows = draft ?? preferences.data?.data ?? [];

  const set = (kind: TNotificationPreference['kind'], channel: Channel, on: boolean) =>
    setDraft(rows.map((row) => (row.kind === kind ? { ...row, [channel]: on } : row)));

  const submit = async () => {
    try {
      await save.mutateAsync(rows);
      setDraft(null);
      message.success(t('saved'));
    } catch {
      // Shown by the alert above the table.
    }
  };

  const channel = (key: Channel): TableColumnsType<TNotificationPreference>[number] => ({
    key,
    title: t(`columns.${key}`),
    align: 'center',
    width: 140,
    render: (_, row) => (
      <Switch
        size="small"
        checked={row[key]}
        onChange={(on) => set(row.kind, key, on)}
        aria-label={t('switchLabel', { kind: t(`kinds.${row.kind}`), channel: t(`columns.${key}`) })}
      />
    ),
  });
  const columns: TableColumnsType<TNotificationPreference> = [
    { key: 'kind', title: t('columns.kind'), render: (_, row) => t(`kinds.${row.kind}`) },
    channel('inApp'),
    channel('email'),
  ];

  return (
    <Card
      id="notifications"
      title={
        <Flex align="center" gap={8}>
          <BellOutlined />
          {t('title')}
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary">{t('hint')}</Typography.Paragraph>
      <ErrorAlert error={preferences.error ?? save.error} />
      <Table
        rowKey="kind"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={preferences.isPending}
        pagination={false}
        aria-label={t('title')}
      />
      <Flex align="center" gap={12} style={{ marginTop: 16 }}>
        <Button type="primary" onClick={submit} loading={save.isPending} disabled={!draft}>
          {t('save')}
        </Button>
        {draft && <Typography.Text type="secondary">{t('unsaved')}</Typography.Text>}
      </Flex>
    </Card>
  );
}
