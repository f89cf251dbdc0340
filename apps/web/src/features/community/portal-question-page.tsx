import { ArrowLeftOutlined, CheckCircleFilled } from '@ant-design/icons';
import { App, Button, Card, Flex, Form, Input, Result, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { isApiError } from '../../lib/api.ts';
import { usePortalQuestion, usePortalQuestionAction } from './community-api.ts';
import { CommunityByline, CommunityText } from './community-author.tsx';

/** Portal: a question with its answers, the accepted one first; the asker accepts one (`/portal/:workspace/community/:id`). */
export function PortalQuestionPage() {
  const { t } = useTranslation('community');
  const { message } = App.useApp();
  const { workspace = '', id = '' } = useParams();
  const question = usePortalQuestion(id);
  const { answer, accept } = usePortalQuestionAction(id);
  const [form] = Form.useForm<{ body: string }>();
  const base = `/portal/${encodeURIComponent(workspace)}`;
  const back = (
    <Link to={`${base}/community`}>
      <ArrowLeftOutlined /> {t('portal.back')}
    </Link>
  );

  if (question.isPending) return <Skeleton active />;
  if (isApiError(question.error, 'not_found')) return <Result status="404" title={t('portal.notFound')} extra={back} />;
  if (!question.data) return <ErrorAlert error={question.error} />;
  const data = question.data;

  return (
    <div style={{ maxWidth: 860, margin: '0 auto' }}>
      {back}
      <Typography.Title level={2} style={{ marginTop: 12, overflowWrap: 'anywhere' }}>
        {data.title}
      </Typography.Title>
      <CommunityByline author={data.author} createdAt={data.createdAt} />
      {data.body && (
        <div style={{ marginTop: 12 }}>
          <CommunityText text={data.body} />
        </div>
      )}
      {data.article && (
        <Card size="small" style={{ margin: '16px 0' }}>
          <Link to={`${base}/help/${data.article.id}`}>{t('portal.article', { title: data.article.title })}</Link>
        </Card>
      )}
      <Typography.Title level={4} style={{ marginTop: 24 }}>
        {t('answers', { count: data.answers.length })}
      </Typography.Title>
      <ErrorAlert error={accept.error} />
      {data.answers.length === 0 && <Typography.Paragraph type="secondary">{t('portal.noAnswers')}</Typography.Paragraph>}
      <Flex vertical gap={12}>
        {data.answers.map((item) => (
          <Card
            key={item.id}
            size="small"
            data-testid="community-answer"
            style={item.accepted ? { borderColor: '#52c41a' } : undefined}
            title={
              item.accepted ? (
                <Tag color="green" icon={<CheckCircleFilled />}>
                  {t('portal.acceptedAnswer')}
                </Tag>
              ) : undefined
            }
          >
            <CommunityText text={item.body} />
            <Flex justify="space-between" align="center" gap={8} wrap>
              <CommunityByline author={item.author} createdAt={item.createdAt} />
              {data.mine && !item.accepted && (
                <Button
                  size="small"
                  loading={accept.isPending && accept.variables === item.id}
                  onClick={() => accept.mutate(item.id, { onSuccess: () => message.success(t('portal.acceptedDone')) })}
                >
                  {t('portal.accept')}
                </Button>
              )}
            </Flex>
          </Card>
        ))}
      </Flex>
      <Card size="small" title={t('portal.yourAnswer')} style={{ marginTop: 24 }}>
        <ErrorAlert error={answer.error} />
        <Form
          form={form}
          layout="vertical"
          onFinish={(values) =>
            answer.mutate(values.body.trim(), {
              onSuccess: () => {
                form.resetFields();
                message.success(t('portal.answered'));
              },
            })
          }
        >
          <Form.Item name="body" rules={[{ required: true, whitespace: true, message: t('portal.answerPlaceholder') }]}>
            <Input.TextArea
              aria-label={t('portal.yourAnswer')}
              placeholder={t('portal.answerPlaceholder')}
              autoSize={{ minRows: 3, maxRows: 12 }}
              maxLength={20_000}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={answer.isPending}>
            {t('portal.postAnswer')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
