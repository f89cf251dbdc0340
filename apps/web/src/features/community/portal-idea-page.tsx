import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Form, Input, List, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { usePortalIdea, usePortalIdeaComment } from './idea-api.ts';
import { IdeaAnswer, IdeaStatusTag } from './idea-status-tag.tsx';
import { PortalIdeaByline } from './portal-idea-byline.tsx';
import { PortalIdeaVote } from './portal-idea-vote.tsx';

/** An idea in the portal with its comments and a comment box (`/portal/:workspace/ideas/:id`). */
export function PortalIdeaPage() {
  const { t } = useTranslation('ideas');
  const { workspace = '', id } = useParams();
  const idea = usePortalIdea(id);
  const comment = usePortalIdeaComment(id ?? '');
  const [form] = Form.useForm<{ body: string }>();
  const back = (
    <Link to={`/portal/${encodeURIComponent(workspace)}/ideas`}>
      <ArrowLeftOutlined /> {t('portal.back')}
    </Link>
  );
  if (idea.isPending) return <Skeleton active />;
  if (!idea.data) {
    return (
      <div style={{ maxWidth: 860, margin: '0 auto' }}>
        {back}
        <ErrorAlert error={idea.error} />
      </div>
    );
  }
  const data = idea.data;
  return (
    <div style={{ maxWidth: 860, margin: '0 auto' }}>
      {back}
      <Card style={{ marginTop: 12 }}>
        <Flex gap={12} align="flex-start">
          <PortalIdeaVote idea={data} />
          <Flex vertical gap={6} style={{ minWidth: 0, flex: 1 }}>
            <Typography.Title level={3} style={{ margin: 0, overflowWrap: 'anywhere' }}>
              {data.title}
            </Typography.Title>
            <Flex gap={6} wrap align="center">
              <IdeaStatusTag status={data.status} />
              <PortalIdeaByline author={data.author} createdAt={data.createdAt} />
            </Flex>
            {data.body && (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0 }}>
                {data.body}
              </Typography.Paragraph>
            )}
            <IdeaAnswer answer={data.answer} />
          </Flex>
        </Flex>
      </Card>
      <Typography.Title level={4} style={{ marginTop: 24 }}>
        {t('portal.commentsTitle')}
      </Typography.Title>
      {data.comments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('portal.noComments')} />
      ) : (
        <List
          dataSource={data.comments}
          renderItem={(item) => (
            <List.Item data-testid="idea-comment">
              <Flex vertical gap={2} style={{ minWidth: 0 }}>
                <PortalIdeaByline author={item.author} createdAt={item.createdAt} />
                <Typography.Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{item.body}</Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
      <ErrorAlert error={comment.error} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => comment.mutate(values.body.trim(), { onSuccess: () => form.resetFields() })}
        style={{ marginTop: 12 }}
      >
        <Form.Item name="body" rules={[{ required: true, whitespace: true, message: t('portal.commentPlaceholder') }]}>
          <Input.TextArea
            aria-label={t('portal.commentPlaceholder')}
            placeholder={t('portal.commentPlaceholder')}
            autoSize={{ minRows: 2, maxRows: 8 }}
            maxLength={5000}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={comment.isPending}>
          {t('portal.commentSend')}
        </Button>
      </Form>
    </div>
  );
}
