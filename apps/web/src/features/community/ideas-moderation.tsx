import { Empty, Flex, List, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatInstant } from '../../lib/format.ts';
import { useMe } from '../auth/api.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { useIdeaModerationQueue } from './idea-api.ts';
import { IdeaAuthorName } from './idea-author.tsx';
import { IdeaReviewButtons } from './idea-review-buttons.tsx';

/** The moderation queue's ideas and idea comments waiting for review, with approve and hide. */
export function IdeasModeration() {
  const { t } = useTranslation('ideas');
  const { locale } = useLocale();
  const me = useMe();
  const queue = useIdeaModerationQueue();
  if (queue.isPending) return <Skeleton active />;
  if (!queue.data) return <ErrorAlert error={queue.error} />;
  const { ideas, comments } = queue.data;
  if (ideas.length === 0 && comments.length === 0) return <Empty description={t('moderation.empty')} />;
  const when = (iso: string) => formatInstant(iso, locale, me.timeZone);
  return (
    <Flex vertical gap={16}>
      {ideas.length > 0 && (
        <List
          header={<Typography.Text strong>{t('moderation.ideas')}</Typography.Text>}
          dataSource={ideas}
          renderItem={(idea) => (
            <List.Item
              data-testid="moderation-idea"
              extra={<IdeaReviewButtons kind="idea" id={idea.id} hidden={idea.hidden} reviewed={false} />}
            >
              <Flex vertical gap={2} style={{ minWidth: 0 }}>
                <Link to={`/ideas/${idea.id}`} style={{ overflowWrap: 'anywhere' }}>
                  {idea.title}
                </Link>
                {idea.body && <Typography.Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{idea.body}</Typography.Text>}
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  <IdeaAuthorName author={idea.author} /> · {when(idea.createdAt)}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
      {comments.length > 0 && (
        <List
          header={<Typography.Text strong>{t('moderation.comments')}</Typography.Text>}
          dataSource={comments}
          renderItem={(comment) => (
            <List.Item
              data-testid="moderation-idea-comment"
              extra={<IdeaReviewButtons kind="comment" id={comment.id} hidden={comment.hidden} reviewed={false} />}
            >
              <Flex vertical gap={2} style={{ minWidth: 0 }}>
                <Link to={`/ideas/${comment.ideaId}`}>{t('moderation.onIdea', { title: comment.ideaTitle })}</Link>
                <Typography.Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{comment.body}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  <IdeaAuthorName author={comment.author} /> · {when(comment.createdAt)}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Flex>
  );
}
