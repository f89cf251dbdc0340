import { BellOutlined } from '@ant-design/icons';
import type { TNotification } from '@clientela/contract';
import { Badge, Button, Empty, Flex, List, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useFormatters } from '../customers/date-format.ts';
import { useLiveNotifications, useMarkRead, useNotifications } from './api.ts';

type EscalationReason = 'overdue' | 'not_received' | 'not_accepted';

/** One notice as a sentence in the reader's language: who did what to which task. */
function NoticeText({ notification }: { notification: TNotification }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const detail = notification.detail ?? {};
  return (
    <Flex vertical gap={2}>
      <Typography.Text strong={!notification.readAt}>
        {t(`notifications.kinds.${notification.kind}`, {
          actor: notification.actor?.name ?? t('notifications.someone'),
          title: notification.title,
          ...detail,
          reason: detail.reason ? t(`notifications.reasons.${detail.reason as EscalationReason}`) : '',
        })}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        <time dateTime={notification.createdAt}>{format.dateTime(notification.createdAt)}</time>
      </Typography.Text>
    </Flex>
  );
}

/** The bell in the header: the unread count, the latest notices, each opening its task. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notifications = useNotifications();
  useLiveNotifications();
  const markRead = useMarkRead();
  const [open, setOpen] = useState(false);
  const unread = notifications.data?.unread ?? 0;
  const items = notifications.data?.data ?? [];

  const openNotice = (notification: TNotification) => {
    if (!notification.readAt) markRead.mutate({ ids: [notification.id] });
    setOpen(false);
    if (notification.caseId) navigate(`/cases/${notification.caseId}`);
    else if (notification.taskId) navigate(`/tasks/${notification.taskId}`);
  };

  const content = (
    <Flex vertical style={{ width: 360, maxHeight: 420, overflow: 'auto' }}>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <List
          dataSource={items}
          renderItem={(notification) => (
            <List.Item
              key={notification.id}
              onClick={() => openNotice(notification)}
              style={{ cursor: 'pointer', paddingInline: 8 }}
              data-testid="notification"
            >
              <NoticeText notification={notification} />
            </List.Item>
          )}
        />
      )}
    </Flex>
  );

  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      title={
        <Flex justify="space-between" align="center">
          {t('notifications.title')}
          {unread > 0 && (
            <Button type="link" size="small" onClick={() => markRead.mutate({ all: true })}>
              {t('notifications.markAll')}
            </Button>
          )}
        </Flex>
      }
      content={content}
    >
      <Badge count={unread} size="small" offset={[-4, 4]}>
        <Button type="text" icon={<BellOutlined />} aria-label={t('notifications.bell', { count: unread })} />
      </Badge>
    </Popover>
  );
}
