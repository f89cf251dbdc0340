import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { LEAD_STATUSES, type TLeadStatus, type TLeadSummary } from '@clientela/contract';
import { Button, Card, Flex, Input, Select, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useDebouncedValue } from '../../lib/use-debounced-value.ts';
import { UserSelect } from '../customers/user-select.tsx';
import { ImportButton } from '../imports/import-button.tsx';
import { LeadCreateModal } from './lead-create-modal.tsx';
import { type LeadQuery, leadName, useLeadPages } from './leads-api.ts';
import { useMarketingFormat } from './marketing-format.ts';
import { CampaignSelect, SourceSelect } from './marketing-pickers.tsx';
import { LeadStatusTag } from './marketing-tags.tsx';

/** The address's parameters as the leads list's query; `campaignId` comes from a campaign's page. */
export function leadQueryFromParams(params: URLSearchParams): LeadQuery {
  const statuses = (params.get('status') ?? '').split(',').filter((value) => (LEAD_STATUSES as readonly string[]).includes(value));
  return {
    q: params.get('q') || undefined,
    'filter[status]': statuses.length > 0 ? statuses.join(',') : undefined,
    'filter[sourceId]': params.get('sourceId') || undefined,
    'filter[campaignId]': params.get('campaignId') || undefined,
    'filter[ownerId]': params.get('ownerId') || undefined,
  };
}

/** The list's search and filters, kept in the address. */
function useLeadFilters() {
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const typed = useDebouncedValue(text);
  const set = useCallback(
    (name: string, value: string | null | undefined) =>
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          if (value) next.set(name, value);
          else next.delete(name);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  useEffect(() => {
    if ((params.get('q') ?? '') !== typed.trim()) set('q', typed.trim() || undefined);
  }, [typed, params, set]);
  const query = leadQueryFromParams(params);
  return { query, text, setText, set, statuses: (query['filter[status]'] ?? '').split(',').filter(Boolean) as TLeadStatus[] };
}

/** `/leads`: potential customers to qualify. */
export function LeadsPage() {
  const { t } = useTranslation('marketing');
  const filters = useLeadFilters();
  const leads = useLeadPages(filters.query);
  const format = useMarketingFormat(undefined);
  const [creating, setCreating] = useState(false);
  const rows = leads.data?.pages.flatMap((page) => page.data) ?? [];
  const total = leads.data?.pages[0]?.total ?? 0;
  const campaignId = filters.query['filter[campaignId]'];
  const knownCampaign = rows.find((row) => row.campaign?.id === campaignId)?.campaign ?? null;

  return (
    <>
      <PageHeader
        title={t('leads.title')}
        subtitle={t('leads.subtitle')}
        extra={
          <Flex gap={8} wrap>
            <ImportButton entity="lead" />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('leads.new')}
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
            placeholder={t('leads.searchPlaceholder')}
            aria-label={t('leads.search')}
            style={{ flex: '1 1 240px', maxWidth: 340 }}
          />
          <Select
            mode="multiple"
            allowClear
            value={filters.statuses}
            onChange={(values: TLeadStatus[]) => filters.set('status', values.join(','))}
            placeholder={t('leads.anyStatus')}
            aria-label={t('leads.statusFilter')}
            options={LEAD_STATUSES.map((value) => ({ value, label: t(`leadStatus.${value}`) }))}
            style={{ minWidth: 180 }}
          />
          <SourceSelect
            value={filters.query['filter[sourceId]'] ?? null}
            onChange={(value) => filters.set('sourceId', value)}
            placeholder={t('leads.anySource')}
            aria-label={t('leads.sourceFilter')}
            style={{ minWidth: 170 }}
          />
          <CampaignSelect
            value={campaignId ?? null}
            current={knownCampaign}
            onChange={(value) => filters.set('campaignId', value)}
            placeholder={t('leads.anyCampaign')}
            aria-label={t('leads.campaignFilter')}
            style={{ minWidth: 190 }}
          />
          <UserSelect
            value={filters.query['filter[ownerId]'] ?? null}
            onChange={(value) => filters.set('ownerId', value)}
            placeholder={t('common.anyOwner')}
            aria-label={t('leads.ownerFilter')}
            style={{ minWidth: 180 }}
          />
        </Flex>
        <ErrorAlert error={leads.error} />
        <Table<TLeadSummary>
          rowKey="id"
          dataSource={rows}
          pagination={false}
          loading={leads.isPending || (leads.isFetching && !leads.isFetchingNextPage)}
          locale={{ emptyText: leads.isPending ? ' ' : t('leads.empty') }}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              key: 'name',
              title: t('fields.name'),
              width: 220,
              render: (_, record) => (
                <Link to={`/leads/${record.id}`}>
                  <Typography.Text strong style={{ color: 'inherit' }}>
                    {record.name || leadName(record) || t('leads.unnamed')}
                  </Typography.Text>
                </Link>
              ),
            },
            { key: 'company', title: t('fields.company'), render: (_, record) => record.companyName ?? '—' },
            {
              key: 'contact',
              title: t('fields.contact'),
              render: (_, record) => (
                <Flex vertical gap={2}>
                  {record.email && <span>{record.email}</span>}
                  {record.phone && <span>{record.phone}</span>}
                  {!record.email && !record.phone && '—'}
                </Flex>
              ),
            },
            { key: 'source', title: t('fields.source'), render: (_, record) => record.source?.name ?? '—' },
            {
              key: 'campaign',
              title: t('fields.campaign'),
              render: (_, record) => (record.campaign ? <Link to={`/campaigns/${record.campaign.id}`}>{record.campaign.name}</Link> : '—'),
            },
            { key: 'status', title: t('fields.status'), render: (_, record) => <LeadStatusTag status={record.status} /> },
            { key: 'owner', title: t('fields.owner'), render: (_, record) => record.owner?.name ?? '—' },
            {
              key: 'created',
              title: t('fields.created'),
              render: (_, record) => <span className="nowrap">{format.dateTime(record.createdAt)}</span>,
            },
          ]}
        />
        {rows.length > 0 && (
          <Flex justify="space-between" align="center" style={{ marginTop: 16 }}>
            <Typography.Text type="secondary">
              {t('common.shown', { shown: format.number(rows.length), total: format.number(total) })}
            </Typography.Text>
            {leads.hasNextPage && (
              <Button onClick={() => leads.fetchNextPage()} loading={leads.isFetchingNextPage}>
                {t('common.loadMore')}
              </Button>
            )}
          </Flex>
        )}
      </Card>
      <LeadCreateModal open={creating} onClose={() => setCreating(false)} campaign={knownCampaign} />
    </>
  );
}
