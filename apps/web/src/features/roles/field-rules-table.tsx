import { Form, Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { fieldLabel, resourceLabel } from './role-labels.ts';

type Row = { key: string; entity: string; field: string };
type Rule = 'visible' | 'hidden' | 'read_only';

/** Per entity and protectable field, whether the role sees it, sees it read-only, or not at all. */
export function FieldRulesTable({ fields, customLabels }: { fields: Record<string, string[]>; customLabels: Map<string, string> }) {
  const { t } = useTranslation('roles');
  const rows: Row[] = Object.entries(fields).flatMap(([entity, list]) =>
    list.map((field) => ({ key: `${entity}:${field}`, entity, field })),
  );
  return (
    <Table<Row>
      size="small"
      bordered
      pagination={false}
      dataSource={rows}
      scroll={{ y: 360 }}
      columns={[
        {
          key: 'entity',
          title: t('fieldRules.entity'),
          width: 180,
          render: (_, row) => <Typography.Text>{resourceLabel(row.entity)}</Typography.Text>,
        },
        { key: 'field', title: t('fieldRules.field'), render: (_, row) => fieldLabel(row.field, customLabels) },
        {
          key: 'rule',
          title: t('fieldRules.rule'),
          width: 200,
          render: (_, row) => (
            <Form.Item name={['fieldRules', row.entity, row.field]} style={{ margin: 0 }}>
              <Select<Rule>
                size="small"
                aria-label={`${resourceLabel(row.entity)}: ${fieldLabel(row.field, customLabels)}`}
                placeholder={t('fieldRules.visible')}
                style={{ width: '100%' }}
                options={[
                  { value: 'visible', label: t('fieldRules.visible') },
                  { value: 'read_only', label: t('fieldRules.read_only') },
                  { value: 'hidden', label: t('fieldRules.hidden') },
                ]}
              />
            </Form.Item>
          ),
        },
      ]}
    />
  );
}
