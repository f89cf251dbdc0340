import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { ROLES, type TRole, type TUser } from '@clientela/contract';
import { Button, Card, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatInstant } from '../../lib/format.ts';
import { useDebouncedValue } from '../../lib/use-debounced-value.ts';
import { useMe } from '../auth/api.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { useRoles } from '../roles/api.ts';
import { useUnits } from '../units/api.ts';
import { unitNames } from '../units/unit-tree.ts';
import { type UserSort, useUsers } from './api.ts';
import { userColumns } from './user-columns.tsx';
import { UserCreateModal } from './user-create-modal.tsx';
import { UserEditModal } from './user-edit-modal.tsx';

type Props = { unitId: string | undefined; onClearUnit: () => void };
type Status = 'true' | 'false';

/** The people of the workspace: search, filter, sort and page on the server; create and edit. */
export function UsersCard({ unitId, onClearUnit }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const { locale } = useLocale();
  const units = useUnits();
  const definedRoles = useRoles();
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<TRole>();
  const [active, setActive] = useState<Status>();
  const [sort, setSort] = useState<UserSort>('name');
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<TUser | null>(null);
  const q = useDebouncedValue(search);

  const users = useUsers({ q, role, unitId, active, sort });
  const rows = useMemo(() => users.data?.pages.flatMap((page) => page.data) ?? [], [users.data]);
  const total = users.data?.pages[0]?.total ?? 0;
  const names = useMemo(() => unitNames(units.data), [units.data]);
  const roleNames = useMemo(() => new Map((definedRoles.data ?? []).map((role) => [role.id, role.name])), [definedRoles.data]);
  const columns = userColumns({
    t,
    meId: me.id,
    sort,
    unitNames: names,
    roleNames,
    formatDate: (iso) => formatInstant(iso, locale, me.timeZone, 'date'),
    onEdit: setEditing,
  });

  return (
    <Card
      title={t('users.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('users.create')}
        </Button>
      }
    >
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('users.searchPlaceholder')}
          aria-label={t('users.searchPlaceholder')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          style={{ flex: '1 1 220px' }}
        />
        <Select<TRole>
          allowClear
          placeholder={t('users.allRoles')}
          aria-label={t('users.role')}
          value={role}
          onChange={setRole}
          options={ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))}
          style={{ width: 170 }}
        />
        <Select<Status>
          allowClear
          placeholder={t('users.allStatuses')}
          aria-label={t('users.columns.status')}
          value={active}
          onChange={setActive}
          options={[
            { value: 'true', label: t('users.active') },
            { value: 'false', label: t('users.inactive') },
          ]}
          style={{ width: 170 }}
        />
      </Flex>
      {unitId && (
        <Tag closable onClose={onClearUnit} style={{ marginBottom: 12 }} color="cyan">
          {t('users.filteredByUnit', { name: names.get(unitId) ?? '' })}
        </Tag>
      )}
      <ErrorAlert error={users.error} />
      <Table<TUser>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        pagination={false}
        loading={users.isPending || (users.isFetching && !users.isFetchingNextPage)}
        locale={{ emptyText: t('users.empty') }}
        scroll={{ x: 560 }}
        tableLayout="auto"
        onChange={(_pagination, _filters, sorter) => {
          const one = Array.isArray(sorter) ? sorter[0] : sorter;
          const field = one?.columnKey === 'createdAt' ? 'createdAt' : 'name';
          if (!one?.order) setSort('name');
          else setSort(one.order === 'descend' ? `-${field}` : field);
        }}
      />
      <Flex justify="space-between" align="center" style={{ marginTop: 16 }}>
        <Typography.Text type="secondary">{t('users.shown', { shown: rows.length, total })}</Typography.Text>
        {users.hasNextPage && (
          <Button onClick={() => users.fetchNextPage()} loading={users.isFetchingNextPage}>
            {t('users.loadMore')}
          </Button>
        )}
      </Flex>
      <UserCreateModal open={creating} defaultUnitId={unitId} onClose={() => setCreating(false)} />
      <UserEditModal user={editing} onClose={() => setEditing(null)} />
    </Card>
  );
}
