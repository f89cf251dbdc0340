import type { TModerationQueue } from '@clientela/contract';
import type { UseQueryResult } from '@tanstack/react-query';
import { Button, Empty, Flex, List, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useMe } from '../auth/api.ts';
import { useStaffQuestionActions } from './community-api.ts';
import { CommunityByline } from './community-author.tsx';

/** The questions and answers no one has reviewed yet, each with Approve and Hide. */
export function ModerationQueueList({ queue }: { queue: UseQueryResult<TModerationQueue> }) {
  const { t } = useTranslation('community');
  const me = useMe();
  const { review } = useStaffQuestionActions();
  if (queue.isPending) return <Skeleton active />;
  if (queue.error) return <ErrorAlert error={queue.error} />;
  const items = queue.data?.data ?? [];
  if (items.length === 0) return <Empty description={t('moderation.empty')} />;
  return (
    <>
      <ErrorAlert error={review.error} />
      <List
        dataSource={items}
        renderItem={(item) => {
          const busy = review.isPending && review.variables?.id === item.id;
          return (
            <List.Item data-testid="moderation-item">
              <Flex vertical gap={4} style={{ width: '100%', minWidth: 0 }}>
                <Space wrap>
                  <Tag>{t(`moderation.kind.${item.kind}`)}</Tag>
                  {item.hidden && <Tag color="red">{t('moderation.hiddenNow')}</Tag>}
                  <Link to={`/community/${item.questionId}`}>
                    {item.kind === 'answer' ? t('moderation.onQuestion', { title: item.questionTitle }) : item.questionTitle}
                  </Link>
                </Space>
                <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }} style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                  {item.text}
                </Typography.Paragraph>
                <Flex justify="space-between" align="center" gap={8} wrap>
                  <CommunityByline author={item.author} createdAt={item.createdAt} timeZone={me.timeZone} />
                  <Space>
                    <Button
                      size="small"
                      type="primary"
                      loading={busy}
                      onClick={() => review.mutate({ kind: item.kind, id: item.id, hidden: false })}
                    >
                      {t('moderation.approve')}
                    </Button>
                    <Button
                      size="small"
                      danger
                      loading={busy}
                      onClick={() => review.mutate({ kind: item.kind, id: item.id, hidden: true })}
                    >
                      {t('moderation.hide')}
                    </Button>
                  </Space>
                </Flex>
              </Flex>
            </List.Item>
          );
        }}
      />
    </>
  );
}
