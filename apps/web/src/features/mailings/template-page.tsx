import { ArrowLeftOutlined, PlusOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { TEMPLATE_PURPOSES, type TLocale, type TTemplatePurpose, type TTemplateVersion } from '@clientela/contract';
import { App, Button, Col, Dropdown, Flex, Form, Input, Result, Row, Select, Skeleton, Tabs } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { isApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/errors.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { useMayManageMailings, useSaveTemplate, useSendTestMail, useTemplate } from './api.ts';
import { starterVersion } from './mjml-starter.ts';
import { TemplatePreview } from './template-preview.tsx';
import { problemsByLanguage } from './template-problems.ts';
import { TemplateVersionEditor } from './template-version-editor.tsx';

const LANGUAGES: TLocale[] = ['en', 'ru', 'it'];

type Versions = Partial<Record<TLocale, TTemplateVersion>>;
type Draft = { name: string; purpose: TTemplatePurpose; versions: Versions };

const same = (a: Draft, b: Draft) => JSON.stringify(a) === JSON.stringify(b);

/** `/templates/:id` (`/templates/new` for a new one): a template's editor with a preview per language and a test send. */
export function TemplatePage() {
  const { id: param = 'new' } = useParams();
  const id = param === 'new' ? undefined : param;
  const { t } = useTranslation('mailings');
  const { t: tc } = useTranslation();
  const { message, modal } = App.useApp();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const template = useTemplate(id);
  const save = useSaveTemplate();
  const sendTest = useSendTestMail();
  const may = useMayManageMailings();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saved, setSaved] = useState<Draft | null>(null);
  const [language, setLanguage] = useState<TLocale>(locale);

  // The form starts from the saved template, or from a starter in the user's language.
  useEffect(() => {
    if (id && template.data) {
      const { name, purpose, versions, languages } = template.data;
      const loaded = { name, purpose, versions };
      setDraft(loaded);
      setSaved(loaded);
      setLanguage((current) => (versions[current] ? current : (languages[0] ?? current)));
    }
  }, [id, template.data]);
  useEffect(() => {
    if (id) return;
    let live = true;
    starterVersion(locale).then((version) => {
      // A change of the user's language later must not throw away what was written.
      if (live) setDraft((current) => current ?? { name: '', purpose: 'marketing', versions: { [locale]: version } });
    });
    return () => {
      live = false;
    };
  }, [id, locale]);

  if (id && template.error) {
    return (
      <Result
        status={isApiError(template.error) && template.error.status === 404 ? '404' : 'error'}
        title={errorMessage(tc, template.error)}
        extra={<Link to="/templates">{t('editor.back')}</Link>}
      />
    );
  }
  if (!draft) return <Skeleton active />;

  const problems = problemsByLanguage(save.error);
  const written = LANGUAGES.filter((one) => draft.versions[one]);
  const missing = LANGUAGES.filter((one) => !draft.versions[one]);
  const unsaved = !saved || !same(draft, saved);

  const setVersion = (one: TLocale, version: TTemplateVersion) => setDraft({ ...draft, versions: { ...draft.versions, [one]: version } });
  const addLanguage = async (one: TLocale) => {
    const version = await starterVersion(one);
    setDraft((current) => current && { ...current, versions: { ...current.versions, [one]: version } });
    setLanguage(one);
  };
  const removeLanguage = (one: TLocale) =>
    modal.confirm({
      title: t('editor.removeLanguage', { language: t(`languages.${one}`) }),
      okText: tc('common.delete'),
      okButtonProps: { danger: true },
      cancelText: tc('common.cancel'),
      onOk: () => {
        const rest: Versions = { ...draft.versions };
        delete rest[one];
        setDraft({ ...draft, versions: rest });
        if (language === one) setLanguage(LANGUAGES.find((other) => other !== one && rest[other]) ?? locale);
      },
    });

  const submit = async () => {
    if (!draft.name.trim()) {
      message.error(t('editor.nameRequired'));
      return;
    }
    try {
      const result = await save.mutateAsync({ id, name: draft.name.trim(), purpose: draft.purpose, versions: draft.versions });
      message.success(t('editor.saved', { name: result.name }));
      if (!id) navigate(`/templates/${result.id}`, { replace: true });
    } catch (error) {
      const byLanguage = problemsByLanguage(error);
      const first = LANGUAGES.find((one) => byLanguage[one]?.length);
      if (first) setLanguage(first);
      else message.error(errorMessage(tc, error));
    }
  };
  const test = async () => {
    if (!id) return;
    try {
      const result = await sendTest.mutateAsync({ id, language });
      message.success(t('editor.testSent', { to: result.to }));
    } catch (error) {
      message.error(errorMessage(tc, error));
    }
  };

  return (
    <>
      <Link to="/templates">
        <ArrowLeftOutlined /> {t('editor.back')}
      </Link>
      <div style={{ marginTop: 12 }}>
        <PageHeader
          title={id ? draft.name || t('editor.untitled') : t('editor.newTitle')}
          extra={
            <Flex gap={8} wrap>
              <Button
                icon={<SendOutlined />}
                disabled={!id || !may}
                loading={sendTest.isPending}
                onClick={test}
                title={t('editor.testHint')}
              >
                {t('editor.sendTest')}
              </Button>
              <Button type="primary" icon={<SaveOutlined />} disabled={!may} loading={save.isPending} onClick={submit}>
                {tc('common.save')}
              </Button>
            </Flex>
          }
        />
      </div>
      {!isApiError(save.error, 'invalid_template') && <ErrorAlert error={save.error} />}
      <Form layout="vertical" component="div">
        <Row gutter={16}>
          <Col xs={24} md={16}>
            <Form.Item label={t('templates.name')} required>
              <Input
                aria-label={t('templates.name')}
                value={draft.name}
                maxLength={200}
                onChange={(event) => setDraft({ ...draft, name: event.target.value })}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('templates.purpose')}>
              <Select<TTemplatePurpose>
                aria-label={t('templates.purpose')}
                value={draft.purpose}
                onChange={(purpose) => setDraft({ ...draft, purpose })}
                options={TEMPLATE_PURPOSES.map((value) => ({ value, label: t(`purpose.${value}`) }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={[24, 24]}>
          <Col xs={24} xl={13}>
            <Tabs
              type="editable-card"
              hideAdd
              activeKey={language}
              onChange={(key) => setLanguage(key as TLocale)}
              onEdit={(key, action) => {
                if (action === 'remove' && typeof key === 'string') removeLanguage(key as TLocale);
              }}
              tabBarExtraContent={
                missing.length > 0 && (
                  <Dropdown
                    menu={{
                      items: missing.map((one) => ({ key: one, label: t(`languages.${one}`) })),
                      onClick: ({ key }) => addLanguage(key as TLocale),
                    }}
                  >
                    <Button icon={<PlusOutlined />}>{t('editor.addLanguage')}</Button>
                  </Dropdown>
                )
              }
              items={written.map((one) => {
                const version = draft.versions[one] as TTemplateVersion;
                const count = problems[one]?.length ?? 0;
                return {
                  key: one,
                  label: count > 0 ? `${t(`languages.${one}`)} (${count})` : t(`languages.${one}`),
                  closable: written.length > 1,
                  children: (
                    <TemplateVersionEditor version={version} onChange={(next) => setVersion(one, next)} problems={problems[one] ?? []} />
                  ),
                };
              })}
            />
          </Col>
          <Col xs={24} xl={11}>
            <TemplatePreview templateId={id} language={language} unsaved={Boolean(id) && unsaved} />
          </Col>
        </Row>
      </Form>
    </>
  );
}
