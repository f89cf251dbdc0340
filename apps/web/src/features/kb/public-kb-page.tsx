import { ArrowLeftOutlined, SearchOutlined } from '@ant-design/icons';
import type { TKbLanguage } from '@clientela/contract';
import { Card, Empty, Flex, Input, Result, Segmented, Skeleton, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { isApiError } from '../../lib/api.ts';
import { formatInstant } from '../../lib/format.ts';
import { useDebouncedValue } from '../../lib/use-debounced-value.ts';
import { LanguageLinks } from '../locale/language-links.tsx';
import { useLocale } from '../locale/locale-context.tsx';
import { HelpfulButtons } from './helpful-buttons.tsx';
import { ArticleBody, Headline } from './kb-html.tsx';
import { usePublicKbArticle, usePublicKbArticles, usePublicKbCategories, usePublicKbFeedback } from './public-api.ts';
import './kb.css';

// The help centre is read by customers without signing in: it never asks the staff routes
// (no session, no `/kb-articles`), only `/api/v1/public/kb/...`.

const LANGUAGES = ['ru', 'it', 'en'] as const satisfies readonly TKbLanguage[];
type LanguageChoice = TKbLanguage | 'all';

/** The visitor's time zone: there is no profile to read it from. */
function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

function useDate() {
  const { locale } = useLocale();
  return (iso: string) => formatInstant(iso, locale, browserTimeZone(), 'date');
}

const feedbackKey = (workspace: string, id: string) => `clientela.help.feedback.${workspace}.${id}`;

/** The visitor's own answer, remembered in this browser so that it shows highlighted and can be changed. */
function useRememberedFeedback(workspace: string, id: string) {
  const read = () => {
    try {
      const stored = window.localStorage.getItem(feedbackKey(workspace, id));
      return stored === 'yes' ? true : stored === 'no' ? false : null;
    } catch {
      return null;
    }
  };
  const [value, setValue] = useState<boolean | null>(read);
  const remember = (helpful: boolean | null) => {
    setValue(helpful);
    try {
      if (helpful === null) window.localStorage.removeItem(feedbackKey(workspace, id));
      else window.localStorage.setItem(feedbackKey(workspace, id), helpful ? 'yes' : 'no');
    } catch {
      // A browser that keeps nothing still records the answer on the server.
    }
  };
  return [value, remember] as const;
}

function PublicHelpful({ workspace, id }: { workspace: string; id: string }) {
  const feedback = usePublicKbFeedback(workspace);
  const [value, remember] = useRememberedFeedback(workspace, id);
  const answer = async (helpful: boolean) => {
    const before = value;
    remember(helpful);
    try {
      await feedback.mutateAsync({ id, helpful });
    } catch {
      remember(before);
    }
  };
  return (
    <Flex vertical gap={8}>
      <HelpfulButtons value={value} onChange={answer} pending={feedback.isPending} />
      {feedback.error ? <ErrorAlert error={feedback.error} /> : null}
    </Flex>
  );
}

function ArticleView({ workspace, id, listSearch }: { workspace: string; id: string; listSearch: string }) {
  const { t } = useTranslation('kb');
  const date = useDate();
  const article = usePublicKbArticle(workspace, id);
  const back = (
    <Link to={{ pathname: `/help/${encodeURIComponent(workspace)}`, search: listSearch }}>
      <ArrowLeftOutlined /> {t('public.back')}
    </Link>
  );
  if (article.isPending) return <Skeleton active />;
  if (article.isError) {
    const missing = isApiError(article.error) && article.error.status === 404;
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('public.notFound') : undefined}
        subTitle={missing ? undefined : <ErrorAlert error={article.error} />}
        extra={back}
      />
    );
  }
  const data = article.data;
  return (
    <Flex vertical gap={16}>
      {back}
      <article lang={data.language}>
        <Typography.Title level={2} style={{ marginTop: 0 }}>
          {data.title}
        </Typography.Title>
        <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
          {data.category && <Tag>{data.category.name}</Tag>}
          {data.tags.map((tag) => (
            <Tag key={tag} variant="filled">
              #{tag}
            </Tag>
          ))}
          <Typography.Text type="secondary">{t('public.updated', { date: date(data.updatedAt) })}</Typography.Text>
        </Flex>
        <Card>
          <ArticleBody html={data.body} />
        </Card>
      </article>
      <Card size="small">
        <PublicHelpful key={data.id} workspace={workspace} id={data.id} />
      </Card>
      {data.related.length > 0 && (
        <Card size="small" title={t('article.related')}>
          <Flex vertical gap={6}>
            {data.related.map((related) => (
              <Link key={related.id} to={{ pathname: `/help/${encodeURIComponent(workspace)}/${related.id}`, search: listSearch }}>
                {related.title}
              </Link>
            ))}
          </Flex>
        </Card>
      )}
    </Flex>
  );
}

