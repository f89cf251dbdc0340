import { ZCreateUnitInput } from '@clientela/contract';
import { App, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { showFieldErrors, zodRule } from '../../lib/form.ts';
import { useCreateUnit, useUpdateUnit } from './api.ts';

/** What the modal does: add a unit (under `parent` when given) or rename `unit`. */
export type UnitFormTarget =
  | { mode: 'create'; parent: { id: string; name: string } | null }
  | { mode: 'rename'; unit: { id: string; name: string } };

type Props = { target: UnitFormTarget | null; onClose: () => void };

type Values = { name: string };

/** A small dialog with the unit's name, for adding and renaming. */
export function UnitFormModal({ target, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateUnit();
  const update = useUpdateUnit();
  const mutation = target?.mode === 'rename' ? update : create;

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    form.setFieldsValue({ name: target.mode === 'rename' ? target.unit.name : '' });
    create.reset();
    update.reset();
  }, [target, form, create.reset, update.reset]);

  const submit = async ({ name }: Values) => {
    if (!target) return;
    try {
      if (target.mode === 'rename') {
        await update.mutateAsync({ id: target.unit.id, name: name.trim() });
        message.success(t('units.renamed'));
      } else {
        await create.mutateAsync({ name: name.trim(), parentId: target.parent?.id ?? null });
        message.success(t('units.created', { name: name.trim() }));
      }
      onClose();
    } catch (error) {
      showFieldErrors(form, error, errorMessage(t, error));
    }
  };

  const title =
    target?.mode === 'rename'
      ? t('units.renameTitle')
      : target?.parent
        ? t('units.createChildTitle', { parent: target.parent.name })
        : t('units.createTitle');

  return (
    <Modal
      open={target !== null}
      title={title}
      okText={target?.mode === 'rename' ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      forceRender
    >
      <ErrorAlert error={mutation.error} />
      <Form form={form} name="unit" layout="vertical" requiredMark={false} onFinish={submit} aria-label={title}>
        <Form.Item name="name" label={t('units.name')} rules={[zodRule(t, ZCreateUnitInput.shape.name)]}>
          <Input placeholder={t('units.namePlaceholder')} autoFocus maxLength={120} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
