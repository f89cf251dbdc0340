import { GlobalOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Flex, Input, Row, Select, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatNumber } from '../../lib/format.ts';
import { useMe } from '../auth/api.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { useKbArticlePages } from './api.ts';
import { ArticleItem } from './article-item.tsx';
import { CategoryPanel } from './category-panel.tsx';
import { KB_SORT_OPTIONS, useKbFilters } from './use-kb-filters.ts';
import './kb.css';

const LANGUAGES = ['ru', 'it', 'en'] as const;
const AUDIENCES = ['internal', 'public'] as const;
const STATUSES = ['published', 'draft', 'archived'] as const;
const SORT_LABEL = { '-updatedAt': 'updated', title: 'title', '-useCount': 'used' } as const;

/** `/kb`: the company's memory: search, categories, filters, and the articles. */
export function KbPage() {
  const { t } = useTranslation('kb');
  const { locale } = useLocale();
  const me = useMe();
  const navigate = useNavigate();
  const filters = useKbFilters();
  const articles = useKbArticlePages(filters.query);
  const pages = articles.data?.pages ?? [];
  const rows = pages.flatMap((page) => page.data);
  const total = pages[0]?.total ?? 0;
  const corrected = pages[0]?.correctedQuery;
  const number = (value: number) => formatNumber(value, locale);
  const searching = Boolean(filters.query.q);

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('list.subtitle')}
        extra={
          <Flex gap={8} wrap>
            {/* Where customers read the public articles without signing in. */}
            <Button icon={<GlobalOutlined />} href={`/help/${encodeURIComponent(me.workspace.slug)}`} target="_blank">
              {t('list.helpCentre')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/kb/new')}>
              {t('list.new')}
            </Button>
          </Flex>
        }
      />
      <Row gutter={[24, 24]}>
        <Col xs={24} lg={7} xl={6}>
          <CategoryPanel selectedId={filters.categoryId} onSelect={filters.setCategory} mayManage={me.role !== 'employee'} />
        </Col>
        <Col xs={24} lg={17} xl={18}>
          <Card>
            <Input
              allowClear
              size="large"
              prefix={<SearchOutlined />}
              value={filters.text}
              onChange={(event) => filters.setText(event.target.value)}
              placeholder={t('list.searchPlaceholder')}
              aria-label={t('list.search')}
              style={{ marginBottom: 12 }}
            />
            <Flex gap={8} wrap align="center" style={{ marginBottom: 8 }}>
              <Select
                allowClear
                value={filters.language}
                onChange={filters.setLanguage}
                placeholder={t('list.allLanguages')}
                aria-label={t('fields.language')}
                options={LANGUAGES.map((value) => ({ value, label: t(`language.${value}`) }))}
                style={{ minWidth: 140 }}
              />
              <Select
                allowClear
                value={filters.audience}
                onChange={filters.setAudience}
                placeholder={t('list.allAudiences')}
                aria-label={t('fields.audience')}
                options={AUDIENCES.map((value) => ({ value, label: t(`audience.${value}`) }))}
                style={{ minWidth: 150 }}
              />
              <Select
                allowClear
                value={filters.status}
                onChange={filters.setStatus}
                placeholder={t('list.allStatuses')}
                aria-label={t('fields.status')}
                options={STATUSES.map((value) => ({ value, label: t(`status.${value}`) }))}
                style={{ minWidth: 140 }}
              />
              <Input
                allowClear
                key={filters.tag ?? ''}
                defaultValue={filters.tag}
                onPressEnter={(event) => filters.setTag(event.currentTarget.value)}
                onBlur={(event) => filters.setTag(event.currentTarget.value)}
                onClear={() => filters.setTag(undefined)}
                placeholder={t('list.tagPlaceholder')}
                aria-label={t('fields.tag')}
                prefix="#"
                style={{ width: 160 }}
              />
              <Select
                value={filters.sort}
                onChange={filters.setSort}
                disabled={searching}
                aria-label={t('list.sort')}
                options={KB_SORT_OPTIONS.map((value) => ({ value, label: t(`sort.${SORT_LABEL[value]}`) }))}
                style={{ minWidth: 170, marginInlineStart: 'auto' }}
                title={searching ? t('list.sortedByRelevance') : undefined}
              />
            </Flex>
            {corrected && (
              <Typography.Paragraph data-testid="kb-did-you-mean" style={{ margin: '8px 0' }}>
                {t('list.didYouMean')}{' '}
                <Typography.Link onClick={() => filters.search(corrected)}>
                  <em>{corrected}</em>
                </Typography.Link>
              </Typography.Paragraph>
            )}
            <ErrorAlert error={articles.error} />
            {articles.isPending ? (
              <Skeleton active paragraph={{ rows: 6 }} />
            ) : rows.length === 0 ? (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={searching ? t('list.noMatches', { q: filters.query.q }) : t('list.empty')}
              />
            ) : (
              <div aria-busy={articles.isFetching}>
                {rows.map((article) => (
                  <ArticleItem key={article.id} article={article} onTag={filters.setTag} />
                ))}
              </div>
            )}
            {rows.length > 0 && (
              <Flex justify="space-between" align="center" style={{ marginTop: 16 }}>
                <Typography.Text type="secondary" data-testid="list-total">
                  {t('list.shown', { shown: number(rows.length), total: number(total) })}
                </Typography.Text>
                {articles.hasNextPage && (
                  <Button onClick={() => articles.fetchNextPage()} loading={articles.isFetchingNextPage}>
                    {t('list.loadMore')}
                  </Button>
                )}
              </Flex>
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
