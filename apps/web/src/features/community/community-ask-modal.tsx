import type { TAskCommunityQuestionInput } from '@clientela/contract';
import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useAskQuestion } from './community-api.ts';

/** The portal's "Ask a question" form; on success it hands the new question's id back. */
export function CommunityAskModal({ open, onClose, onAsked }: { open: boolean; onClose: () => void; onAsked: (id: string) => void }) {
  const { t } = useTranslation('community');
  const { message } = App.useApp();
  const [form] = Form.useForm<TAskCommunityQuestionInput>();
  const ask = useAskQuestion();
  const submit = (values: TAskCommunityQuestionInput) =>
    ask.mutate(
      { title: values.title.trim(), body: values.body?.trim() || null },
      {
        onSuccess: (question) => {
          message.success(t('portal.asked'));
          form.resetFields();
          onAsked(question.id);
        },
      },
    );
  return (
    <Modal
      open={open}
      title={t('portal.askTitle')}
      okText={t('portal.submit')}
      cancelText={t('portal.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={ask.isPending}
      destroyOnHidden
      width={560}
    >
      <ErrorAlert error={ask.error} />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="title"
          label={t('portal.titleLabel')}
          extra={t('portal.titleHelp')}
          rules={[{ required: true, min: 5, max: 200, whitespace: true, message: t('portal.titleHelp') }]}
        >
          <Input placeholder={t('portal.titlePlaceholder')} maxLength={200} />
        </Form.Item>
        <Form.Item name="body" label={t('portal.bodyLabel')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={20_000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
