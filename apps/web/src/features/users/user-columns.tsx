import { EditOutlined } from '@ant-design/icons';
import type { TUser } from '@clientela/contract';
import { Avatar, Button, Flex, type TableColumnsType, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { initials } from '../../lib/format.ts';
import type { UserSort } from './api.ts';
import { RoleTag } from './role-tag.tsx';

type Options = {
  t: TFunction;
  meId: string;
  sort: UserSort;
  unitNames: Map<string, string>;
  /** Defined roles' names by id. */
  roleNames: Map<string, string>;
  formatDate: (iso: string) => string;
  onEdit: (user: TUser) => void;
};

function sortOrder(sort: UserSort, field: string) {
  if (sort === field) return 'ascend' as const;
  if (sort === `-${field}`) return 'descend' as const;
  return null;
}

/** Columns of the users table; sorting happens on the server. Deactivated people carry a tag by their name. */
export function userColumns({ t, meId, sort, unitNames, roleNames, formatDate, onEdit }: Options): TableColumnsType<TUser> {
  return [
    {
      key: 'name',
      title: t('users.columns.name'),
      sorter: true,
      sortOrder: sortOrder(sort, 'name'),
      render: (_, user) => (
        <Flex align="center" gap={12}>
          <Avatar style={{ background: user.active ? '#0f766e' : '#bfbfbf', flex: 'none' }}>{initials(user.name)}</Avatar>
          <Flex vertical style={{ minWidth: 0 }}>
            <Typography.Text strong ellipsis>
              {user.name}
              {user.id === meId && <Typography.Text type="secondary">{` (${t('users.you')})`}</Typography.Text>}
              {!user.active && (
                <Tag variant="filled" style={{ marginInlineStart: 8 }}>
                  {t('users.inactive')}
                </Tag>
              )}
            </Typography.Text>
            <Typography.Text type="secondary" ellipsis style={{ fontSize: 13 }}>
              {user.email}
            </Typography.Text>
          </Flex>
        </Flex>
      ),
    },
    {
      key: 'role',
      title: t('users.columns.role'),
      className: 'nowrap',
      render: (_, user) => <RoleTag role={user.role} name={user.roleId ? roleNames.get(user.roleId) : undefined} />,
    },
    {
      key: 'unit',
      title: t('users.columns.unit'),
      className: 'nowrap',
      render: (_, user) =>
        user.unitId ? (unitNames.get(user.unitId) ?? '—') : <Typography.Text type="secondary">{t('users.noUnit')}</Typography.Text>,
    },
    {
      key: 'createdAt',
      title: t('users.columns.created'),
      sorter: true,
      sortOrder: sortOrder(sort, 'createdAt'),
      responsive: ['xxl'],
      render: (_, user) => formatDate(user.createdAt),
    },
    {
      key: 'actions',
      title: <span className="sr-only">{t('common.actions')}</span>,
      align: 'right',
      width: 64,
      fixed: 'right',
      render: (_, user) => (
        <Button type="text" icon={<EditOutlined />} aria-label={t('users.editAria', { name: user.name })} onClick={() => onEdit(user)} />
      ),
    },
  ];
}
