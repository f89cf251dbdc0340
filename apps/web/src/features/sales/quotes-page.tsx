import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { QUOTE_STATUSES, type TQuote, type TQuoteStatus } from '@clientela/contract';
import { Button, Card, Flex, Input, Select, Table, type TableColumnsType, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatCalendarDate } from '../../lib/format.ts';
import { useDebouncedValue } from '../../lib/use-debounced-value.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { useQuotePages } from './api.ts';
import { money } from './money.ts';
import { QuoteEditor } from './quote-editor.tsx';
import { QuoteStatusTag } from './status-tag.tsx';

/**
 * `/quotes`: the quotes, newest first, searched and filtered by status (`?status=sent`). `?new=1` opens the editor,
 * prefilled with `companyId` and `dealId` when given (a company's or a deal's page links so).
 */
export function QuotesPage() {
  const { t } = useTranslation('sales');
  const { locale } = useLocale();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search).trim();
  // The status lives in the address, so that a figure elsewhere (the KPI board) links to the quotes behind it.
  const asked = params.get('status');
  const status = QUOTE_STATUSES.find((value) => value === asked);
  const setStatus = (next?: TQuoteStatus) =>
    setParams(
      (previous) => {
        const updated = new URLSearchParams(previous);
        if (next) updated.set('status', next);
        else updated.delete('status');
        return updated;
      },
      { replace: true },
    );
  const [creating, setCreating] = useState(params.get('new') === '1');
  const quotes = useQuotePages({ q: q || undefined, 'filter[status]': status });
  const rows = useMemo(() => quotes.data?.pages.flatMap((page) => page.data) ?? [], [quotes.data]);
  const total = quotes.data?.pages[0]?.total ?? 0;

  const columns: TableColumnsType<TQuote> = [
    {
      key: 'number',
      title: t('fields.number'),
      className: 'nowrap',
      render: (_, quote) => (
        <Link to={`/quotes/${quote.id}`}>
          {quote.number} <Typography.Text type="secondary">({t('quote.version', { version: quote.version })})</Typography.Text>
        </Link>
      ),
    },
    {
      key: 'company',
      title: t('fields.company'),
      render: (_, quote) => <Link to={`/companies/${quote.company.id}`}>{quote.company.name}</Link>,
    },
    { key: 'status', title: t('fields.status'), render: (_, quote) => <QuoteStatusTag status={quote.status} /> },
    {
      key: 'total',
      title: t('fields.total'),
      align: 'right',
      className: 'nowrap',
      render: (_, quote) => money(quote.total, quote.currency, locale),
    },
    {
      key: 'validUntil',
      title: t('fields.validUntil'),
      className: 'nowrap',
      render: (_, quote) => (quote.validUntil ? formatCalendarDate(quote.validUntil, locale) : '—'),
    },
  ];

  const closeEditor = () => {
    setCreating(false);
    if (params.has('new')) {
      const kept = new URLSearchParams(params);
      for (const name of ['new', 'companyId', 'dealId']) kept.delete(name);
      setParams(kept, { replace: true });
    }
  };

  return (
    <>
      <PageHeader
        title={t('quotes.title')}
        subtitle={t('quotes.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('quotes.create')}
          </Button>
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('quotes.search')}
            aria-label={t('quotes.search')}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            style={{ width: 280 }}
          />
          <Select<TQuoteStatus>
            allowClear
            aria-label={t('list.status')}
            placeholder={t('list.anyStatus')}
            value={status}
            onChange={setStatus}
            options={QUOTE_STATUSES.map((value) => ({ value, label: t(`quoteStatus.${value}`) }))}
            style={{ minWidth: 160 }}
          />
        </Flex>
        <ErrorAlert error={quotes.error} />
        <Table<TQuote>
          rowKey="id"
          columns={columns}
          dataSource={rows}
          pagination={false}
          loading={quotes.isPending || (quotes.isFetching && !quotes.isFetchingNextPage)}
          locale={{ emptyText: t('quotes.empty') }}
          scroll={{ x: 'max-content' }}
        />
        <Flex justify="space-between" align="center" style={{ marginTop: 16 }}>
          <Typography.Text type="secondary">{t('list.shown', { shown: rows.length, count: total })}</Typography.Text>
          {quotes.hasNextPage && (
            <Button onClick={() => quotes.fetchNextPage()} loading={quotes.isFetchingNextPage}>
              {t('list.loadMore')}
            </Button>
          )}
        </Flex>
      </Card>
      <QuoteEditor
        open={creating}
        companyId={params.get('companyId') ?? undefined}
        dealId={params.get('dealId') ?? undefined}
        onClose={closeEditor}
        onSaved={(quote) => navigate(`/quotes/${quote.id}`)}
      />
    </>
  );
}
