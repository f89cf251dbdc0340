import type { TStaffCommunityQuestionSummary } from '@clientela/contract';
import { Flex, Input, Segmented, Table, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useFormatters } from '../customers/date-format.ts';
import { useStaffQuestions } from './community-api.ts';
import { QuestionStatusTags } from './question-status-tags.tsx';

const PAGE_SIZE = 30;
const FILTERS = ['all', 'unanswered', 'unreviewed', 'hidden'] as const;

/** Staff: community questions (`/community`). */
export function QuestionsPage() {
  const { t } = useTranslation('community');
  const format = useFormatters();
  const [q, setQ] = useState('');
  const [filter, setFilter] = useState<(typeof FILTERS)[number]>('all');
  const [page, setPage] = useState(1);
  const list = useStaffQuestions({
    q: q || undefined,
    filter: filter === 'all' ? undefined : filter,
    sort: filter === 'unanswered' ? 'unanswered' : 'newest',
    page,
    limit: PAGE_SIZE,
  });
  const columns: TableProps<TStaffCommunityQuestionSummary>['columns'] = [
    {
      title: t('staff.column.question'),
      dataIndex: 'title',
      render: (title: string, row) => <Link to={`/community/${row.id}`}>{title}</Link>,
    },
    {
      title: t('staff.column.author'),
      key: 'author',
      responsive: ['md'],
      render: (_, row) =>
        row.author.companyName ? t('author.withCompany', { name: row.author.name, company: row.author.companyName }) : row.author.name,
    },
    { title: t('staff.column.answers'), dataIndex: 'answerCount', align: 'right', width: 100 },
    { title: t('staff.column.status'), key: 'status', render: (_, row) => <QuestionStatusTags question={row} /> },
    { title: t('staff.column.asked'), dataIndex: 'createdAt', width: 140, responsive: ['sm'], render: (iso: string) => format.date(iso) },
  ];

  return (
    <>
      <PageHeader title={t('staff.title')} subtitle={t('staff.subtitle')} />
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('staff.search')}
          aria-label={t('staff.search')}
          onSearch={(value) => {
            setQ(value.trim());
            setPage(1);
          }}
          style={{ maxWidth: 360 }}
        />
        <Segmented
          value={filter}
          onChange={(value) => {
            setFilter(value as (typeof FILTERS)[number]);
            setPage(1);
          }}
          options={FILTERS.map((value) => ({ value, label: t(`staff.filter.${value}`) }))}
        />
      </Flex>
      <ErrorAlert error={list.error} />
      <Table
        rowKey="id"
        columns={columns}
        dataSource={list.data?.data ?? []}
        loading={list.isFetching}
        locale={{ emptyText: t('staff.empty') }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
      />
    </>
  );
}
