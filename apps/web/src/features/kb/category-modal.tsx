import type { TKbCategory } from '@clientela/contract';
import { App, Form, Input, Modal, TreeSelect } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useLocale } from '../locale/locale-context.tsx';
import { useCreateKbCategory, useUpdateKbCategory } from './api.ts';
import { categoryOptions, descendantsOf } from './category-tree.ts';

export type CategoryTarget = { mode: 'create'; parentId: string | null } | { mode: 'edit'; category: TKbCategory };

type Props = { target: CategoryTarget | null; categories: TKbCategory[]; onClose: () => void };
type Values = { name: string; parentId?: string | null };

/** Adds a category, or renames and moves one (never under itself). */
export function CategoryModal({ target, categories, onClose }: Props) {
  const { t } = useTranslation('kb');
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateKbCategory();
  const update = useUpdateKbCategory();
  const mutation = target?.mode === 'edit' ? update : create;

  useEffect(() => {
    if (!target) return;
    create.reset();
    update.reset();
    form.setFieldsValue(
      target.mode === 'edit' ? { name: target.category.name, parentId: target.category.parentId } : { name: '', parentId: target.parentId },
    );
  }, [target, form, create.reset, update.reset]);

  const treeData = useMemo(
    () => categoryOptions(categories, locale, target?.mode === 'edit' ? descendantsOf(categories, target.category.id) : undefined),
    [categories, target, locale],
  );

  const submit = async (values: Values) => {
    const input = { name: values.name.trim(), parentId: values.parentId ?? null };
    try {
      if (target?.mode === 'edit') await update.mutateAsync({ id: target.category.id, ...input });
      else await create.mutateAsync(input);
      message.success(t('categories.saved'));
      onClose();
    } catch {
      // The alert in the dialog says why.
    }
  };

  return (
    <Modal
      open={Boolean(target)}
      title={target?.mode === 'edit' ? t('categories.editTitle') : t('categories.addTitle')}
      okText={t('actions.save')}
      cancelText={t('actions.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <ErrorAlert error={mutation.error} />
      <Form<Values> form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item
          name="name"
          label={t('categories.name')}
          rules={[{ required: true, whitespace: true, message: t('categories.nameRequired') }]}
        >
          <Input maxLength={120} autoFocus />
        </Form.Item>
        <Form.Item name="parentId" label={t('categories.parent')}>
          <TreeSelect allowClear treeDefaultExpandAll treeData={treeData} placeholder={t('categories.topLevel')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
