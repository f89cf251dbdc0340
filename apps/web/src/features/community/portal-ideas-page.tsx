import { IDEA_STATUSES, type TIdeaSort, type TIdeaStatus } from '@clientela/contract';
import { Button, Card, Empty, Flex, Input, Segmented, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { usePortalIdeas } from './idea-api.ts';
import { IdeaAnswer, IdeaStatusTag } from './idea-status-tag.tsx';
import { PortalIdeaByline } from './portal-idea-byline.tsx';
import { PortalIdeaShareModal } from './portal-idea-share-modal.tsx';
import { PortalIdeaVote } from './portal-idea-vote.tsx';

/** Ideas in the portal: post, vote, comment. */
export function PortalIdeasPage() {
  const { t } = useTranslation('ideas');
  const { workspace = '' } = useParams();
  const navigate = useNavigate();
  const [sort, setSort] = useState<TIdeaSort>('top');
  const [status, setStatus] = useState<TIdeaStatus | undefined>();
  const [q, setQ] = useState('');
  const [sharing, setSharing] = useState(false);
  const list = usePortalIdeas({ sort, status, q: q || undefined });
  const ideas = list.data?.pages.flatMap((page) => page.data) ?? [];
  const base = `/portal/${encodeURIComponent(workspace)}/ideas`;

  return (
    <div style={{ maxWidth: 860, margin: '0 auto' }}>
      <Flex justify="space-between" align="flex-start" gap={12} wrap style={{ marginBottom: 16 }}>
        <div>
          <Typography.Title level={2} style={{ margin: 0 }}>
            {t('portal.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('portal.subtitle')}</Typography.Text>
        </div>
        <Button type="primary" onClick={() => setSharing(true)}>
          {t('portal.share')}
        </Button>
      </Flex>
      <Flex gap={8} wrap style={{ marginBottom: 8 }}>
        <Input.Search
          allowClear
          placeholder={t('portal.search')}
          aria-label={t('portal.search')}
          onSearch={(value) => setQ(value.trim())}
          style={{ flex: '1 1 220px' }}
        />
        <Segmented
          value={sort}
          onChange={(value) => setSort(value as TIdeaSort)}
          options={[
            { value: 'top', label: t('portal.sortTop') },
            { value: 'new', label: t('portal.sortNew') },
          ]}
        />
      </Flex>
      <Flex gap={4} wrap style={{ marginBottom: 16 }} role="group" aria-label={t('staff.statusFilter')}>
        <Tag.CheckableTag checked={status === undefined} onChange={() => setStatus(undefined)}>
          {t('portal.allStatuses')}
        </Tag.CheckableTag>
        {IDEA_STATUSES.map((value) => (
          <Tag.CheckableTag key={value} checked={status === value} onChange={(checked) => setStatus(checked ? value : undefined)}>
            {t(`status.${value}`)}
          </Tag.CheckableTag>
        ))}
      </Flex>
      <ErrorAlert error={list.error} />
      {list.isPending ? (
        <Skeleton active />
      ) : ideas.length === 0 ? (
        <Empty description={q || status ? t('portal.emptyFiltered') : t('portal.empty')} />
      ) : (
        <Flex vertical gap={12}>
          {ideas.map((idea) => (
            <Card key={idea.id} size="small" data-testid="idea-card">
              <Flex gap={12} align="flex-start">
                <PortalIdeaVote idea={idea} />
                <Flex vertical gap={4} style={{ minWidth: 0, flex: 1 }}>
                  <Link to={`${base}/${idea.id}`} style={{ fontSize: 16, overflowWrap: 'anywhere' }}>
                    {idea.title}
                  </Link>
                  <Flex gap={6} wrap align="center">
                    <IdeaStatusTag status={idea.status} />
                    {idea.mine && <Tag color="purple">{t('portal.mine')}</Tag>}
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {t('comments', { count: idea.commentCount })}
                    </Typography.Text>
                  </Flex>
                  <PortalIdeaByline author={idea.author} createdAt={idea.createdAt} />
                  <IdeaAnswer answer={idea.answer} />
                </Flex>
              </Flex>
            </Card>
          ))}
        </Flex>
      )}
      {list.hasNextPage && (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Button onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('portal.more')}
          </Button>
        </Flex>
      )}
      <PortalIdeaShareModal
        open={sharing}
        onClose={() => setSharing(false)}
        onShared={(id) => {
          setSharing(false);
          navigate(`${base}/${id}`);
        }}
      />
    </div>
  );
}
