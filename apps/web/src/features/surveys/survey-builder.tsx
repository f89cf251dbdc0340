import { EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { QUESTION_TYPES, type TLocale, type TQuestionType, type TSurvey } from '@clientela/contract';
import { Alert, App, Button, Checkbox, Divider, Dropdown, Flex, Form, Input, Modal, Segmented, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { isApiError } from '../../lib/api.ts';
import { showFieldErrors } from '../../lib/form.ts';
import { useMe } from '../auth/api.ts';
import { useUpdateSurvey } from './api.ts';
import { SurveyLayout } from './public-survey-page.tsx';
import { QuestionCard, refusalOptions } from './question-card.tsx';
import {
  type DraftQuestion,
  draftOf,
  errorsByQuestion,
  inputOf,
  nextId,
  previewOf,
  SURVEY_LANGUAGES,
  type SurveyDraft,
} from './survey-draft.ts';
import { SurveyForm } from './survey-form.tsx';
import { loadSurveyLanguage, useSurveyT } from './survey-messages.ts';

function Preview({ draft, onClose }: { draft: SurveyDraft; onClose: () => void }) {
  const { t } = useTranslation('surveys');
  const me = useMe();
  const [language, setLanguage] = useState<TLocale>(draft.languages[0] ?? 'en');
  const tSurvey = useSurveyT(language)?.t;
  const survey = previewOf(draft, language, me.workspace.name);
  return (
    <Modal open title={t('builder.previewTitle')} footer={null} onCancel={onClose} width={760}>
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Typography.Text type="secondary">{t('public.previewNote')}</Typography.Text>
        {draft.languages.length > 1 && (
          <Segmented<TLocale>
            aria-label={t('builder.previewLanguage')}
            value={language}
            onChange={setLanguage}
            options={draft.languages.map((value) => ({ value, label: t(`language.${value}`) }))}
          />
        )}
      </Flex>
      {tSurvey && (
        <SurveyLayout survey={survey} t={tSurvey}>
          <SurveyForm key={language} survey={survey} t={tSurvey} />
        </SurveyLayout>
      )}
    </Modal>
  );
}

/** The builder: name, languages, texts and questions of a survey, saved together. */
export function SurveyBuilder({ survey }: { survey: TSurvey }) {
  const { t } = useTranslation('surveys');
  const { t: tCommon } = useTranslation();
  const { message } = App.useApp();
  const update = useUpdateSurvey(survey.id);
  const initial = useMemo(() => draftOf(survey), [survey]);
  const [form] = Form.useForm<SurveyDraft>();
  const languages = (Form.useWatch('languages', form) as TLocale[] | undefined) ?? initial.languages;
  const [questionErrors, setQuestionErrors] = useState<Map<number, string[]>>(new Map());
  const [dirty, setDirty] = useState(false);
  const [preview, setPreview] = useState<SurveyDraft | null>(null);
  // Once answers have come in, the server keeps the questions as they are: only texts may change.
  const locked = survey.answered > 0;

  useEffect(() => {
    // A refusal question's ready-made choices are worded in every language.
    for (const lang of SURVEY_LANGUAGES) void loadSurveyLanguage(lang);
  }, []);

  const save = async () => {
    const draft = form.getFieldsValue(true) as SurveyDraft;
    const input = inputOf(draft);
    setQuestionErrors(new Map());
    try {
      await update.mutateAsync(locked ? { ...input, questions: undefined } : input);
      setDirty(false);
      message.success(t('builder.saved'));
    } catch (error) {
      showFieldErrors(form, error, '');
      if (isApiError(error)) setQuestionErrors(errorsByQuestion(error.errors));
    }
  };

  const addQuestion = (type: TQuestionType) => {
    const questions = (form.getFieldValue('questions') as DraftQuestion[] | undefined) ?? [];
    const question: DraftQuestion = {
      id: nextId('q', questions),
      type,
      required: type === 'nps',
      text: {},
      options:
        type === 'refusal'
          ? refusalOptions()
          : type === 'single' || type === 'multiple'
            ? [
                { id: 'o1', text: {} },
                { id: 'o2', text: {} },
              ]
            : [],
    };
    form.setFieldValue('questions', [...questions, question]);
    setDirty(true);
  };

  return (
    <Form<SurveyDraft>
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={() => void save()}
      onValuesChange={() => {
        setDirty(true);
        if (questionErrors.size > 0) setQuestionErrors(new Map());
      }}
      style={{ maxWidth: 920 }}
    >
      <ErrorAlert error={update.error} />
      <Form.Item
        name="name"
        label={t('builder.name')}
        rules={[{ required: true, whitespace: true, message: tCommon('validation.required') }]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        name="languages"
        label={t('builder.languages')}
        extra={t('builder.languagesHelp')}
        rules={[{ required: true, type: 'array', min: 1, message: tCommon('validation.required') }]}
      >
        <Checkbox.Group options={SURVEY_LANGUAGES.map((lang) => ({ value: lang, label: t(`language.${lang}`) }))} />
      </Form.Item>

      <Divider titlePlacement="start">{t('builder.texts')}</Divider>
      {languages.map((lang) => (
        <Flex key={lang} gap={16} wrap>
          <Form.Item
            name={['title', lang]}
            label={`${t('builder.titleLabel')} · ${t(`language.${lang}`)}`}
            rules={[{ required: true, whitespace: true, message: tCommon('validation.required') }]}
            style={{ flex: '1 1 100%' }}
          >
            <Input lang={lang} maxLength={2000} />
          </Form.Item>
          <Form.Item name={['intro', lang]} label={`${t('builder.intro')} · ${t(`language.${lang}`)}`} style={{ flex: '1 1 300px' }}>
            <Input.TextArea lang={lang} autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
          </Form.Item>
          <Form.Item name={['thanks', lang]} label={`${t('builder.thanks')} · ${t(`language.${lang}`)}`} style={{ flex: '1 1 300px' }}>
            <Input.TextArea lang={lang} autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
          </Form.Item>
        </Flex>
      ))}

      <Divider titlePlacement="start">{t('builder.questions')}</Divider>
      {locked && <Alert type="info" showIcon title={t('builder.readOnly')} style={{ marginBottom: 16 }} />}
      <Form.List name="questions">
        {(fields, { move, remove }) => (
          <Flex vertical gap={16}>
            {fields.length === 0 && <Typography.Text type="secondary">{t('builder.noQuestions')}</Typography.Text>}
            {fields.map((field, index) => (
              <QuestionCard
                key={field.key}
                form={form}
                index={index}
                name={field.name}
                count={fields.length}
                languages={languages}
                locked={locked}
                errors={questionErrors.get(index)}
                move={(from, to) => {
                  move(from, to);
                  setDirty(true);
                }}
                remove={(at) => {
                  remove(at);
                  setDirty(true);
                }}
              />
            ))}
          </Flex>
        )}
      </Form.List>
      <Flex gap={8} wrap align="center" style={{ marginTop: 16 }}>
        <Dropdown
          trigger={['click']}
          disabled={locked}
          menu={{
            items: QUESTION_TYPES.map((type) => ({ key: type, label: t(`builder.types.${type}`) })),
            onClick: ({ key }) => addQuestion(key as TQuestionType),
          }}
        >
          <Button icon={<PlusOutlined />}>{t('builder.addQuestion')}</Button>
        </Dropdown>
      </Flex>
      <Divider />
      <Flex gap={8} wrap align="center">
        <Button type="primary" htmlType="submit" loading={update.isPending}>
          {t('builder.save')}
        </Button>
        <Button icon={<EyeOutlined />} onClick={() => setPreview(form.getFieldsValue(true) as SurveyDraft)}>
          {t('builder.preview')}
        </Button>
        {dirty && <Typography.Text type="secondary">{t('builder.unsaved')}</Typography.Text>}
      </Flex>
      {preview && <Preview draft={preview} onClose={() => setPreview(null)} />}
    </Form>
  );
}
