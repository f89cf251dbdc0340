import { CheckCircleFilled } from '@ant-design/icons';
import { Button, Empty, Flex, Input, List, Pagination, Segmented, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { usePortalQuestions } from './community-api.ts';
import { CommunityAskModal } from './community-ask-modal.tsx';
import { CommunityByline } from './community-author.tsx';

const PAGE_SIZE = 20;

/** Portal: the community's questions, searched, with "Ask a question" (`/portal/:workspace/community`). */
export function PortalQuestionsPage() {
  const { t } = useTranslation('community');
  const { workspace = '' } = useParams();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [sort, setSort] = useState<'newest' | 'unanswered'>('newest');
  const [page, setPage] = useState(1);
  const [asking, setAsking] = useState(false);
  const list = usePortalQuestions({ q: q || undefined, sort, page, limit: PAGE_SIZE });
  const base = `/portal/${encodeURIComponent(workspace)}/community`;

  return (
    <div style={{ maxWidth: 860, margin: '0 auto' }}>
      <Flex justify="space-between" align="flex-start" gap={12} wrap style={{ marginBottom: 16 }}>
        <div>
          <Typography.Title level={2} style={{ margin: 0 }}>
            {t('portal.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('portal.subtitle')}</Typography.Text>
        </div>
        <Button type="primary" onClick={() => setAsking(true)}>
          {t('portal.ask')}
        </Button>
      </Flex>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('portal.search')}
          aria-label={t('portal.search')}
          onSearch={(value) => {
            setQ(value.trim());
            setPage(1);
          }}
          style={{ flex: '1 1 240px' }}
        />
        <Segmented
          value={sort}
          onChange={(value) => {
            setSort(value as 'newest' | 'unanswered');
            setPage(1);
          }}
          options={[
            { value: 'newest', label: t('portal.sort.newest') },
            { value: 'unanswered', label: t('portal.sort.unanswered') },
          ]}
        />
      </Flex>
      <ErrorAlert error={list.error} />
      {list.isPending ? (
        <Skeleton active />
      ) : list.data && list.data.data.length === 0 ? (
        <Empty description={q ? t('portal.emptySearch') : t('portal.empty')} />
      ) : (
        <List
          dataSource={list.data?.data ?? []}
          renderItem={(question) => (
            <List.Item data-testid="community-question">
              <Flex vertical gap={4} style={{ minWidth: 0, width: '100%' }}>
                <Link to={`${base}/${question.id}`} style={{ fontSize: 16, overflowWrap: 'anywhere' }}>
                  {question.title}
                </Link>
                <Flex gap={8} wrap align="center">
                  <CommunityByline author={question.author} createdAt={question.createdAt} />
                  <Tag>{t('answers', { count: question.answerCount })}</Tag>
                  {question.accepted && (
                    <Tag color="green" icon={<CheckCircleFilled />}>
                      {t('status.accepted')}
                    </Tag>
                  )}
                  {question.promoted && <Tag color="purple">{t('status.promoted')}</Tag>}
                </Flex>
              </Flex>
            </List.Item>
          )}
        />
      )}
      {(list.data?.total ?? 0) > PAGE_SIZE && (
        <Pagination
          style={{ marginTop: 16 }}
          current={page}
          pageSize={PAGE_SIZE}
          total={list.data?.total ?? 0}
          onChange={setPage}
          showSizeChanger={false}
          size="small"
        />
      )}
      <CommunityAskModal
        open={asking}
        onClose={() => setAsking(false)}
        helpBase={`/portal/${encodeURIComponent(workspace)}/help`}
        onAsked={(id) => {
          setAsking(false);
          navigate(`${base}/${id}`);
        }}
      />
    </div>
  );
}
