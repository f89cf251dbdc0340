import { AppstoreOutlined, PlusOutlined, SearchOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { DEAL_SORTS } from '@clientela/contract';
import { Button, Card, Empty, Flex, Input, Segmented, Select, Skeleton } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useDebouncedValue } from '../../lib/use-debounced-value.ts';
import { UserSelect } from '../customers/user-select.tsx';
import { type DealQuery, usePipelines } from './api.ts';
import { DealBoard } from './deal-board.tsx';
import { DealFormDrawer } from './deal-form-drawer.tsx';
import { DealList } from './deal-list.tsx';
import { orderedPipelines } from './pipeline-order.ts';

type View = 'board' | 'list';
type Status = NonNullable<DealQuery['filter[status]']>;
const STATUSES: Status[] = ['open', 'won', 'lost'];
const SORTS = DEAL_SORTS.flatMap((field) => [field, `-${field}`]);

/** `/deals`: the deals of a pipeline, on its board or in a list, searched and by owner. */
export function DealsPage() {
  const { t } = useTranslation('deals');
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const pipelines = usePipelines();
  const ordered = useMemo(() => orderedPipelines(pipelines.data ?? []), [pipelines.data]);
  const [creating, setCreating] = useState(false);
  const [search, setSearch] = useState(params.get('q') ?? '');
  const q = useDebouncedValue(search).trim();

  const view: View = params.get('view') === 'list' ? 'list' : 'board';
  const pipelineId = ordered.some((one) => one.id === params.get('pipeline')) ? params.get('pipeline') : ordered[0]?.id;
  const ownerId = params.get('owner') ?? undefined;
  const status = STATUSES.find((one) => one === params.get('status'));
  const sort = SORTS.find((one) => one === params.get('sort'));

  const change = (next: Record<string, string | undefined>) =>
    setParams(
      (current) => {
        const out = new URLSearchParams(current);
        for (const [key, value] of Object.entries(next)) {
          if (value) out.set(key, value);
          else out.delete(key);
        }
        return out;
      },
      { replace: true },
    );
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new search text changes the address.
  useEffect(() => {
    if (q !== (params.get('q') ?? '')) change({ q });
  }, [q]);

  const listQuery: DealQuery = {
    q: q || undefined,
    sort,
    'filter[pipelineId]': pipelineId ?? undefined,
    'filter[ownerId]': ownerId,
    'filter[status]': status,
  };

  return (
    <>
      <PageHeader
        title={t('deals.title')}
        subtitle={t('deals.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('deals.create')}
          </Button>
        }
      />
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <Select
            aria-label={t('fields.pipeline')}
            value={pipelineId ?? undefined}
            loading={pipelines.isPending}
            onChange={(pipeline) => change({ pipeline })}
            options={ordered.map((one) => ({ value: one.id, label: one.name }))}
            popupMatchSelectWidth={false}
            style={{ minWidth: 200 }}
          />
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('filters.search')}
            aria-label={t('filters.search')}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            style={{ width: 280 }}
          />
          <UserSelect
            value={ownerId}
            onChange={(owner) => change({ owner: owner ?? undefined })}
            placeholder={t('filters.anyOwner')}
            aria-label={t('fields.owner')}
            style={{ minWidth: 200 }}
          />
          {view === 'list' && (
            <Select<Status>
              allowClear
              aria-label={t('filters.status')}
              placeholder={t('filters.anyStatus')}
              value={status}
              onChange={(next) => change({ status: next })}
              options={STATUSES.map((value) => ({ value, label: t(`status.${value}`) }))}
              style={{ minWidth: 160 }}
            />
          )}
          <Segmented<View>
            value={view}
            onChange={(next) => change({ view: next === 'list' ? 'list' : undefined })}
            aria-label={t('filters.view')}
            options={[
              { value: 'board', label: t('filters.board'), icon: <AppstoreOutlined /> },
              { value: 'list', label: t('filters.list'), icon: <UnorderedListOutlined /> },
            ]}
          />
        </Flex>
        <ErrorAlert error={pipelines.error} />
        {pipelines.isPending ? (
          <Skeleton active />
        ) : view === 'board' ? (
          pipelineId ? (
            <DealBoard pipelineId={pipelineId} query={{ q: q || undefined, 'filter[ownerId]': ownerId }} />
          ) : (
            <Empty description={t('deals.noPipelines')} />
          )
        ) : (
          <DealList query={listQuery} onSort={(next) => change({ sort: next })} />
        )}
      </Card>
      <DealFormDrawer
        open={creating}
        pipelineId={pipelineId ?? undefined}
        onClose={() => setCreating(false)}
        onCreated={(deal) => navigate(`/deals/${deal.id}`)}
      />
    </>
  );
}
