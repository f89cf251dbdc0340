import { DislikeOutlined, LikeOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Result, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { isApiError } from '../../lib/api.ts';
import { ArticleBody } from '../kb/kb-html.tsx';
import { usePortalKbArticle, usePortalKbFeedback } from './portal-cases-api.ts';
import { usePortalDate } from './portal-cases-parts.tsx';

/** "Was this helpful?": one answer per customer, which they may change. */
function PortalHelpful({ id }: { id: string }) {
  const { t } = useTranslation('portalCases');
  const feedback = usePortalKbFeedback();
  const [value, setValue] = useState<boolean | null>(null);
  const answer = async (helpful: boolean) => {
    try {
      await feedback.mutateAsync({ id, helpful });
      setValue(helpful);
    } catch {
      // Shown below.
    }
  };
  return (
    <Flex vertical gap={8}>
      <Flex align="center" gap={8} wrap role="group" aria-label={t('help.helpful')}>
        <Typography.Text strong>{t('help.helpful')}</Typography.Text>
        {([true, false] as const).map((helpful) => (
          <Button
            key={String(helpful)}
            icon={helpful ? <LikeOutlined /> : <DislikeOutlined />}
            type={value === helpful ? 'primary' : 'default'}
            aria-pressed={value === helpful}
            disabled={feedback.isPending}
            onClick={() => answer(helpful)}
          >
            {t(helpful ? 'help.yes' : 'help.no')}
          </Button>
        ))}
        {value !== null && <Typography.Text type="secondary">{t('help.thanks')}</Typography.Text>}
      </Flex>
      <ErrorAlert error={feedback.error} />
    </Flex>
  );
}

/** A public article, whole, with "was this helpful" and its related articles (links built by `linkTo`). */
export function PortalHelpArticle({ id, linkTo }: { id: string; linkTo: (articleId: string) => string }) {
  const { t } = useTranslation('portalCases');
  const date = usePortalDate();
  const article = usePortalKbArticle(id);
  if (article.isPending) return <Skeleton active />;
  if (article.isError) {
    const missing = isApiError(article.error) && article.error.status === 404;
    return missing ? <Result status="404" title={t('help.notFound')} /> : <ErrorAlert error={article.error} />;
  }
  const data = article.data;
  return (
    <Flex vertical gap={16}>
      <article lang={data.language}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {data.title}
        </Typography.Title>
        <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
          {data.category ? <Tag>{data.category.name}</Tag> : null}
          <Typography.Text type="secondary">{t('help.updated', { date: date(data.updatedAt, 'date') })}</Typography.Text>
        </Flex>
        <ArticleBody html={data.body} />
      </article>
      <Card size="small">
        <PortalHelpful key={data.id} id={data.id} />
      </Card>
      {data.related.length > 0 ? (
        <Card size="small" title={t('help.related')}>
          <Flex vertical gap={6}>
            {data.related.map((related) => (
              <Link key={related.id} to={linkTo(related.id)}>
                {related.title}
              </Link>
            ))}
          </Flex>
        </Card>
      ) : null}
    </Flex>
  );
}
