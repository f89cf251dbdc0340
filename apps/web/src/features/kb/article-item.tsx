import { DislikeOutlined, LikeOutlined, RetweetOutlined } from '@ant-design/icons';
import type { TKbArticleSummary } from '@clientela/contract';
import { Flex, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../../lib/format.ts';
import { useFormatters } from '../customers/date-format.ts';
import { Headline } from './kb-html.tsx';
import { AudienceTag, LanguageTag, StatusTag } from './kb-tags.tsx';

type Props = { article: TKbArticleSummary; onTag: (tag: string) => void };

/** One article in the list: title, its matching passage or answer, badges and how it has served. */
export function ArticleItem({ article, onTag }: Props) {
  const { t } = useTranslation('kb');
  const format = useFormatters();
  const number = (value: number) => formatNumber(value, format.locale);
  return (
    <article className="kb-item" data-testid="kb-item" style={{ padding: '14px 0', borderBottom: '1px solid #f0f0f0' }}>
      <Flex justify="space-between" gap={12} wrap>
        <Link to={`/kb/${article.id}`}>
          <Typography.Text strong style={{ color: 'inherit', fontSize: 15 }}>
            {article.title}
          </Typography.Text>
        </Link>
        <Flex gap={4} wrap>
          <StatusTag status={article.status} />
          <AudienceTag audience={article.audience} />
          <LanguageTag language={article.language} />
        </Flex>
      </Flex>
      <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: '4px 0 6px' }}>
        {article.headline ? <Headline html={article.headline} /> : article.answer}
      </Typography.Paragraph>
      <Flex gap={12} wrap align="center" style={{ fontSize: 13 }}>
        {article.category && <Typography.Text type="secondary">{article.category.name}</Typography.Text>}
        {article.tags.length > 0 && (
          <Flex gap={2} wrap>
            {article.tags.map((tag) => (
              <Tag key={tag} variant="filled" style={{ cursor: 'pointer' }} onClick={() => onTag(tag)}>
                #{tag}
              </Tag>
            ))}
          </Flex>
        )}
        <Tooltip title={t('list.helpfulHint')}>
          <Typography.Text
            type="secondary"
            aria-label={t('list.helpfulLabel', { yes: number(article.helpfulYes), no: number(article.helpfulNo) })}
          >
            <LikeOutlined /> {number(article.helpfulYes)} <DislikeOutlined /> {number(article.helpfulNo)}
          </Typography.Text>
        </Tooltip>
        <Typography.Text type="secondary">
          <RetweetOutlined /> {t('list.used', { count: article.useCount, n: number(article.useCount) })}
        </Typography.Text>
        <Typography.Text type="secondary">{t('list.updated', { date: format.date(article.updatedAt) })}</Typography.Text>
      </Flex>
    </article>
  );
}
