import type { TRoleCatalogue, TScope } from '@clientela/contract';
import { Form, Select, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { actionColumns, actionLabel, resourceLabel, SCOPE_ORDER } from './role-labels.ts';

type Resource = TRoleCatalogue['resources'][number];

/** Per resource (rows) and action (columns), the scope the role reaches; empty keeps the base role's. */
export function PermissionMatrix({ resources }: { resources: Resource[] }) {
  const { t } = useTranslation('roles');
  const actions = actionColumns(resources.flatMap((entry) => entry.actions.map(({ action }) => action)));
  const columns: TableColumnsType<Resource> = [
    {
      key: 'resource',
      title: t('matrix.resource'),
      fixed: 'left',
      width: 190,
      render: (_, entry) => resourceLabel(entry.resource),
    },
    ...actions.map((action) => ({
      key: action,
      title: actionLabel(action),
      width: 168,
      render: (_: unknown, entry: Resource) => {
        const offered = entry.actions.find((item) => item.action === action);
        if (!offered) return null;
        const label = `${resourceLabel(entry.resource)}: ${actionLabel(action)}`;
        return (
          <Form.Item name={['permissions', entry.resource, action]} style={{ margin: 0 }}>
            <Select<TScope>
              allowClear
              size="small"
              aria-label={label}
              placeholder={t('scopes.inherit')}
              popupMatchSelectWidth={false}
              style={{ width: '100%' }}
              options={SCOPE_ORDER.filter((scope) => offered.scopes.includes(scope)).map((scope) => ({
                value: scope,
                label: t(`scopes.${scope}`),
              }))}
            />
          </Form.Item>
        );
      },
    })),
  ];
  return (
    <Table<Resource>
      rowKey="resource"
      size="small"
      bordered
      columns={columns}
      dataSource={resources}
      pagination={false}
      scroll={{ x: 190 + actions.length * 168, y: 420 }}
    />
  );
}
