import { DeleteOutlined, EditOutlined, PlusOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { CUSTOM_ENTITIES, type TRecordEntity, type TStaticList } from '@clientela/contract';
import { App, Button, Card, Flex, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useFormatters } from '../customers/date-format.ts';
import { useCreateList, useLists, useUpdateList } from './api.ts';
import { ListFormModal, type ListValues } from './list-form-modal.tsx';
import { useConfirmDeleteList } from './use-list-actions.tsx';

/** Whether a list is seen by the whole team or by its owner only. */
export function SharingTag({ shared }: { shared: boolean }) {
  const { t } = useTranslation('customers');
  return shared ? <Tag icon={<TeamOutlined />}>{t('lists.sharedTag')}</Tag> : <Tag icon={<UserOutlined />}>{t('lists.privateTag')}</Tag>;
}

/** `/lists`: the static lists of companies and of contacts, with how many members each holds. */
export function ListsPage() {
  const { t } = useTranslation('customers');
  const { message } = App.useApp();
  const format = useFormatters();
  const [params, setParams] = useSearchParams();
  const entity: TRecordEntity = params.get('entity') === 'contact' ? 'contact' : 'company';
  const lists = useLists(entity);
  const create = useCreateList();
  const update = useUpdateList();
  const confirmDelete = useConfirmDeleteList();
  const [editing, setEditing] = useState<TStaticList | 'new' | null>(null);

  const save = async (values: ListValues) => {
    if (editing && editing !== 'new') {
      await update.mutateAsync({ id: editing.id, ...values });
      message.success(t('lists.updated', { name: values.name }));
    } else {
      const list = await create.mutateAsync({ entity, ...values });
      message.success(t('lists.created', { name: list.name }));
    }
  };

  const table = (
    <>
      <ErrorAlert error={lists.error} />
      <Table<TStaticList>
        rowKey="id"
        dataSource={lists.data ?? []}
        loading={lists.isPending}
        pagination={false}
        locale={{ emptyText: t('lists.empty') }}
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 'name', title: t('lists.name'), render: (_, list) => <Link to={`/lists/${list.id}`}>{list.name}</Link> },
          { key: 'members', title: t('lists.members'), align: 'right', render: (_, list) => list.memberCount },
          { key: 'shared', title: t('lists.sharing'), render: (_, list) => <SharingTag shared={list.shared} /> },
          { key: 'owner', title: t('lists.owner'), render: (_, list) => list.owner?.name },
          { key: 'updatedAt', title: t('lists.updatedAt'), className: 'nowrap', render: (_, list) => format.date(list.updatedAt) },
          {
            key: 'actions',
            title: <span className="sr-only">{t('lists.actions')}</span>,
            align: 'right',
            render: (_, list) =>
              list.editable && (
                <Flex gap={4} justify="flex-end">
                  <Button
                    type="text"
                    icon={<EditOutlined />}
                    aria-label={t('lists.editNamed', { name: list.name })}
                    onClick={() => setEditing(list)}
                  />
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('lists.deleteNamed', { name: list.name })}
                    onClick={() => confirmDelete(list)}
                  />
                </Flex>
              ),
          },
        ]}
      />
    </>
  );

  return (
    <>
      <PageHeader
        title={t('lists.title')}
        subtitle={t('lists.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t(`lists.create.${entity}`)}
          </Button>
        }
      />
      <Card>
        <Tabs
          activeKey={entity}
          onChange={(key) => setParams(key === 'contact' ? { entity: key } : {}, { replace: true })}
          items={CUSTOM_ENTITIES.map((key) => ({ key, label: t(`lists.tabs.${key}`), children: key === entity ? table : null }))}
        />
      </Card>
      <ListFormModal
        open={editing !== null}
        title={editing === 'new' ? t(`lists.create.${entity}`) : t('lists.editTitle')}
        list={editing && editing !== 'new' ? editing : undefined}
        saving={create.isPending || update.isPending}
        error={editing === 'new' ? create.error : update.error}
        onSubmit={save}
        onClose={() => {
          setEditing(null);
          create.reset();
          update.reset();
        }}
      />
    </>
  );
}
