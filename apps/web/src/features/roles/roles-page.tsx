import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { TDefinedRole } from '@clientela/contract';
import { App, Button, Card, Flex, Popconfirm, Result, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { isApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/errors.ts';
import { useMe } from '../auth/api.ts';
import { RoleTag } from '../users/role-tag.tsx';
import { useDeleteRole, useRoles } from './api.ts';
import { RoleDrawer } from './role-drawer.tsx';

/** `/admin/roles`: admins define roles — the scopes they change and the fields they protect — and see who holds them. */
export function RolesPage() {
  const { t } = useTranslation('roles');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const roles = useRoles();
  const remove = useDeleteRole();
  const [editing, setEditing] = useState<TDefinedRole | 'new' | null>(null);

  if (me.role !== 'admin') return <Result status="403" title={tc('forbidden.title')} subTitle={tc('forbidden.text')} />;

  const onDelete = async (role: TDefinedRole) => {
    try {
      await remove.mutateAsync(role.id);
      message.success(t('deleted', { name: role.name }));
    } catch (error) {
      message.error(isApiError(error, 'in_use') ? t('inUse', { name: role.name }) : errorMessage(tc, error));
    }
  };

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('create')}
          </Button>
        }
      />
      <Card>
        <ErrorAlert error={roles.error} />
        <Table<TDefinedRole>
          rowKey="id"
          dataSource={roles.data}
          loading={roles.isPending}
          pagination={false}
          locale={{ emptyText: t('empty') }}
          scroll={{ x: 640 }}
          columns={[
            { key: 'name', title: t('columns.name'), render: (_, role) => <Typography.Text strong>{role.name}</Typography.Text> },
            {
              key: 'description',
              title: t('columns.description'),
              render: (_, role) => role.description ?? <Typography.Text type="secondary">—</Typography.Text>,
            },
            { key: 'baseRole', title: t('columns.baseRole'), className: 'nowrap', render: (_, role) => <RoleTag role={role.baseRole} /> },
            { key: 'userCount', title: t('columns.userCount'), align: 'right', render: (_, role) => role.userCount },
            {
              key: 'actions',
              title: <span className="sr-only">{tc('common.actions')}</span>,
              align: 'right',
              width: 104,
              fixed: 'right',
              render: (_, role) => (
                <Flex gap={4} justify="flex-end">
                  <Button
                    type="text"
                    icon={<EditOutlined />}
                    aria-label={t('editAria', { name: role.name })}
                    onClick={() => setEditing(role)}
                  />
                  <Popconfirm
                    title={t('deleteConfirm', { name: role.name })}
                    okText={tc('common.delete')}
                    cancelText={tc('common.cancel')}
                    okButtonProps={{ danger: true }}
                    onConfirm={() => onDelete(role)}
                  >
                    <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('deleteAria', { name: role.name })} />
                  </Popconfirm>
                </Flex>
              ),
            },
          ]}
        />
      </Card>
      <RoleDrawer
        open={editing !== null}
        role={editing === 'new' || editing === null ? undefined : editing}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
