import type { TAskCommunityQuestionInput } from '@clientela/contract';
import { App, Form, Input, List, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { usePortalKbSearch } from '../portal/portal-cases-api.ts';
import { useAskQuestion } from './community-api.ts';

/** The title being typed, once typing rests, for the article suggestions. */
function useRested(value: string, ms = 400): string {
  const [rested, setRested] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setRested(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return rested;
}

/** "These articles may answer your question": public articles matching what is being asked. */
function ArticleSuggestions({ title, helpBase }: { title: string; helpBase: string }) {
  const { t } = useTranslation('community');
  const q = useRested(title.trim());
  const found = usePortalKbSearch(q.length >= 3 ? q : '', { limit: 5 });
  const articles = q.length >= 3 ? (found.data?.data ?? []) : [];
  if (articles.length === 0) return null;
  return (
    <div data-testid="community-suggestions" style={{ marginBottom: 16 }}>
      <Typography.Text strong>{t('portal.suggestions')}</Typography.Text>
      <List
        size="small"
        dataSource={articles}
        renderItem={(article) => (
          <List.Item>
            <Link to={`${helpBase}/${article.id}`} target="_blank">
              {article.title}
            </Link>
          </List.Item>
        )}
      />
    </div>
  );
}

/** The portal's "Ask a question" form; on success it hands the new question's id back. */
export function CommunityAskModal({
  open,
  onClose,
  onAsked,
  helpBase,
}: {
  open: boolean;
  onClose: () => void;
  onAsked: (id: string) => void;
  /** Where the portal's help centre shows an article (`/portal/:workspace/help`). */
  helpBase: string;
}) {
  const { t } = useTranslation('community');
  const { message } = App.useApp();
  const [form] = Form.useForm<TAskCommunityQuestionInput>();
  const ask = useAskQuestion();
  const title = Form.useWatch('title', form) ?? '';
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
        <ArticleSuggestions title={title} helpBase={helpBase} />
        <Form.Item name="body" label={t('portal.bodyLabel')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={20_000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
