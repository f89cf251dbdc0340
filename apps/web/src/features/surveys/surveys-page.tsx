import { PlusOutlined } from '@ant-design/icons';
import type { TLocale, TSurveyListItem, TSurveyStatus } from '@clientela/contract';
import { App, Button, Card, Checkbox, Form, Input, Modal, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { showFieldErrors } from '../../lib/form.ts';
import { formatNumber, formatPercent } from '../../lib/format.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { useCreateSurvey, useSurveys } from './api.ts';
import { SURVEY_LANGUAGES } from './survey-draft.ts';

const STATUS_COLOR: Record<TSurveyStatus, string> = { draft: 'default', open: 'green', closed: 'blue' };

/** A survey's status as a coloured tag. */
export function SurveyStatusTag({ status }: { status: TSurveyStatus }) {
  const { t } = useTranslation('surveys');
  return <Tag color={STATUS_COLOR[status]}>{t(`status.${status}`)}</Tag>;
}

type NewValues = { name: string; languages: TLocale[] };

function NewSurveyModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('surveys');
  const { t: tCommon } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const create = useCreateSurvey();
  const [form] = Form.useForm<NewValues>();
  const submit = async (values: NewValues) => {
    const name = values.name.trim();
    // The title starts as the name in each language; the builder words it for customers.
    const title = Object.fromEntries(values.languages.map((lang) => [lang, name]));
    try {
      const survey = await create.mutateAsync({ name, title, questions: [] });
      message.success(t('create.created', { name: survey.name }));
      onClose();
      navigate(`/surveys/${survey.id}`);
    } catch (error) {
      showFieldErrors(form, error, '');
    }
  };
  return (
    <Modal
      open={open}
      title={t('create.title')}
      okText={t('create.submit')}
      cancelText={tCommon('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ErrorAlert error={create.error} />
      <Form<NewValues> form={form} layout="vertical" initialValues={{ name: '', languages: [locale] }} onFinish={submit} preserve={false}>
        <Form.Item
          name="name"
          label={t('create.name')}
          rules={[{ required: true, whitespace: true, message: tCommon('validation.required') }]}
        >
          <Input placeholder={t('create.namePlaceholder')} maxLength={200} autoFocus />
        </Form.Item>
        <Form.Item
          name="languages"
          label={t('create.languages')}
          rules={[{ required: true, type: 'array', min: 1, message: tCommon('validation.required') }]}
        >
          <Checkbox.Group options={SURVEY_LANGUAGES.map((lang) => ({ value: lang, label: t(`language.${lang}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** `/surveys`: the surveys with how many were asked and answered, and their NPS. */
export function SurveysPage() {
  const { t } = useTranslation('surveys');
  const { locale } = useLocale();
  const surveys = useSurveys();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('list.new')}
          </Button>
        }
      />
      <Card>
        <ErrorAlert error={surveys.error} />
        <Table<TSurveyListItem>
          rowKey="id"
          dataSource={surveys.data?.data ?? []}
          loading={surveys.isPending}
          pagination={false}
          locale={{ emptyText: t('list.empty') }}
          scroll={{ x: 'max-content' }}
          columns={[
            { key: 'name', title: t('list.name'), render: (_, survey) => <Link to={`/surveys/${survey.id}`}>{survey.name}</Link> },
            { key: 'status', title: t('list.status'), render: (_, survey) => <SurveyStatusTag status={survey.status} /> },
            { key: 'invited', title: t('list.invited'), align: 'right', render: (_, survey) => formatNumber(survey.invited, locale) },
            { key: 'answered', title: t('list.answered'), align: 'right', render: (_, survey) => formatNumber(survey.answered, locale) },
            {
              key: 'rate',
              title: t('list.responseRate'),
              align: 'right',
              render: (_, survey) =>
                survey.invited > 0 ? formatPercent((survey.answered / survey.invited) * 100, locale) : t('list.none'),
            },
            {
              key: 'nps',
              title: t('list.nps'),
              align: 'right',
              render: (_, survey) => (typeof survey.nps === 'number' ? formatNumber(survey.nps, locale) : t('list.none')),
            },
          ]}
        />
      </Card>
      <NewSurveyModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
