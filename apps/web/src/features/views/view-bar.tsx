import { DeleteOutlined, EditOutlined, MoreOutlined, SaveOutlined, TeamOutlined, UndoOutlined } from '@ant-design/icons';
import type { TRecordEntity, TSavedView } from '@clientela/contract';
import { App, Button, Dropdown, Flex, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';
import { useMe } from '../auth/api.ts';
import { DEFAULT_COLUMNS, sameColumns } from '../customer-list/columns.ts';
import { sameQuery, VIEW_PARAM } from '../customers/list-query.ts';
import type { ListFiltersState } from '../customers/use-list-filters.ts';
import { useCreateView, useDeleteView, useUpdateView } from './api.ts';
import { ViewFormModal, type ViewValues } from './view-form-modal.tsx';

type Props = {
  entity: TRecordEntity;
  views: TSavedView[];
  loading: boolean;
  /** The view shown, if any. */
  current: TSavedView | undefined;
  filters: ListFiltersState;
  columns: string[];
  /** Forgets unsaved changes to the view's columns. */
  onResetColumns: () => void;
};

/** Picks a saved view of the list, and saves the list as it is shown (search, filters, sort, columns). */
export function ViewBar({ entity, views, loading, current, filters, columns, onResetColumns }: Props) {
  const { t } = useTranslation('customers');
  const { t: tc } = useTranslation();
  const { message, modal } = App.useApp();
  const me = useMe();
  const [editing, setEditing] = useState<'create' | 'edit' | null>(null);
  const create = useCreateView();
  const update = useUpdateView();
  const remove = useDeleteView();

  const viewColumns = current && (current.columns.length > 0 ? current.columns : DEFAULT_COLUMNS[entity]);
  const modified = Boolean(current && viewColumns && (!sameQuery(current.query, filters.ownQuery) || !sameColumns(viewColumns, columns)));
  const option = (view: TSavedView) => ({ value: view.id, label: view.name });
  const groups = [
    { label: t('views.mine'), options: views.filter((view) => view.owner?.id === me.id).map(option) },
    { label: t('views.sharedViews'), options: views.filter((view) => view.owner?.id !== me.id).map(option) },
  ].filter((group) => group.options.length > 0);

  const apply = (view: TSavedView | undefined) => {
    filters.applyView(view);
    onResetColumns();
  };

  const save = async (values: ViewValues) => {
    if (editing === 'edit' && current) {
      await update.mutateAsync({ id: current.id, ...values });
      message.success(t('views.updated', { name: values.name }));
      return;
    }
    const view = await create.mutateAsync({ entity, ...values, query: filters.ownQuery, columns });
    filters.applyView(view);
    message.success(t('views.created', { name: view.name }));
  };

  const saveChanges = async () => {
    if (!current) return;
    try {
      await update.mutateAsync({ id: current.id, query: filters.ownQuery, columns });
      onResetColumns();
      message.success(t('views.updated', { name: current.name }));
    } catch (error) {
      message.error(errorMessage(tc, error));
    }
  };

  const confirmDelete = (view: TSavedView) =>
    modal.confirm({
      title: t('views.deleteConfirm', { name: view.name }),
      content: t('views.deleteHint'),
      okText: tc('common.delete'),
      okButtonProps: { danger: true },
      cancelText: tc('common.cancel'),
      onOk: async () => {
        try {
          await remove.mutateAsync(view.id);
          filters.set(VIEW_PARAM, undefined);
          message.success(t('views.deleted', { name: view.name }));
        } catch (error) {
          message.error(errorMessage(tc, error));
        }
      },
    });

  return (
    <Flex gap={8} wrap align="center">
      <Select<string>
        allowClear
        loading={loading}
        aria-label={t('views.label')}
        placeholder={t(`views.all.${entity}`)}
        value={current?.id}
        onChange={(id) => apply(views.find((view) => view.id === id))}
        options={groups}
        optionRender={({ value, label }) => {
          const view = views.find((one) => one.id === value);
          return (
            <Flex justify="space-between" gap={16}>
              <span>{label}</span>
              {view?.shared && (
                <Typography.Text type="secondary">
                  <TeamOutlined /> {view.owner && view.owner.id !== me.id ? view.owner.name : t('views.sharedTag')}
                </Typography.Text>
              )}
            </Flex>
          );
        }}
        popupMatchSelectWidth={false}
        style={{ minWidth: 220 }}
      />
      {current?.shared && <Tag icon={<TeamOutlined />}>{t('views.sharedTag')}</Tag>}
      {modified && (
        <>
          <Tag color="orange">{t('views.modified')}</Tag>
          {current?.editable && (
            <Button type="primary" icon={<SaveOutlined />} loading={update.isPending} onClick={saveChanges}>
              {t('views.saveChanges')}
            </Button>
          )}
          <Button icon={<UndoOutlined />} onClick={() => apply(current)}>
            {t('views.discard')}
          </Button>
        </>
      )}
      <Button icon={modified || !current ? <SaveOutlined /> : undefined} onClick={() => setEditing('create')}>
        {current ? t('views.saveAs') : t('views.save')}
      </Button>
      {current?.editable && (
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              { key: 'edit', icon: <EditOutlined />, label: t('views.edit') },
              { key: 'delete', icon: <DeleteOutlined />, label: t('views.delete'), danger: true },
            ],
            onClick: ({ key }) => (key === 'edit' ? setEditing('edit') : confirmDelete(current)),
          }}
        >
          <Button icon={<MoreOutlined />} aria-label={t('views.more')} />
        </Dropdown>
      )}
      <ViewFormModal
        open={editing !== null}
        view={editing === 'edit' ? current : undefined}
        saving={create.isPending || update.isPending}
        error={editing === 'edit' ? update.error : create.error}
        onSubmit={save}
        onClose={() => {
          setEditing(null);
          create.reset();
          update.reset();
        }}
      />
    </Flex>
  );
}
