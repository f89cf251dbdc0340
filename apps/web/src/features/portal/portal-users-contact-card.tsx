import { MailOutlined, UserAddOutlined } from '@ant-design/icons';
import type { TPortalUser } from '@clientela/contract';
import { App, Button, Card, Flex, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { formatInstant } from '../../lib/format.ts';
import { useMe } from '../auth/api.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { PortalInviteModal } from './portal-invite-modal.tsx';
import { type PortalUserAction, useContactPortalUser, usePortalUserAction } from './portal-users-api.ts';
import { WithPortalUserMessages } from './portal-users-messages.tsx';
import { actionsFor } from './portal-users-page.tsx';
import { PortalUserStatusTag } from './portal-users-tags.tsx';

/** Where the account stands, in one sentence or two. */
function AccountState({ user }: { user: TPortalUser }) {
  const { t } = useTranslation('portalUsers');
  const { locale } = useLocale();
  const me = useMe();
  const day = (iso: string) => formatInstant(iso, locale, me.timeZone, 'date');
  const lines =
    user.status === 'invited'
      ? [t('card.invitedOn', { date: day(user.invitedAt) })]
      : user.status === 'active'
        ? [
            t('card.activeSince', { date: day(user.activatedAt ?? user.invitedAt) }),
            user.lastLoginAt
              ? t('card.lastLogin', { date: formatInstant(user.lastLoginAt, locale, me.timeZone) })
              : t('card.neverSignedIn'),
          ]
        : [t('card.disabled')];
  return (
    <Flex vertical gap={4}>
      <span>
        <PortalUserStatusTag status={user.status} />
        <Typography.Text type="secondary">{t('card.email', { email: user.email })}</Typography.Text>
      </span>
      {lines.map((line) => (
        <Typography.Text key={line}>{line}</Typography.Text>
      ))}
    </Flex>
  );
}

function Content({ contactId }: { contactId: string }) {
  const { t } = useTranslation('portalUsers');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const account = useContactPortalUser(contactId);
  const act = usePortalUserAction();
  const [inviting, setInviting] = useState(false);
  const user = account.data;
  const run = async (action: PortalUserAction) => {
    if (!user) return;
    try {
      await act.mutateAsync({ id: user.id, action });
      message.success(
        t(`done.${action === 'resend' ? 'resent' : action === 'disable' ? 'disabled' : 'enabled'}`, {
          email: user.email,
          name: user.contact.name,
        }),
      );
    } catch (error) {
      message.error(errorMessage(tc, error));
    }
  };
  return (
    <Card title={t('card.title')} size="small">
      <ErrorAlert error={account.error} />
      {account.isPending ? (
        <Skeleton active paragraph={{ rows: 1 }} />
      ) : (
        <Flex vertical gap={12}>
          {user ? <AccountState user={user} /> : <Typography.Text type="secondary">{t('card.notInvited')}</Typography.Text>}
          <Space wrap>
            {user ? (
              actionsFor(user.status).map((action) => (
                <Button
                  key={action}
                  size="small"
                  danger={action === 'disable'}
                  loading={act.isPending && act.variables?.action === action}
                  icon={action === 'resend' ? <MailOutlined /> : undefined}
                  onClick={() => run(action)}
                >
                  {t(`actions.${action}`)}
                </Button>
              ))
            ) : (
              <Button size="small" type="primary" icon={<UserAddOutlined />} onClick={() => setInviting(true)}>
                {t('actions.invite')}
              </Button>
            )}
          </Space>
        </Flex>
      )}
      <PortalInviteModal open={inviting} onClose={() => setInviting(false)} contact={{ id: contactId }} />
    </Card>
  );
}

/** The contact page's "Customer portal" card: the account's status and what staff may do with it. */
export function ContactPortalCard({ contactId }: { contactId: string }) {
  return (
    <WithPortalUserMessages>
      <Content contactId={contactId} />
    </WithPortalUserMessages>
  );
}
