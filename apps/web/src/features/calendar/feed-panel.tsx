import { CopyOutlined, DeleteOutlined, LinkOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Input, Popconfirm, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { useFormatters } from '../customers/date-format.ts';
import { useCalendarFeed, useCreateCalendarFeed, useRevokeCalendarFeed } from './api.ts';

/** The feed's address as calendar programs need it: absolute. */
function absolute(url: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(url) ? url : new URL(url, window.location.origin).toString();
}

/**
 * The user's secret iCalendar address: made, replaced or revoked here. The address is shown (with
 * a copy button) only right after it is made; the server keeps no copy it could show again.
 */
export function FeedPanel() {
  const { t } = useTranslation('contracts');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const format = useFormatters();
  const feed = useCalendarFeed();
  const create = useCreateCalendarFeed();
  const revoke = useRevokeCalendarFeed();
  const url = feed.data?.url ? absolute(feed.data.url) : null;
  const exists = Boolean(url || feed.data?.createdAt);

  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      message.success(t('feed.copied'));
    } catch {
      message.info(t('feed.copyByHand'));
    }
  };
  const run = async (action: typeof create, done: string) => {
    try {
      await action.mutateAsync();
      message.success(done);
    } catch (error) {
      message.error(errorMessage(tc, error));
    }
  };

  return (
    <Flex vertical gap={16} data-testid="calendar-feed">
      <Typography.Paragraph style={{ margin: 0 }}>{t('feed.intro')}</Typography.Paragraph>
      <ErrorAlert error={feed.error} />
      {feed.isPending ? (
        <Skeleton active paragraph={{ rows: 1 }} />
      ) : exists ? (
        <>
          {url ? (
            <>
              <Space.Compact style={{ width: '100%' }}>
                <Input
                  readOnly
                  value={url}
                  aria-label={t('feed.address')}
                  prefix={<LinkOutlined />}
                  onFocus={(event) => event.target.select()}
                />
                <Button type="primary" icon={<CopyOutlined />} onClick={copy}>
                  {t('feed.copy')}
                </Button>
              </Space.Compact>
              <Alert type="warning" showIcon title={t('feed.copyNow')} description={t('feed.secret')} />
            </>
          ) : (
            <Alert
              type="info"
              showIcon
              title={feed.data?.createdAt ? t('feed.exists', { date: format.dateTime(feed.data.createdAt) }) : t('feed.existsUndated')}
              description={t('feed.hidden')}
            />
          )}
          <Flex gap={8} wrap>
            <Popconfirm
              title={t('feed.replaceConfirm')}
              description={t('feed.replaceHint')}
              okText={t('feed.replace')}
              cancelText={tc('common.cancel')}
              onConfirm={() => run(create, t('feed.replaced'))}
            >
              <Button icon={<ReloadOutlined />} loading={create.isPending}>
                {t('feed.replace')}
              </Button>
            </Popconfirm>
            <Popconfirm
              title={t('feed.revokeConfirm')}
              description={t('feed.revokeHint')}
              okText={t('feed.revoke')}
              okButtonProps={{ danger: true }}
              cancelText={tc('common.cancel')}
              onConfirm={() => run(revoke, t('feed.revoked'))}
            >
              <Button danger icon={<DeleteOutlined />} loading={revoke.isPending}>
                {t('feed.revoke')}
              </Button>
            </Popconfirm>
          </Flex>
        </>
      ) : (
        !feed.error && (
          <Flex vertical gap={12} align="flex-start">
            <Typography.Text type="secondary">{t('feed.none')}</Typography.Text>
            <Button type="primary" icon={<LinkOutlined />} loading={create.isPending} onClick={() => run(create, t('feed.created'))}>
              {t('feed.create')}
            </Button>
          </Flex>
        )
      )}
    </Flex>
  );
}
