import { BarChartOutlined, PlusOutlined, SearchOutlined, SettingOutlined } from '@ant-design/icons';
import { CAMPAIGN_KINDS, CAMPAIGN_STATUSES, type TCampaign, type TCampaignKind, type TCampaignStatus } from '@clientela/contract';
import { Button, Card, DatePicker, Flex, Input, Select, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useDebouncedValue } from '../../lib/use-debounced-value.ts';
import { DATE_INPUT_FORMAT } from '../customers/date-format.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { CampaignCreateModal } from './campaign-create-modal.tsx';
import { ALL_TIME, type CampaignQuery, useCampaignPages, useRoi } from './campaigns-api.ts';
import { useMarketingFormat } from './marketing-format.ts';
import { CampaignStatusTag } from './marketing-tags.tsx';

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The address's parameters as the campaigns list's query. */
export function campaignQueryFromParams(params: URLSearchParams): CampaignQuery {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  return {
    q: params.get('q') || undefined,
    'filter[kind]': oneOf(CAMPAIGN_KINDS, params.get('kind')),
    'filter[status]': oneOf(CAMPAIGN_STATUSES, params.get('status')),
    'filter[from]': DAY.test(from) ? from : undefined,
    'filter[to]': DAY.test(to) ? to : undefined,
  };
}

/** The list's search and filters, kept in the address. */
function useCampaignFilters() {
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const typed = useDebouncedValue(text);
  const set = useCallback(
    (values: Record<string, string | undefined>) =>
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [name, value] of Object.entries(values)) {
            if (value) next.set(name, value);
            else next.delete(name);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  useEffect(() => {
    if ((params.get('q') ?? '') !== typed.trim()) set({ q: typed.trim() || undefined });
  }, [typed, params, set]);
  return { query: campaignQueryFromParams(params), text, setText, set };
}

/** `/campaigns`: the campaigns with their budgets, costs and results. */
export function CampaignsPage() {
  const { t } = useTranslation('marketing');
  const { locale } = useLocale();
  const filters = useCampaignFilters();
  const campaigns = useCampaignPages(filters.query);
  // The list's rows carry costs; leads, revenue and ROI come from the ROI report over all time.
  const results = useRoi({ ...ALL_TIME, by: 'campaign', attribution: 'converted' });
  const [creating, setCreating] = useState(false);
  const rows = campaigns.data?.pages.flatMap((page) => page.data) ?? [];
  const total = campaigns.data?.pages[0]?.total ?? 0;
  const currency = rows[0]?.baseCurrency ?? results.data?.baseCurrency;
  const format = useMarketingFormat(currency);
  const resultOf = (id: string) => results.data?.rows.find((row) => row.item?.id === id);
  const { query } = filters;
  const from = query['filter[from]'];
  const to = query['filter[to]'];

  return (
    <>
      <PageHeader
        title={t('campaigns.title')}
        subtitle={t('campaigns.subtitle')}
        extra={
          <Flex gap={8} wrap>
            <Link to="/marketing/roi">
              <Button icon={<BarChartOutlined />}>{t('campaigns.roi')}</Button>
            </Link>
            <Link to="/marketing/settings">
              <Button icon={<SettingOutlined />}>{t('campaigns.settings')}</Button>
            </Link>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('campaigns.new')}
            </Button>
          </Flex>
        }
      />
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <Input
            allowClear
            prefix={<SearchOutlined />}
            value={filters.text}
            onChange={(event) => filters.setText(event.target.value)}
            placeholder={t('campaigns.searchPlaceholder')}
            aria-label={t('campaigns.search')}
            style={{ flex: '1 1 220px', maxWidth: 320 }}
          />
          <Select
            allowClear
            value={query['filter[kind]']}
            onChange={(value?: TCampaignKind) => filters.set({ kind: value })}
            placeholder={t('campaigns.anyKind')}
            aria-label={t('campaigns.kindFilter')}
            options={CAMPAIGN_KINDS.map((value) => ({ value, label: t(`kind.${value}`) }))}
            style={{ minWidth: 150 }}
          />
          <Select
            allowClear
            value={query['filter[status]']}
            onChange={(value?: TCampaignStatus) => filters.set({ status: value })}
            placeholder={t('campaigns.anyStatus')}
            aria-label={t('campaigns.statusFilter')}
            options={CAMPAIGN_STATUSES.map((value) => ({ value, label: t(`campaignStatus.${value}`) }))}
            style={{ minWidth: 150 }}
          />
          <DatePicker.RangePicker
            allowEmpty={[true, true]}
            format={DATE_INPUT_FORMAT[locale]}
            value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
            onChange={(range) =>
              filters.set({ from: range?.[0]?.format('YYYY-MM-DD') ?? undefined, to: range?.[1]?.format('YYYY-MM-DD') ?? undefined })
            }
            aria-label={t('campaigns.periodFilter')}
          />
        </Flex>
        <ErrorAlert error={campaigns.error} />
        <Table<TCampaign>
          rowKey="id"
          dataSource={rows}
          pagination={false}
          loading={campaigns.isPending || (campaigns.isFetching && !campaigns.isFetchingNextPage)}
          locale={{ emptyText: campaigns.isPending ? ' ' : t('campaigns.empty') }}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              key: 'name',
              title: t('fields.name'),
              width: 240,
              render: (_, record) => (
                <Link to={`/campaigns/${record.id}`}>
                  <Typography.Text strong style={{ color: 'inherit' }}>
                    {record.name}
                  </Typography.Text>
                </Link>
              ),
            },
            { key: 'kind', title: t('fields.kind'), render: (_, record) => t(`kind.${record.kind}`) },
            { key: 'status', title: t('fields.status'), render: (_, record) => <CampaignStatusTag status={record.status} /> },
            {
              key: 'dates',
              title: t('fields.dates'),
              render: (_, record) => (
                <span className="nowrap">
                  {record.startsOn || record.endsOn ? `${format.day(record.startsOn)} – ${format.day(record.endsOn)}` : '—'}
                </span>
              ),
            },
            { key: 'budget', title: t('fields.budget'), align: 'right', render: (_, record) => format.money(record.budget) },
            { key: 'actualCost', title: t('fields.actualCost'), align: 'right', render: (_, record) => format.money(record.actualCost) },
            {
              key: 'leads',
              title: t('fields.leads'),
              align: 'right',
              render: (_, record) => format.number(resultOf(record.id)?.leads ?? 0),
            },
            {
              key: 'revenue',
              title: t('fields.revenue'),
              align: 'right',
              render: (_, record) => format.money(resultOf(record.id)?.revenue ?? 0),
            },
            {
              key: 'roi',
              title: t('fields.roi'),
              align: 'right',
              render: (_, record) => format.ratio(resultOf(record.id)?.roi),
            },
          ]}
        />
        {rows.length > 0 && (
          <Flex justify="space-between" align="center" style={{ marginTop: 16 }}>
            <Typography.Text type="secondary">
              {t('common.shown', { shown: format.number(rows.length), total: format.number(total) })}
            </Typography.Text>
            {campaigns.hasNextPage && (
              <Button onClick={() => campaigns.fetchNextPage()} loading={campaigns.isFetchingNextPage}>
                {t('common.loadMore')}
              </Button>
            )}
          </Flex>
        )}
      </Card>
      <CampaignCreateModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
