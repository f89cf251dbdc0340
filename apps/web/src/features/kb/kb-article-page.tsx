import { ArrowLeftOutlined, CopyOutlined, DeleteOutlined, EditOutlined, HistoryOutlined } from '@ant-design/icons';
import type { TKbArticle } from '@clientela/contract';
import { App, Button, Card, Col, Descriptions, type DescriptionsProps, Flex, Result, Row, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { isApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/errors.ts';
import { formatNumber } from '../../lib/format.ts';
import { AttachmentsCard } from '../attachments/attachments-card.tsx';
import { useMe } from '../auth/api.ts';
import { useFormatters } from '../customers/date-format.ts';
import { useDeleteKbArticle, useKbArticle, useKbFeedback } from './api.ts';
import { HelpfulButtons } from './helpful-buttons.tsx';
import { ArticleBody } from './kb-html.tsx';
import { AudienceTag, LanguageTag, StatusTag } from './kb-tags.tsx';
import { VersionsDrawer } from './versions-drawer.tsx';

/** The short answer, ready to be copied into a reply. */
function AnswerBox({ answer }: { answer: string }) {
  const { t } = useTranslation('kb');
  const { message } = App.useApp();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(answer);
      message.success(t('article.copied'));
    } catch {
      message.error(t('article.copyFailed'));
    }
  };
  return (
    <Card
      size="small"
      title={t('fields.answer')}
      extra={
        <Button size="small" icon={<CopyOutlined />} onClick={copy}>
          {t('article.copy')}
        </Button>
      }
      style={{ background: '#f6ffed', borderColor: '#b7eb8f' }}
    >
      <Typography.Paragraph className="kb-answer" data-testid="kb-answer">
        {answer}
      </Typography.Paragraph>
    </Card>
  );
}

function Helpful({ article }: { article: TKbArticle }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const feedback = useKbFeedback();
  // The reader's answer shows at once; undefined until they answer here (then the server's is shown).
  const [mine, setMine] = useState<boolean | undefined>(undefined);
  const answer = async (helpful: boolean) => {
    setMine(helpful);
    try {
      await feedback.mutateAsync({ id: article.id, helpful });
    } catch (error) {
      setMine(undefined);
      message.error(errorMessage(t, error));
    }
  };
  return (
    <HelpfulButtons
      value={mine ?? article.myFeedback}
      onChange={answer}
      pending={feedback.isPending}
      counts={{ yes: article.helpfulYes, no: article.helpfulNo }}
    />
  );
}

/** `/kb/:id`: an article to read and reuse, with its versions, files and feedback. */
export function KbArticlePage() {
  const { t } = useTranslation('kb');
  const { t: tc } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const me = useMe();
  const format = useFormatters();
  const { modal, message } = App.useApp();
  const article = useKbArticle(id);
  const remove = useDeleteKbArticle();
  const [versionsOpen, setVersionsOpen] = useState(false);

  if (article.isPending) return <Skeleton active />;
  if (article.isError || !article.data) {
    const missing = isApiError(article.error) && (article.error.status === 404 || article.error.status === 403);
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('article.notFound') : undefined}
        subTitle={missing ? undefined : <ErrorAlert error={article.error} />}
        extra={<Link to="/kb">{t('article.back')}</Link>}
      />
    );
  }
  const data = article.data;
  const mayDelete = me.role !== 'employee';

  const confirmDelete = () =>
    modal.confirm({
      title: t('article.deleteConfirm', { title: data.title }),
      content: t('article.deleteHint'),
      okText: t('actions.delete'),
      okButtonProps: { danger: true },
      cancelText: t('actions.cancel'),
      onOk: async () => {
        try {
          await remove.mutateAsync(data.id);
          message.success(t('article.deleted'));
          navigate('/kb');
        } catch (error) {
          message.error(errorMessage(tc, error));
        }
      },
    });

  const rows: DescriptionsProps['items'] = [
    { key: 'category', label: t('fields.category'), children: data.category?.name ?? t('article.noCategory') },
    { key: 'language', label: t('fields.language'), children: t(`language.${data.language}`) },
    { key: 'audience', label: t('fields.audience'), children: <AudienceTag audience={data.audience} /> },
    { key: 'status', label: t('fields.status'), children: t(`status.${data.status}`) },
    { key: 'version', label: t('fields.version'), children: formatNumber(data.version, format.locale) },
    {
      key: 'used',
      label: t('fields.used'),
      children: t('article.usedTimes', { count: data.useCount, n: formatNumber(data.useCount, format.locale) }),
    },
    {
      key: 'author',
      label: t('fields.author'),
      children: t('article.byOn', { name: data.author?.name ?? t('versions.unknownAuthor'), date: format.dateTime(data.createdAt) }),
    },
    {
      key: 'updated',
      label: t('fields.updated'),
      children: t('article.byOn', { name: data.updatedBy?.name ?? t('versions.unknownAuthor'), date: format.dateTime(data.updatedAt) }),
    },
    ...(data.sourceCase
      ? [
          {
            key: 'case',
            label: t('fields.sourceCase'),
            children: <Link to={`/cases/${data.sourceCase.id}`}>{data.sourceCase.number}</Link>,
          },
        ]
      : []),
  ];

  return (
    <>
      <Link to="/kb">
        <ArrowLeftOutlined /> {t('article.back')}
      </Link>
      <PageHeader
        title={data.title}
        extra={
          <Flex gap={8} wrap>
            <Button icon={<HistoryOutlined />} onClick={() => setVersionsOpen(true)}>
              {t('article.versions')}
            </Button>
            {data.mayChange && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(`/kb/${data.id}/edit`)}>
                {t('actions.edit')}
              </Button>
            )}
            {mayDelete && (
              <Button danger icon={<DeleteOutlined />} onClick={confirmDelete}>
                {t('actions.delete')}
              </Button>
            )}
          </Flex>
        }
      />
      <Flex gap={4} wrap style={{ marginTop: -12, marginBottom: 16 }}>
        <StatusTag status={data.status} />
        <AudienceTag audience={data.audience} />
        <LanguageTag language={data.language} />
        {data.tags.map((tag) => (
          <Link key={tag} to={`/kb?tag=${encodeURIComponent(tag)}`}>
            <Tag variant="filled">#{tag}</Tag>
          </Link>
        ))}
      </Flex>
      <Row gutter={[24, 24]}>
        <Col xs={24} xl={16}>
          <Flex vertical gap={24}>
            {data.answer && <AnswerBox answer={data.answer} />}
            <Card>
              <ArticleBody html={data.body} />
            </Card>
            <Card size="small">
              <Helpful article={data} />
            </Card>
            <AttachmentsCard entityType="kb_article" entityId={data.id} />
          </Flex>
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={24}>
            <Card size="small">
              <Descriptions column={1} items={rows} size="small" />
            </Card>
            <Card size="small" title={t('article.related')}>
              {data.related.length === 0 ? (
                <Typography.Text type="secondary">{t('article.noRelated')}</Typography.Text>
              ) : (
                <Flex vertical gap={6} data-testid="kb-related">
                  {data.related.map((related) => (
                    <Link key={related.id} to={`/kb/${related.id}`}>
                      {related.title}
                    </Link>
                  ))}
                </Flex>
              )}
            </Card>
          </Flex>
        </Col>
      </Row>
      <VersionsDrawer articleId={data.id} current={data.version} open={versionsOpen} onClose={() => setVersionsOpen(false)} />
    </>
  );
}
