import { type TSavedView, ZCreateViewInput } from '@clientela/contract';
import { Checkbox, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { showFieldErrors, zodRule } from '../../lib/form.ts';

export type ViewValues = { name: string; shared: boolean };

type Props = {
  open: boolean;
  /** The view renamed or shared; none to save a new one. */
  view?: TSavedView;
  saving: boolean;
  error: unknown;
  onSubmit: (values: ViewValues) => Promise<unknown>;
  onClose: () => void;
};

/** Name of a view and whether the whole team sees it. */
export function ViewFormModal({ open, view, saving, error, onSubmit, onClose }: Props) {
  const { t } = useTranslation('customers');
  const { t: tc } = useTranslation();
  const [form] = Form.useForm<ViewValues>();
  const title = view ? t('views.editTitle') : t('views.createTitle');

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ name: view?.name ?? '', shared: view?.shared ?? false });
  }, [open, view, form]);

  const submit = async (values: ViewValues) => {
    try {
      await onSubmit({ name: values.name.trim(), shared: values.shared });
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
      <ErrorAlert error={error} />
      <Form form={form} name="saved-view" layout="vertical" requiredMark={false} onFinish={submit} aria-label={title}>
        <Form.Item name="name" label={t('views.name')} rules={[zodRule(tc, ZCreateViewInput.shape.name)]}>
          <Input maxLength={120} placeholder={t('views.namePlaceholder')} />
        </Form.Item>
        <Form.Item name="shared" valuePropName="checked" extra={t('views.sharedHint')} style={{ marginBottom: 0 }}>
          <Checkbox>{t('views.shared')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
