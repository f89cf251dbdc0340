import type { TDeal } from '@clientela/contract';
import { Button, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { SorterResult, SortOrder } from 'antd/es/table/interface';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useFieldRules } from '../../lib/field-rules.ts';
import { formatCalendarDate } from '../../lib/format.ts';
import { useFormatters } from '../customers/date-format.ts';
import { type DealQuery, useDealPages } from './api.ts';
import { dealAmount, dealAmountBase } from './deal-money.ts';

const KIND_COLOR = { open: 'blue', won: 'green', lost: 'red' } as const;

const orderOf = (sort: string | undefined, field: string): SortOrder =>
  sort === field ? 'ascend' : sort === `-${field}` ? 'descend' : null;

function sortOf(sorter: SorterResult<TDeal> | SorterResult<TDeal>[]): string | undefined {
  const one = Array.isArray(sorter) ? sorter[0] : sorter;
  if (!one?.order) return undefined;
  return one.order === 'descend' ? `-${String(one.columnKey)}` : String(one.columnKey);
}

type Props = { query: DealQuery; onSort: (sort: string | undefined) => void };

/** The deals matching `query` in a table, sorted on the server, loaded page by page. */
export function DealList({ query, onSort }: Props) {
  const { t } = useTranslation('deals');
  const rules = useFieldRules('deals');
  const format = useFormatters();
  const locale = format.locale;
  const deals = useDealPages(query);
  const rows = useMemo(() => deals.data?.pages.flatMap((page) => page.data) ?? [], [deals.data]);
  const total = deals.data?.pages[0]?.total ?? 0;
  const sort = query.sort;

  const columns: TableColumnsType<TDeal> = [
    {
      key: 'title',
      title: t('fields.title'),
      sorter: true,
      sortOrder: orderOf(sort, 'title'),
      render: (_, deal) => <Link to={`/deals/${deal.id}`}>{deal.title}</Link>,
    },
    {
      key: 'company',
      title: t('fields.company'),
      render: (_, deal) => (deal.company ? <Link to={`/companies/${deal.company.id}`}>{deal.company.name}</Link> : null),
    },
    { key: 'stage', title: t('fields.stage'), render: (_, deal) => <Tag color={KIND_COLOR[deal.stage.kind]}>{deal.stage.name}</Tag> },
    {
      key: 'amountBase',
      title: t('fields.amount'),
      align: 'right',
      className: 'nowrap',
      sorter: true,
      sortOrder: orderOf(sort, 'amountBase'),
      render: (_, deal) => (
        <Flex vertical align="flex-end">
          <span>{dealAmount(deal, locale)}</span>
          {deal.currency !== deal.baseCurrency && deal.amountBase !== null && (
            <Typography.Text type="secondary">{dealAmountBase(deal, locale)}</Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'expectedCloseOn',
      title: t('fields.expectedCloseOn'),
      sorter: true,
      sortOrder: orderOf(sort, 'expectedCloseOn'),
      className: 'nowrap',
      render: (_, deal) => (deal.expectedCloseOn ? formatCalendarDate(deal.expectedCloseOn, locale) : null),
    },
    { key: 'owner', title: t('fields.owner'), render: (_, deal) => deal.owner?.name },
    {
      key: 'stageEnteredAt',
      title: t('fields.stageEnteredAt'),
      sorter: true,
      sortOrder: orderOf(sort, 'stageEnteredAt'),
      className: 'nowrap',
      render: (_, deal) => format.date(deal.stageEnteredAt),
    },
  ];

  return (
    <>
      <ErrorAlert error={deals.error} />
      <Table<TDeal>
        rowKey="id"
        columns={rules.visible(columns)}
        dataSource={rows}
        pagination={false}
        loading={deals.isPending || (deals.isFetching && !deals.isFetchingNextPage)}
        locale={{ emptyText: t('list.empty') }}
        scroll={{ x: 'max-content' }}
        onChange={(_pagination, _filters, sorter) => onSort(sortOf(sorter))}
      />
      <Flex justify="space-between" align="center" style={{ marginTop: 16 }}>
        <Typography.Text type="secondary">{t('list.shown', { shown: rows.length, total })}</Typography.Text>
        {deals.hasNextPage && (
          <Button onClick={() => deals.fetchNextPage()} loading={deals.isFetchingNextPage}>
            {t('list.loadMore')}
          </Button>
        )}
      </Flex>
    </>
  );
}
