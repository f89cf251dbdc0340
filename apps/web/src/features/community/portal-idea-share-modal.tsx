import type { TCreateIdeaInput } from '@clientela/contract';
import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useShareIdea } from './idea-api.ts';

/** The portal's "Share an idea" form; on success it hands the new idea's id back. */
export function PortalIdeaShareModal({ open, onClose, onShared }: { open: boolean; onClose: () => void; onShared: (id: string) => void }) {
  const { t } = useTranslation('ideas');
  const { message } = App.useApp();
  const [form] = Form.useForm<TCreateIdeaInput>();
  const share = useShareIdea();
  const submit = (values: TCreateIdeaInput) =>
    share.mutate(
      { title: values.title.trim(), body: values.body?.trim() || null },
      {
        onSuccess: (idea) => {
          message.success(t('portal.form.shared'));
          form.resetFields();
          onShared(idea.id);
        },
      },
    );
  return (
    <Modal
      open={open}
      title={t('portal.share')}
      okText={t('portal.form.submit')}
      cancelText={t('portal.form.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={share.isPending}
      destroyOnHidden
      width={560}
    >
      <ErrorAlert error={share.error} />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="title"
          label={t('portal.form.title')}
          rules={[{ required: true, min: 3, max: 200, whitespace: true, message: t('portal.form.titleRequired') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="body" label={t('portal.form.body')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
