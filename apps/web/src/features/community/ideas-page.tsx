import { IDEA_STATUSES, type TIdea, type TIdeaSort, type TIdeaStatus } from '@clientela/contract';
import { Button, Card, Checkbox, Flex, Input, Segmented, Select, Table, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatInstant, formatNumber } from '../../lib/format.ts';
import { useMe } from '../auth/api.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { type StaffIdeaFilters, useStaffIdeas } from './idea-api.ts';
import { IdeaAuthorName } from './idea-author.tsx';
import { IdeaStatusTag } from './idea-status-tag.tsx';

const IdeaVotesChart = lazy(async () => ({ default: (await import('./idea-votes-chart.tsx')).IdeaVotesChart }));
const CHART_SIZE = 10;

/** Staff: customers' ideas with filters, and the most wanted ones as a chart (`/ideas`). */
export function IdeasPage() {
  const { t } = useTranslation('ideas');
  const { locale } = useLocale();
  const me = useMe();
  const [sort, setSort] = useState<TIdeaSort>('top');
  const [status, setStatus] = useState<TIdeaStatus | undefined>();
  const [hidden, setHidden] = useState<'true' | 'false' | undefined>();
  const [unreviewed, setUnreviewed] = useState(false);
  const [q, setQ] = useState('');
  const filters: StaffIdeaFilters = { sort, status, hidden, unreviewed: unreviewed ? 'true' : undefined, q: q || undefined };
  const list = useStaffIdeas(filters);
  const top = useStaffIdeas({ sort: 'top', hidden: 'false' });
  const ideas = list.data?.pages.flatMap((page) => page.data) ?? [];
  const topIdeas = (top.data?.pages[0]?.data ?? []).filter((idea) => idea.voteCount > 0).slice(0, CHART_SIZE);

  return (
    <div>
      <Typography.Title level={2}>{t('staff.title')}</Typography.Title>
      {topIdeas.length > 0 && (
        <Card size="small" title={t('staff.chartTitle')} style={{ marginBottom: 16 }}>
          <Suspense fallback={null}>
            <IdeaVotesChart ideas={topIdeas} label={t('staff.columns.votes')} />
          </Suspense>
        </Card>
      )}
      <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('staff.search')}
          aria-label={t('staff.search')}
          onSearch={(value) => setQ(value.trim())}
          style={{ width: 240 }}
        />
        <Select
          allowClear
          placeholder={t('staff.statusFilter')}
          aria-label={t('staff.statusFilter')}
          value={status}
          onChange={setStatus}
          options={IDEA_STATUSES.map((value) => ({ value, label: t(`status.${value}`) }))}
          style={{ width: 180 }}
        />
        <Select
          allowClear
          placeholder={t('staff.visibility')}
          aria-label={t('staff.visibility')}
          value={hidden}
          onChange={setHidden}
          options={[
            { value: 'false', label: t('staff.visibleOnly') },
            { value: 'true', label: t('staff.hiddenOnly') },
          ]}
          style={{ width: 160 }}
        />
        <Checkbox checked={unreviewed} onChange={(event) => setUnreviewed(event.target.checked)}>
          {t('staff.unreviewedOnly')}
        </Checkbox>
        <Segmented
          value={sort}
          onChange={(value) => setSort(value as TIdeaSort)}
          options={[
            { value: 'top', label: t('staff.sortTop') },
            { value: 'new', label: t('staff.sortNew') },
          ]}
        />
      </Flex>
      <ErrorAlert error={list.error} />
      <Table<TIdea>
        rowKey="id"
        size="middle"
        loading={list.isPending}
        dataSource={ideas}
        pagination={false}
        scroll={{ x: 800 }}
        locale={{ emptyText: t('staff.empty') }}
        columns={[
          {
            key: 'title',
            title: t('staff.columns.title'),
            render: (_, idea) => (
              <Flex gap={6} wrap align="center">
                <Link to={`/ideas/${idea.id}`}>{idea.title}</Link>
                {idea.hidden && <Tag color="red">{t('hidden')}</Tag>}
                {!idea.reviewedAt && <Tag color="gold">{t('unreviewed')}</Tag>}
              </Flex>
            ),
          },
          { key: 'status', title: t('staff.columns.status'), width: 150, render: (_, idea) => <IdeaStatusTag status={idea.status} /> },
          {
            key: 'votes',
            title: t('staff.columns.votes'),
            width: 90,
            align: 'right',
            render: (_, idea) => formatNumber(idea.voteCount, locale),
          },
          {
            key: 'comments',
            title: t('staff.columns.comments'),
            width: 110,
            align: 'right',
            render: (_, idea) => formatNumber(idea.commentCount, locale),
          },
          {
            key: 'company',
            title: t('staff.columns.company'),
            width: 200,
            render: (_, idea) => <IdeaAuthorName author={{ ...idea.author, contact: null, readable: idea.author.company !== null }} />,
          },
          {
            key: 'created',
            title: t('staff.columns.created'),
            width: 170,
            render: (_, idea) => formatInstant(idea.createdAt, locale, me.timeZone, 'date'),
          },
        ]}
      />
      {list.hasNextPage && (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Button onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('staff.more')}
          </Button>
        </Flex>
      )}
    </div>
  );
}
