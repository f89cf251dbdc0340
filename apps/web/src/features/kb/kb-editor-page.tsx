import { ArrowLeftOutlined } from '@ant-design/icons';
import type { TKbArticle, TKbLanguage } from '@clientela/contract';
import { Alert, App, Button, Card, Col, Flex, Form, Input, Radio, Result, Row, Select, Skeleton, TreeSelect } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useBlocker, useNavigate, useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { isApiError } from '../../lib/api.ts';
import { useMe } from '../auth/api.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { useCreateKbArticle, useKbArticle, useKbCategories, useKbDraftFromCase, useUpdateKbArticle } from './api.ts';
import { createPayload, emptyValues, type KbArticleValues, updatePayload, valuesOf } from './article-payload.ts';
import { categoryOptions } from './category-tree.ts';
import { RichTextField } from './rich-text-field.tsx';

const LANGUAGES = ['ru', 'it', 'en'] as const satisfies readonly TKbLanguage[];

function useCategoryOptions() {
  const { locale } = useLocale();
  const categories = useKbCategories();
  return useMemo(() => categoryOptions(categories.data ?? [], locale), [categories.data, locale]);
}

/** Tables and images can be kept in a body (written through the API) but not edited here: saving would drop them. */
export function holdsMoreThanEditor(html: string): boolean {
  return /<(table|img)\b/i.test(html);
}

/** Asks before leaving the page (in the app or the browser) while there are unsaved changes. */
function useLeaveGuard(dirty: React.RefObject<boolean>, dirtyNow: boolean) {
  const { t } = useTranslation('kb');
  const { modal } = App.useApp();
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty.current && currentLocation.pathname !== nextLocation.pathname);
  // One question per attempt to leave, however often the page renders meanwhile.
  const asking = useRef(false);
  useEffect(() => {
    if (blocker.state !== 'blocked' || asking.current) return;
    asking.current = true;
    modal.confirm({
      title: t('editor.leaveTitle'),
      content: t('editor.leaveText'),
      okText: t('editor.leave'),
      cancelText: t('editor.stay'),
      onOk: () => {
        asking.current = false;
        blocker.proceed?.();
      },
      onCancel: () => {
        asking.current = false;
        blocker.reset?.();
      },
    });
  }, [blocker, modal, t]);
  useEffect(() => {
    if (!dirtyNow) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirtyNow]);
}

type FormProps = {
  article: TKbArticle | undefined;
  initial: KbArticleValues;
  sourceCaseId: string | undefined;
  onReload: () => Promise<TKbArticle | undefined>;
};

