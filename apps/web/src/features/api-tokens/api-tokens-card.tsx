import { DeleteOutlined, KeyOutlined, PlusOutlined } from '@ant-design/icons';
import type { TApiToken } from '@clientela/contract';
import { App, Button, Card, Flex, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { formatInstant } from '../../lib/format.ts';
import { useMe } from '../auth/api.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { useApiTokens, useRevokeApiToken } from './api.ts';
import { CreateTokenModal } from './create-token-modal.tsx';

/** Personal API tokens: list with dates in the user's locale and zone, create, revoke. */
export function ApiTokensCard() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const me = useMe();
  const { locale } = useLocale();
  const tokens = useApiTokens();
  const revoke = useRevokeApiToken();
  const [creating, setCreating] = useState(false);
  const when = (iso: string | null, empty: string) => (iso ? formatInstant(iso, locale, me.timeZone) : empty);

  const confirmRevoke = (token: TApiToken) =>
    modal.confirm({
      title: t('tokens.revokeConfirm', { name: token.name }),
      content: t('tokens.revokeHint'),
      okText: t('tokens.revoke'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await revoke.mutateAsync(token.id);
          message.success(t('tokens.revoked'));
        } catch (error) {
          message.error(errorMessage(t, error));
        }
      },
    });

  const columns: TableColumnsType<TApiToken> = [
    {
      key: 'name',
      title: t('tokens.columns.name'),
      render: (_, token) => (
        <Flex vertical>
          <Typography.Text strong>{token.name}</Typography.Text>
          <Typography.Text type="secondary" code style={{ fontSize: 12, alignSelf: 'flex-start' }}>
            {`${token.prefix}…`}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'created', title: t('tokens.columns.created'), render: (_, token) => when(token.createdAt, '') },
    { key: 'lastUsed', title: t('tokens.columns.lastUsed'), render: (_, token) => when(token.lastUsedAt, t('tokens.neverUsed')) },
    { key: 'expires', title: t('tokens.columns.expires'), render: (_, token) => when(token.expiresAt, t('tokens.noExpiry')) },
    {
      key: 'actions',
      align: 'right',
      title: <span className="sr-only">{t('common.actions')}</span>,
      render: (_, token) => (
        <Button danger type="text" icon={<DeleteOutlined />} onClick={() => confirmRevoke(token)}>
          {t('tokens.revoke')}
        </Button>
      ),
    },
  ];

  return (
    <Card
      id="api-tokens"
      title={
        <Flex align="center" gap={8}>
          <KeyOutlined />
          {t('tokens.title')}
        </Flex>
      }
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('tokens.create')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('tokens.intro')}</Typography.Paragraph>
      <ErrorAlert error={tokens.error} />
      <Table<TApiToken>
        rowKey="id"
        columns={columns}
        dataSource={tokens.data ?? []}
        loading={tokens.isPending}
        pagination={false}
        locale={{ emptyText: t('tokens.empty') }}
        scroll={{ x: 640 }}
      />
      <CreateTokenModal open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
