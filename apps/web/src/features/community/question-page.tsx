import { ArrowLeftOutlined, CheckCircleFilled } from '@ant-design/icons';
import type { TPromoteCommunityQuestionResult } from '@clientela/contract';
import { Alert, App, Button, Card, Flex, Form, Input, Result, Skeleton, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { isApiError } from '../../lib/api.ts';
import { useMe } from '../auth/api.ts';
import { useStaffQuestion, useStaffQuestionActions } from './community-api.ts';
import { CommunityByline, CommunityText } from './community-author.tsx';
import { QuestionPromoteModal } from './question-promote-modal.tsx';
import { QuestionStatusTags } from './question-status-tags.tsx';

/** Approve / Hide / Show again for a post, for those who moderate. */
function ReviewButtons({ kind, id, hidden, reviewed }: { kind: 'question' | 'answer'; id: string; hidden: boolean; reviewed: boolean }) {
  const { t } = useTranslation('community');
  const { review } = useStaffQuestionActions();
  const busy = review.isPending && review.variables?.id === id;
  return (
    <Space size={4} wrap>
      {!reviewed && !hidden && (
        <Button size="small" loading={busy} onClick={() => review.mutate({ kind, id, hidden: false })}>
          {t('staff.approve')}
        </Button>
      )}
      {hidden ? (
        <Button size="small" loading={busy} onClick={() => review.mutate({ kind, id, hidden: false })}>
          {t('staff.show')}
        </Button>
      ) : (
        <Button size="small" danger loading={busy} onClick={() => review.mutate({ kind, id, hidden: true })}>
          {t('staff.hide')}
        </Button>
      )}
    </Space>
  );
}

/** Staff: a community question with every answer, answering, accepting, moderating and promoting (`/community/:id`). */
export function QuestionPage() {
  const { t } = useTranslation('community');
  const { message } = App.useApp();
  const me = useMe();
  const { id = '' } = useParams();
  const question = useStaffQuestion(id);
  const { answer, accept, review } = useStaffQuestionActions();
  const [form] = Form.useForm<{ body: string }>();
  const [promoting, setPromoting] = useState(false);
  const [promoted, setPromoted] = useState<TPromoteCommunityQuestionResult | null>(null);
  const back = (
    <Link to="/community">
      <ArrowLeftOutlined /> {t('staff.back')}
    </Link>
  );

  if (question.isPending) return <Skeleton active />;
  if (isApiError(question.error, 'not_found')) return <Result status="404" title={t('portal.notFound')} extra={back} />;
  if (!question.data) return <ErrorAlert error={question.error} />;
  const data = question.data;
  const article = promoted ? { id: promoted.articleId, title: promoted.title } : data.article;

  return (
    <div style={{ maxWidth: 960 }}>
      {back}
      <Flex justify="space-between" align="flex-start" gap={12} wrap style={{ marginTop: 12 }}>
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={2} style={{ margin: 0, overflowWrap: 'anywhere' }}>
            {data.title}
          </Typography.Title>
          <Space wrap style={{ marginTop: 4 }}>
            <CommunityByline author={data.author} createdAt={data.createdAt} timeZone={me.timeZone} />
            <QuestionStatusTags question={{ ...data, accepted: data.acceptedAnswerId !== null, promoted: article !== null }} />
          </Space>
        </div>
        <Space wrap>
          {data.mayModerate && <ReviewButtons kind="question" id={data.id} hidden={data.hidden} reviewed={data.reviewedAt !== null} />}
          {!article && (
            <Tooltip title={data.acceptedAnswerId ? undefined : t('staff.promoteNeedsAnswer')}>
              <Button type="primary" disabled={!data.acceptedAnswerId} onClick={() => setPromoting(true)}>
                {t('staff.promote')}
              </Button>
            </Tooltip>
          )}
        </Space>
      </Flex>
      {data.body && (
        <div style={{ marginTop: 12 }}>
          <CommunityText text={data.body} />
        </div>
      )}
      {article && (
        <Alert
          type="success"
          showIcon
          style={{ margin: '16px 0' }}
          title={<Link to={`/kb/${article.id}`}>{t('staff.openArticle', { title: article.title })}</Link>}
        />
      )}
      <ErrorAlert error={accept.error ?? review.error} />
      <Typography.Title level={4} style={{ marginTop: 24 }}>
        {t('staff.answers')}
      </Typography.Title>
      {data.answers.length === 0 && <Typography.Paragraph type="secondary">{t('staff.noAnswers')}</Typography.Paragraph>}
      <Flex vertical gap={12}>
        {data.answers.map((item) => (
          <Card
            key={item.id}
            size="small"
            data-testid="community-answer"
            style={item.hidden ? { opacity: 0.6 } : item.accepted ? { borderColor: '#52c41a' } : undefined}
          >
            <Space wrap style={{ marginBottom: 8 }}>
              {item.accepted && (
                <Tag color="green" icon={<CheckCircleFilled />}>
                  {t('portal.acceptedAnswer')}
                </Tag>
              )}
              {item.hidden && <Tag color="red">{t('status.hidden')}</Tag>}
              {!item.reviewedAt && <Tag color="gold">{t('status.unreviewed')}</Tag>}
            </Space>
            <CommunityText text={item.body} />
            <Flex justify="space-between" align="center" gap={8} wrap>
              <CommunityByline author={item.author} createdAt={item.createdAt} timeZone={me.timeZone} />
              <Space wrap>
                {!item.accepted && !item.hidden && (
                  <Button
                    size="small"
                    loading={accept.isPending && accept.variables?.answerId === item.id}
                    onClick={() => accept.mutate({ id: data.id, answerId: item.id })}
                  >
                    {t('staff.accept')}
                  </Button>
                )}
                {data.mayModerate && <ReviewButtons kind="answer" id={item.id} hidden={item.hidden} reviewed={item.reviewedAt !== null} />}
              </Space>
            </Flex>
          </Card>
        ))}
      </Flex>
      <Card size="small" title={t('staff.staffAnswer')} style={{ marginTop: 24 }}>
        <ErrorAlert error={answer.error} />
        <Form
          form={form}
          layout="vertical"
          onFinish={(values) => answer.mutate({ id: data.id, body: values.body.trim() }, { onSuccess: () => form.resetFields() })}
        >
          <Form.Item name="body" rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea aria-label={t('staff.staffAnswer')} autoSize={{ minRows: 3, maxRows: 12 }} maxLength={20_000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={answer.isPending}>
            {t('staff.postAnswer')}
          </Button>
        </Form>
      </Card>
      <QuestionPromoteModal
        questionId={data.id}
        title={data.title}
        open={promoting}
        onClose={() => setPromoting(false)}
        onPromoted={(result) => {
          setPromoting(false);
          setPromoted(result);
          message.success(t('staff.promoted'));
        }}
      />
    </div>
  );
}