function ArticleForm({ article, initial, sourceCaseId, onReload }: FormProps) {
  const { t } = useTranslation('kb');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<KbArticleValues>();
  const create = useCreateKbArticle();
  const update = useUpdateKbArticle();
  const categoryOptions = useCategoryOptions();
  const dirty = useRef(false);
  const [dirtyNow, setDirtyNow] = useState(false);
  const [baseVersion, setBaseVersion] = useState(article?.version ?? 0);
  const [conflict, setConflict] = useState(false);
  const mutation = article ? update : create;
  useLeaveGuard(dirty, dirtyNow);

  const markDirty = (value: boolean) => {
    dirty.current = value;
    setDirtyNow(value);
  };

  const submit = async (values: KbArticleValues) => {
    setConflict(false);
    try {
      const saved = article
        ? await update.mutateAsync({ id: article.id, ...updatePayload(values, baseVersion) })
        : await create.mutateAsync(createPayload(values, sourceCaseId));
      markDirty(false);
      message.success(t('editor.saved'));
      navigate(`/kb/${saved.id}`);
    } catch (error) {
      if (isApiError(error) && error.status === 409) setConflict(true);
    }
  };

  const reload = async () => {
    const fresh = await onReload();
    if (!fresh) return;
    form.setFieldsValue(valuesOf(fresh));
    setBaseVersion(fresh.version);
    setConflict(false);
    update.reset();
    markDirty(false);
  };

  return (
    <Form<KbArticleValues>
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={submit}
      onValuesChange={() => markDirty(true)}
      aria-label={article ? t('editor.editTitle') : t('editor.newTitle')}
      name="kb-article"
    >
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={t('editor.conflictTitle')}
          description={t('editor.conflictText')}
          action={
            <Button size="small" onClick={reload}>
              {t('editor.reload')}
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      ) : (
        <ErrorAlert error={mutation.error} />
      )}
      {sourceCaseId && <Alert type="info" showIcon title={t('editor.fromCase')} style={{ marginBottom: 16 }} />}
      {holdsMoreThanEditor(initial.body) && (
        <Alert type="warning" showIcon title={t('editor.richContent')} style={{ marginBottom: 16 }} data-testid="kb-rich-warning" />
      )}
      <Row gutter={[24, 0]}>
        <Col xs={24} xl={16}>
          <Card>
            <Form.Item
              name="title"
              label={t('fields.title')}
              rules={[{ required: true, whitespace: true, message: t('editor.titleRequired') }]}
            >
              <Input maxLength={300} size="large" />
            </Form.Item>
            <Form.Item name="body" label={t('fields.body')}>
              <RichTextField aria-label={t('fields.body')} />
            </Form.Item>
            <Form.Item name="answer" label={t('fields.answer')} extra={t('editor.answerHint')}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={20_000} />
            </Form.Item>
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card>
            <Form.Item name="categoryId" label={t('fields.category')}>
              <TreeSelect allowClear treeDefaultExpandAll treeData={categoryOptions} placeholder={t('article.noCategory')} />
            </Form.Item>
            <Form.Item name="language" label={t('fields.language')} extra={t('editor.languageHint')}>
              <Select options={LANGUAGES.map((value) => ({ value, label: t(`language.${value}`) }))} />
            </Form.Item>
            <Form.Item name="audience" label={t('fields.audience')}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'internal', label: t('audience.internal') },
                  { value: 'public', label: t('audience.public') },
                ]}
              />
            </Form.Item>
            <Form.Item name="status" label={t('fields.status')}>
              <Radio.Group
                optionType="button"
                options={(['draft', 'published', 'archived'] as const).map((value) => ({ value, label: t(`status.${value}`) }))}
              />
            </Form.Item>
            <Form.Item name="tags" label={t('fields.tags')}>
              <Select mode="tags" tokenSeparators={[',']} open={false} suffixIcon={null} placeholder={t('editor.tagsHint')} />
            </Form.Item>
            <Flex gap={8} justify="flex-end">
              <Button onClick={() => navigate(article ? `/kb/${article.id}` : '/kb')}>{t('actions.cancel')}</Button>
              <Button type="primary" htmlType="submit" loading={mutation.isPending}>
                {t('actions.save')}
              </Button>
            </Flex>
          </Card>
        </Col>
      </Row>
    </Form>
  );
}

/** `/kb/new`, `/kb/new?fromCase=<id>` and `/kb/:id/edit`: writing an article, or a new version of one. */
export function KbEditorPage() {
  const { t } = useTranslation('kb');
  const { id } = useParams();
  const [params] = useSearchParams();
  const me = useMe();
  const fromCase = id ? undefined : (params.get('fromCase') ?? undefined);
  const article = useKbArticle(id);
  const draft = useKbDraftFromCase(fromCase);
  const language: TKbLanguage = (LANGUAGES as readonly string[]).includes(me.locale) ? (me.locale as TKbLanguage) : 'en';

  const back = id ? `/kb/${id}` : '/kb';
  const header = (
    <>
      <Link to={back}>
        <ArrowLeftOutlined /> {id ? t('editor.backToArticle') : t('article.back')}
      </Link>
      <PageHeader title={id ? t('editor.editTitle') : t('editor.newTitle')} />
    </>
  );

  const pending = (id && article.isPending) || (fromCase && draft.isPending);
  if (pending) return <Skeleton active />;
  const error = id ? article.error : fromCase ? draft.error : null;
  if (error) {
    const missing = isApiError(error) && (error.status === 404 || error.status === 403);
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? (id ? t('article.notFound') : t('editor.caseNotFound')) : undefined}
        subTitle={missing ? undefined : <ErrorAlert error={error} />}
        extra={<Link to={back}>{t('article.back')}</Link>}
      />
    );
  }
  if (id && article.data && !article.data.mayChange) {
    return <Result status="403" title={t('editor.mayNotChange')} extra={<Link to={back}>{t('editor.backToArticle')}</Link>} />;
  }

  const initial: KbArticleValues = article.data
    ? valuesOf(article.data)
    : draft.data
      ? { ...emptyValues(draft.data.language), title: draft.data.title, body: draft.data.body, answer: draft.data.answer }
      : emptyValues(language);

  return (
    <>
      {header}
      <ArticleForm
        key={id ?? `new-${fromCase ?? ''}`}
        article={article.data}
        initial={initial}
        sourceCaseId={draft.data?.sourceCaseId ?? undefined}
        onReload={async () => (await article.refetch()).data}
      />
    </>
  );
}