function SearchView({ workspace }: { workspace: string }) {
  const { t } = useTranslation('kb');
  const { locale } = useLocale();
  const date = useDate();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const typed = useDebouncedValue(text).trim();
  const languageParam = params.get('lang');
  const language: LanguageChoice =
    languageParam === 'all' || (LANGUAGES as readonly string[]).includes(languageParam ?? '') ? (languageParam as LanguageChoice) : locale;

  const setParam = (name: string, value: string | undefined) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );

  useEffect(() => {
    if ((params.get('q') ?? '') === typed) return;
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (typed) next.set('q', typed);
        else next.delete('q');
        return next;
      },
      { replace: true },
    );
  }, [typed, params, setParams]);

  const q = params.get('q') ?? '';
  const categoryId = params.get('category') ?? undefined;
  const categories = usePublicKbCategories(workspace);
  const articles = usePublicKbArticles(workspace, {
    q: q || undefined,
    language: language === 'all' ? undefined : language,
    categoryId,
  });
  const corrected = articles.data?.correctedQuery;
  const search = params.toString() ? `?${params.toString()}` : '';

  return (
    <Flex vertical gap={16}>
      <Input
        allowClear
        size="large"
        prefix={<SearchOutlined />}
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder={t('public.searchPlaceholder')}
        aria-label={t('public.search')}
      />
      <Flex gap={8} align="center" wrap>
        <Typography.Text type="secondary">{t('public.articlesIn')}</Typography.Text>
        {/* On a phone the choice scrolls sideways rather than overflowing the page. */}
        <div style={{ maxWidth: '100%', overflowX: 'auto' }}>
          <Segmented<LanguageChoice>
            value={language}
            onChange={(value) => setParam('lang', value === locale ? undefined : value)}
            options={[
              ...LANGUAGES.map((value) => ({ value, label: t(`language.${value}`) })),
              { value: 'all' as const, label: t('public.allLanguages') },
            ]}
          />
        </div>
      </Flex>
      {(categories.data?.length ?? 0) > 0 && (
        <Flex gap={4} wrap role="group" aria-label={t('categories.title')}>
          <Tag.CheckableTag checked={!categoryId} onChange={() => setParam('category', undefined)}>
            {t('categories.all')}
          </Tag.CheckableTag>
          {categories.data?.map((category) => (
            <Tag.CheckableTag
              key={category.id}
              checked={categoryId === category.id}
              onChange={(checked) => setParam('category', checked ? category.id : undefined)}
            >
              {category.name}
            </Tag.CheckableTag>
          ))}
        </Flex>
      )}
      {corrected && (
        <Typography.Paragraph style={{ margin: 0 }} data-testid="kb-did-you-mean">
          {t('list.didYouMean')}{' '}
          <Typography.Link
            onClick={() => {
              setText(corrected);
              setParam('q', corrected);
            }}
          >
            <em>{corrected}</em>
          </Typography.Link>
        </Typography.Paragraph>
      )}
      <ErrorAlert error={articles.error} />
      {articles.isPending ? (
        <Skeleton active />
      ) : (articles.data?.data.length ?? 0) === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={q ? t('list.noMatches', { q }) : t('public.empty')} />
      ) : (
        <Flex vertical gap={12} aria-busy={articles.isFetching}>
          {articles.data?.data.map((article) => (
            <Card key={article.id} size="small" data-testid="kb-public-item">
              <Link to={{ pathname: `/help/${encodeURIComponent(workspace)}/${article.id}`, search }}>
                <Typography.Text strong style={{ color: 'inherit', fontSize: 16 }} lang={article.language}>
                  {article.title}
                </Typography.Text>
              </Link>
              <Typography.Paragraph type="secondary" ellipsis={{ rows: 3 }} style={{ margin: '4px 0' }} lang={article.language}>
                {article.headline ? <Headline html={article.headline} /> : article.answer}
              </Typography.Paragraph>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('public.updated', { date: date(article.updatedAt) })}
              </Typography.Text>
            </Card>
          ))}
        </Flex>
      )}
    </Flex>
  );
}

/** `/help/:workspace` and `/help/:workspace/:id`: the public help centre, for customers, without sign-in. */
export function PublicKbPage() {
  const { t } = useTranslation('kb');
  const { workspace = '', id } = useParams();
  const title = t('public.title');
  useEffect(() => {
    document.title = title;
  }, [title]);
  const [params] = useSearchParams();
  const listSearch = (() => {
    const keep = new URLSearchParams();
    for (const name of ['q', 'lang', 'category']) {
      const value = params.get(name);
      if (value) keep.set(name, value);
    }
    return keep.toString() ? `?${keep.toString()}` : '';
  })();
  return (
    <div className="kb-public">
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 16 }}>
        <Link to={`/help/${encodeURIComponent(workspace)}`}>
          <Typography.Title level={1} style={{ margin: 0, fontSize: 26 }}>
            {t('public.title')}
          </Typography.Title>
        </Link>
        <LanguageLinks />
      </Flex>
      {id ? <ArticleView workspace={workspace} id={id} listSearch={listSearch} /> : <SearchView workspace={workspace} />}
    </div>
  );
}
