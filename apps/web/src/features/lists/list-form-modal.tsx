import { type TStaticList, ZCreateListInput } from '@clientela/contract';
import { Checkbox, Form, Input, Modal, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { showFieldErrors, zodRule } from '../../lib/form.ts';

export type ListValues = { name: string; notes: string | null; shared: boolean };

type Props = {
  open: boolean;
  title: string;
  /** A sentence above the form, e.g. what goes into a list built from a filter. */
  intro?: string;
  /** The list edited; none for a new one. */
  list?: TStaticList;
  saving: boolean;
  error: unknown;
  onSubmit: (values: ListValues) => Promise<unknown>;
  onClose: () => void;
};

/** Name, notes and sharing of a static list. */
export function ListFormModal({ open, title, intro, list, saving, error, onSubmit, onClose }: Props) {
  const { t } = useTranslation('customers');
  const { t: tc } = useTranslation();
  const [form] = Form.useForm<ListValues>();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ name: list?.name ?? '', notes: list?.notes ?? '', shared: list?.shared ?? false });
  }, [open, list, form]);

  const submit = async (values: ListValues) => {
    try {
      await onSubmit({ name: values.name.trim(), notes: values.notes?.trim() || null, shared: values.shared });
      onClose();
    } catch (failure) {
      showFieldErrors(form, failure, errorMessage(tc, failure));
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={tc('common.save')}
      cancelText={tc('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      forceRender
    >
      {intro && <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>}
      <ErrorAlert error={error} />
      <Form form={form} name="static-list" layout="vertical" requiredMark={false} onFinish={submit} aria-label={title}>
        <Form.Item name="name" label={t('lists.name')} rules={[zodRule(tc, ZCreateListInput.shape.name)]}>
          <Input maxLength={120} placeholder={t('lists.namePlaceholder')} />
        </Form.Item>
        <Form.Item name="notes" label={t('lists.notes')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5_000} />
        </Form.Item>
        <Form.Item name="shared" valuePropName="checked" extra={t('lists.sharedHint')} style={{ marginBottom: 0 }}>
          <Checkbox>{t('lists.shared')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
