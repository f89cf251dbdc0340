import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { type TProductCategory, ZCreateProductCategoryInput } from '@clientela/contract';
import { App, Button, Drawer, Flex, Form, Input, Popconfirm, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { showFieldErrors, zodRule } from '../../lib/form.ts';
import { useMe } from '../auth/api.ts';
import { useCategories, useCreateCategory, useDeleteCategory, useUpdateCategory } from './api.ts';
import { categoryOptions, categoryPath } from './category-options.ts';
import { mayEditCatalogue } from './permissions.ts';

type Props = { open: boolean; onClose: () => void };
type Values = { name: string; parentId?: string | null };

/** The product categories in a side panel: managers and admins add, rename, move and remove them. */
export function CategoriesDrawer({ open, onClose }: Props) {
  const { t } = useTranslation('catalogue');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const editable = mayEditCatalogue(useMe());
  const categories = useCategories();
  const all = categories.data ?? [];
  const create = useCreateCategory();
  const update = useUpdateCategory();
  const remove = useDeleteCategory();
  const [editing, setEditing] = useState<TProductCategory | null>(null);
  const [form] = Form.useForm<Values>();
  const mutation = editing ? update : create;

  useEffect(() => {
    if (!open) setEditing(null);
  }, [open]);
  useEffect(() => {
    if (!editable) return;
    form.setFieldsValue(editing ? { name: editing.name, parentId: editing.parentId } : { name: '', parentId: null });
  }, [editable, editing, form]);

  const submit = async (values: Values) => {
    const input = { name: values.name.trim(), parentId: values.parentId ?? null };
    try {
      if (editing) {
        await update.mutateAsync({ id: editing.id, ...input });
        message.success(t('categories.updated', { name: input.name }));
        setEditing(null);
      } else {
        await create.mutateAsync(input);
        message.success(t('categories.created', { name: input.name }));
        form.resetFields();
      }
    } catch (error) {
      showFieldErrors(form, error, errorMessage(tc, error));
    }
  };

  const removeCategory = async (category: TProductCategory) => {
    try {
      await remove.mutateAsync(category.id);
      message.success(t('categories.removed', { name: category.name }));
      if (editing?.id === category.id) setEditing(null);
    } catch {
      // Shown by the alert above the list (a category with products stays).
    }
  };

  const columns: ColumnsType<TProductCategory> = [
    { key: 'name', title: t('fields.name'), render: (_value, category) => categoryPath(category, all) },
    {
      key: 'products',
      title: t('categories.products'),
      align: 'right',
      render: (_value, category) => category.productCount,
    },
  ];
  if (editable) {
    columns.push({
      key: 'actions',
      title: tc('common.actions'),
      render: (_value, category) => (
        <Flex gap={4}>
          <Button
            type="text"
            icon={<EditOutlined />}
            aria-label={t('categories.editNamed', { name: category.name })}
            onClick={() => setEditing(category)}
          />
          <Popconfirm title={t('categories.removeConfirm', { name: category.name })} onConfirm={() => removeCategory(category)}>
            <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('categories.removeNamed', { name: category.name })} />
          </Popconfirm>
        </Flex>
      ),
    });
  }

  return (
    <Drawer open={open} title={t('categories.title')} size={560} onClose={onClose} forceRender>
      {editable && (
        <Form form={form} name="category" layout="vertical" requiredMark={false} onFinish={submit} aria-label={t('categories.formLabel')}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {editing ? t('categories.editTitle', { name: editing.name }) : t('categories.create')}
          </Typography.Title>
          <ErrorAlert error={mutation.error} />
          <Form.Item name="name" label={t('fields.name')} rules={[zodRule(tc, ZCreateProductCategoryInput.shape.name)]}>
            <Input maxLength={120} autoComplete="off" />
          </Form.Item>
          <Form.Item name="parentId" label={t('categories.parent')}>
            <Select
              allowClear
              placeholder={t('categories.noParent')}
              options={categoryOptions(all, editing?.id)}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
          <Flex gap={8} style={{ marginBottom: 24 }}>
            <Button type="primary" htmlType="submit" loading={mutation.isPending}>
              {editing ? tc('common.save') : t('categories.add')}
            </Button>
            {editing && <Button onClick={() => setEditing(null)}>{tc('common.cancel')}</Button>}
          </Flex>
        </Form>
      )}
      <ErrorAlert error={categories.error ?? remove.error} />
      <Table<TProductCategory>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={[...all].sort((a, b) => categoryPath(a, all).localeCompare(categoryPath(b, all)))}
        loading={categories.isPending}
        pagination={false}
        locale={{ emptyText: t('categories.empty') }}
      />
    </Drawer>
  );
}
