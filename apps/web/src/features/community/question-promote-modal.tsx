import type { TKbLanguage, TPromoteCommunityQuestionInput, TPromoteCommunityQuestionResult } from '@clientela/contract';
import { KB_LANGUAGES } from '@clientela/contract';
import { Form, Input, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useKbCategories } from '../kb/api.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { useStaffQuestionActions } from './community-api.ts';

type Props = {
  questionId: string;
  title: string;
  open: boolean;
  onClose: () => void;
  onPromoted: (result: TPromoteCommunityQuestionResult) => void;
};

/** "Promote to knowledge base": the article's title, category and language. */
export function QuestionPromoteModal({ questionId, title, open, onClose, onPromoted }: Props) {
  const { t } = useTranslation('community');
  const { locale } = useLocale();
  const categories = useKbCategories();
  const { promote } = useStaffQuestionActions();
  const [form] = Form.useForm<{ title: string; categoryId?: string; language: TKbLanguage }>();
  const submit = (values: { title: string; categoryId?: string; language: TKbLanguage }) => {
    const input: TPromoteCommunityQuestionInput = {
      title: values.title.trim(),
      categoryId: values.categoryId ?? null,
      language: values.language,
    };
    promote.mutate({ id: questionId, input }, { onSuccess: onPromoted });
  };
  return (
    <Modal
      open={open}
      title={t('staff.promoteTitle')}
      okText={t('staff.promote')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={promote.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('staff.promoteHelp')}</Typography.Paragraph>
      <ErrorAlert error={promote.error} />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ title, language: locale }}>
        <Form.Item name="title" label={t('staff.articleTitle')} rules={[{ required: true, whitespace: true, max: 300 }]}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="categoryId" label={t('staff.category')}>
          <Select
            allowClear
            placeholder={t('staff.noCategory')}
            loading={categories.isPending}
            options={(categories.data ?? []).map((category) => ({ value: category.id, label: category.name }))}
          />
        </Form.Item>
        <Form.Item name="language" label={t('staff.language')} rules={[{ required: true }]}>
          <Select options={KB_LANGUAGES.map((value) => ({ value, label: t(`staff.languages.${value}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
