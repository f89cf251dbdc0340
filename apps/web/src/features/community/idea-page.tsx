import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Flex, Form, Input, List, Row, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatInstant, formatNumber } from '../../lib/format.ts';
import { useMe } from '../auth/api.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { IdeaAnswerForm } from './idea-answer-form.tsx';
import { useIdeaActions, useStaffIdea } from './idea-api.ts';
import { IdeaAuthorName } from './idea-author.tsx';
import { IdeaReviewButtons } from './idea-review-buttons.tsx';
import { IdeaStatusTag } from './idea-status-tag.tsx';

/** Staff: an idea with its status and answer, comments to moderate, and the customers who want it (`/ideas/:id`). */
export function IdeaPage() {
  const { t } = useTranslation('ideas');
  const { id } = useParams();
  const { locale } = useLocale();
  const me = useMe();
  const idea = useStaffIdea(id);
  const { comment } = useIdeaActions();
  const [form] = Form.useForm<{ body: string }>();
  const moderates = me.role === 'admin' || me.role === 'manager';
  const when = (iso: string) => formatInstant(iso, locale, me.timeZone);
  const back = (
    <Link to="/ideas">
      <ArrowLeftOutlined /> {t('staff.back')}
    </Link>
  );
  if (idea.isPending) return <Skeleton active />;
  if (!idea.data) {
    return (
      <div>
        {back}
        <ErrorAlert error={idea.error} />
      </div>
    );
  }
  const data = idea.data;
  return (
    <div>
      {back}
      <Flex justify="space-between" align="flex-start" gap={12} wrap style={{ margin: '12px 0' }}>
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={2} style={{ margin: 0, overflowWrap: 'anywhere' }}>
            {data.title}
          </Typography.Title>
          <Flex gap={6} wrap align="center" style={{ marginTop: 4 }}>
            <IdeaStatusTag status={data.status} />
            {data.hidden && <Tag color="red">{t('hidden')}</Tag>}
            {!data.reviewedAt && <Tag color="gold">{t('unreviewed')}</Tag>}
            <Typography.Text type="secondary">
              {t('votes', { count: data.voteCount })} · {t('comments', { count: data.commentCount })}
            </Typography.Text>
          </Flex>
        </div>
        {moderates && <IdeaReviewButtons kind="idea" id={data.id} hidden={data.hidden} reviewed={data.reviewedAt !== null} />}
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Card size="small">
            <Typography.Text type="secondary">
              {t('staff.author')}: <IdeaAuthorName author={data.author} /> · {when(data.createdAt)}
            </Typography.Text>
            {data.body && (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', marginTop: 8 }}>
                {data.body}
              </Typography.Paragraph>
            )}
          </Card>
          <Card size="small" title={t('staff.answerTitle')} style={{ marginTop: 16 }}>
            <IdeaAnswerForm key={`${data.status}:${data.answer ?? ''}`} idea={data} />
          </Card>
          <Card size="small" title={t('staff.commentsTitle')} style={{ marginTop: 16 }}>
            {data.comments.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('staff.noComments')} />
            ) : (
              <List
                dataSource={data.comments}
                renderItem={(item) => (
                  <List.Item
                    data-testid="idea-comment"
                    extra={
                      moderates && !item.author.staff ? (
                        <IdeaReviewButtons kind="comment" id={item.id} hidden={item.hidden} reviewed={item.reviewedAt !== null} />
                      ) : null
                    }
                  >
                    <Flex vertical gap={2} style={{ minWidth: 0 }}>
                      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                        <IdeaAuthorName author={item.author} /> · {when(item.createdAt)}
                        {item.hidden && (
                          <Tag color="red" style={{ marginInlineStart: 6 }}>
                            {t('hidden')}
                          </Tag>
                        )}
                        {!item.reviewedAt && (
                          <Tag color="gold" style={{ marginInlineStart: 6 }}>
                            {t('unreviewed')}
                          </Tag>
                        )}
                      </Typography.Text>
                      <Typography.Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{item.body}</Typography.Text>
                    </Flex>
                  </List.Item>
                )}
              />
            )}
            <ErrorAlert error={comment.error} />
            <Form
              form={form}
              onFinish={(values) => comment.mutate({ id: data.id, body: values.body.trim() }, { onSuccess: () => form.resetFields() })}
              style={{ marginTop: 12 }}
            >
              <Form.Item name="body" rules={[{ required: true, whitespace: true, message: t('staff.commentPlaceholder') }]}>
                <Input.TextArea
                  aria-label={t('staff.commentPlaceholder')}
                  placeholder={t('staff.commentPlaceholder')}
                  autoSize={{ minRows: 2, maxRows: 8 }}
                  maxLength={5000}
                />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={comment.isPending}>
                {t('staff.commentSend')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Card size="small" title={`${t('staff.supporters')} (${formatNumber(data.supporters.length, locale)})`}>
            {data.supporters.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('staff.supportersEmpty')} />
            ) : (
              <List
                size="small"
                dataSource={data.supporters}
                renderItem={(supporter) => (
                  <List.Item data-testid="idea-supporter">
                    <Flex justify="space-between" gap={8} style={{ width: '100%' }}>
                      <IdeaAuthorName author={{ ...supporter, staff: null }} />
                      <Tag>{t(`staff.role.${supporter.role}`)}</Tag>
                    </Flex>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
