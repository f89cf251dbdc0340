import { MailOutlined, UserAddOutlined } from '@ant-design/icons';
import { PORTAL_USER_STATUSES, type TPortalUser, type TPortalUserStatus } from '@clientela/contract';
import { App, Button, Empty, Flex, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { formatInstant } from '../../lib/format.ts';
import { useMe } from '../auth/api.ts';
import { CompanySelect } from '../contacts/company-select.tsx';
import { useLocale } from '../locale/locale-context.tsx';
import { PortalInviteModal } from './portal-invite-modal.tsx';
import { type PortalUserAction, type PortalUserFilters, usePortalUserAction, usePortalUsers } from './portal-users-api.ts';
import { PortalUserStatusTag } from './portal-users-tags.tsx';

/** What a staff member may do to an account in its present status. */
export function actionsFor(status: TPortalUserStatus): PortalUserAction[] {
  if (status === 'invited') return ['resend', 'disable'];
  if (status === 'active') return ['disable'];
  return ['enable'];
}

/** Staff: customers' portal accounts (`/portal-users`). */
export function PortalUsersPage() {
  const { t } = useTranslation('portalUsers');
  const { t: tc } = useTranslation();
  const { locale } = useLocale();
  const me = useMe();
  const { message, modal } = App.useApp();
  const [filters, setFilters] = useState<Omit<PortalUserFilters, 'cursor'>>({});
  // Keyset pages: the cursors of the pages seen so far, to go back.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors.at(-1);
  const list = usePortalUsers({ ...filters, cursor });
  const act = usePortalUserAction();
  const [inviting, setInviting] = useState(false);
  const date = (iso: string | null) => (iso ? formatInstant(iso, locale, me.timeZone) : t('never'));

  const filter = (next: Partial<PortalUserFilters>) => {
    setFilters((current) => ({ ...current, ...next }));
    setCursors([undefined]);
  };

  const run = async (user: TPortalUser, action: PortalUserAction) => {
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
  const perform = (user: TPortalUser, action: PortalUserAction) => {
    if (action !== 'disable') return run(user, action);
    modal.confirm({
      title: t('confirmDisable', { name: user.contact.name }),
      okButtonProps: { danger: true },
      onOk: () => run(user, action),
    });
  };

  return (
    <>
      <Flex justify="space-between" align="center" gap={16} wrap style={{ marginBottom: 8 }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        <Button type="primary" icon={<UserAddOutlined />} onClick={() => setInviting(true)}>
          {t('actions.invite')}
        </Button>
      </Flex>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          aria-label={t('filters.search')}
          placeholder={t('filters.search')}
          style={{ maxWidth: 280 }}
          onSearch={(q) => filter({ q: q.trim() || undefined })}
        />
        <Select
          allowClear
          aria-label={t('columns.status')}
          placeholder={t('filters.status')}
          style={{ minWidth: 160 }}
          value={filters.status}
          onChange={(status?: TPortalUserStatus) => filter({ status })}
          options={PORTAL_USER_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))}
        />
        <div style={{ minWidth: 220 }}>
          <CompanySelect aria-label={t('columns.companies')} value={filters.companyId} onChange={(companyId) => filter({ companyId })} />
        </div>
        {filters.companyId && <Button onClick={() => filter({ companyId: undefined })}>{t('filters.company')}</Button>}
      </Flex>
      <ErrorAlert error={list.error} />
      <Table<TPortalUser>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('empty')} /> }}
        columns={[
          {
            title: t('columns.contact'),
            key: 'contact',
            render: (_, user) => <Link to={`/contacts/${user.contact.id}`}>{user.contact.name}</Link>,
          },
          { title: t('columns.email'), dataIndex: 'email' },
          {
            title: t('columns.companies'),
            key: 'companies',
            render: (_, user) =>
              user.companies.map((company, index) => (
                <span key={company.id}>
                  {index > 0 && ', '}
                  <Link to={`/companies/${company.id}`}>{company.name}</Link>
                </span>
              )),
          },
          { title: t('columns.status'), key: 'status', render: (_, user) => <PortalUserStatusTag status={user.status} /> },
          { title: t('columns.language'), key: 'language', render: (_, user) => t(`languages.${user.language}`) },
          { title: t('columns.invitedAt'), key: 'invitedAt', render: (_, user) => date(user.invitedAt) },
          { title: t('columns.lastLogin'), key: 'lastLoginAt', render: (_, user) => date(user.lastLoginAt) },
          {
            title: t('columns.actions'),
            key: 'actions',
            render: (_, user) => (
              <Space wrap>
                {actionsFor(user.status).map((action) => (
                  <Button
                    key={action}
                    size="small"
                    danger={action === 'disable'}
                    icon={action === 'resend' ? <MailOutlined /> : undefined}
                    onClick={() => perform(user, action)}
                  >
                    {t(`actions.${action}`)}
                  </Button>
                ))}
              </Space>
            ),
          },
        ]}
      />
      <Flex justify="flex-end" gap={8} style={{ marginTop: 16 }}>
        <Button aria-label={t('previous')} disabled={cursors.length < 2} onClick={() => setCursors((seen) => seen.slice(0, -1))}>
          ‹
        </Button>
        <Button
          aria-label={t('next')}
          disabled={!list.data?.nextCursor}
          onClick={() => {
            const next = list.data?.nextCursor;
            if (next) setCursors((seen) => [...seen, next]);
          }}
        >
          ›
        </Button>
      </Flex>
      <PortalInviteModal open={inviting} onClose={() => setInviting(false)} />
    </>
  );
}
