import { PlusOutlined } from '@ant-design/icons';
import { CUSTOM_ENTITIES, type TCustomEntity, type TCustomField } from '@clientela/contract';
import { App, Button, Card, Result, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { useMe } from '../auth/api.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { useCustomFields, useDeleteCustomField } from './api.ts';
import { customFieldColumns } from './custom-field-columns.tsx';
import { CustomFieldModal } from './custom-field-modal.tsx';

/** `/admin/custom-fields`: admins add their own fields to companies and contacts ("Preferred bread", "Credit limit"). */
export function CustomFieldsPage() {
  const { t } = useTranslation('customers');
  const { t: tc } = useTranslation();
  const me = useMe();
  const { locale } = useLocale();
  const { modal, message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const entity: TCustomEntity = params.get('entity') === 'contact' ? 'contact' : 'company';
  const fields = useCustomFields(entity);
  const remove = useDeleteCustomField();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<TCustomField>();

  if (me.role !== 'admin') {
    return <Result status="403" title={tc('forbidden.title')} subTitle={tc('forbidden.text')} />;
  }

  const confirmDelete = (field: TCustomField) =>
    modal.confirm({
      title: t('customFields.deleteConfirm', { label: field.label }),
      content: t(`customFields.deleteHint.${entity}`),
      okText: tc('common.delete'),
      okButtonProps: { danger: true },
      cancelText: tc('common.cancel'),
      onOk: async () => {
        try {
          await remove.mutateAsync(field.id);
          message.success(t('customFields.deleted', { label: field.label }));
        } catch (error) {
          message.error(errorMessage(tc, error));
        }
      },
    });

  const columns = customFieldColumns({ t, locale, onEdit: setEditing, onDelete: confirmDelete });

  return (
    <>
      <PageHeader title={t('customFields.title')} subtitle={t('customFields.subtitle')} />
      <Card
        tabList={CUSTOM_ENTITIES.map((value) => ({ key: value, label: t(`customFields.entities.${value}`) }))}
        activeTabKey={entity}
        onTabChange={(key) => setParams(key === 'contact' ? { entity: 'contact' } : {}, { replace: true })}
        tabBarExtraContent={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('customFields.create')}
          </Button>
        }
      >
        <ErrorAlert error={fields.error} />
        <Table<TCustomField>
          rowKey="id"
          columns={columns}
          dataSource={fields.data}
          pagination={false}
          loading={fields.isPending}
          locale={{ emptyText: t(`customFields.empty.${entity}`) }}
          tableLayout="auto"
        />
      </Card>
      <CustomFieldModal
        open={creating || editing !== undefined}
        entity={entity}
        field={editing}
        fields={fields.data ?? []}
        onClose={() => {
          setCreating(false);
          setEditing(undefined);
        }}
      />
    </>
  );
}
