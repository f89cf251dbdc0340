import { AppstoreOutlined, CloseOutlined, PlusOutlined, SearchOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { DEAL_SORTS } from '@clientela/contract';
import { Button, Card, Empty, Flex, Input, Segmented, Select, Skeleton, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useDebouncedValue } from '../../lib/use-debounced-value.ts';
import { useFormatters } from '../customers/date-format.ts';
import { UserSelect } from '../customers/user-select.tsx';
import { useUnits } from '../units/api.ts';
import { type DealQuery, useFilterName, useLostReasons, usePipelines } from './api.ts';
import { DealBoard } from './deal-board.tsx';
import { DealFormDrawer } from './deal-form-drawer.tsx';
import { DealList } from './deal-list.tsx';
import { orderedPipelines } from './pipeline-order.ts';

type View = 'board' | 'list';
type Status = NonNullable<DealQuery['filter[status]']>;
const STATUSES: Status[] = ['open', 'won', 'lost'];
const SORTS = DEAL_SORTS.flatMap((field) => [field, `-${field}`]);
/** Filters a report's drill-down puts in the address (`none`: deals without one). */
const DRILL_PARAMS = [
  'closedFrom',
  'closedTo',
  'createdFrom',
  'createdTo',
  'stage',
  'reached',
  'lostReason',
  'unit',
  'product',
  'region',
  'company',
] as const;
type Drill = Partial<Record<(typeof DRILL_PARAMS)[number], string>>;

/** The drill-down filters as removable chips: a report's figure opened as its deals. */
function DrillChips({ drill, onRemove }: { drill: Drill; onRemove: (keys: (keyof Drill)[]) => void }) {
  const { t } = useTranslation('deals');
  const format = useFormatters();
  const units = useUnits();
  const product = useFilterName('products', drill.product);
  const company = useFilterName('companies', drill.company);
  const pipelines = usePipelines();
  const reasons = useLostReasons();
  const nameOf = (value: string, name: string | undefined) => (value === 'none' ? t('filters.none') : (name ?? '…'));
  const stageName = (id: string) => pipelines.data?.flatMap((p) => p.stages).find((s) => s.id === id)?.name;
  const chips: { keys: (keyof Drill)[]; label: string }[] = [];
  if (drill.closedFrom || drill.closedTo) {
    const from = drill.closedFrom ? format.calendarDate(drill.closedFrom) : '';
    const to = drill.closedTo ? format.calendarDate(drill.closedTo) : '';
    chips.push({
      keys: ['closedFrom', 'closedTo'],
      label:
        from && to
          ? t('filters.closedBetween', { from, to })
          : from
            ? t('filters.closedFrom', { date: from })
            : t('filters.closedTo', { date: to }),
    });
  }
  if (drill.createdFrom || drill.createdTo) {
    const from = drill.createdFrom ? format.calendarDate(drill.createdFrom) : '';
    const to = drill.createdTo ? format.calendarDate(drill.createdTo) : '';
    chips.push({
      keys: ['createdFrom', 'createdTo'],
      label:
        from && to
          ? t('filters.createdBetween', { from, to })
          : from
            ? t('filters.createdFrom', { date: from })
            : t('filters.createdTo', { date: to }),
    });
  }
  if (drill.stage) chips.push({ keys: ['stage'], label: t('filters.stageChip', { name: nameOf(drill.stage, stageName(drill.stage)) }) });
  if (drill.reached)
    chips.push({ keys: ['reached'], label: t('filters.reachedChip', { name: nameOf(drill.reached, stageName(drill.reached)) }) });
  if (drill.lostReason)
    chips.push({
      keys: ['lostReason'],
      label: t('filters.lostReasonChip', {
        name: nameOf(drill.lostReason, reasons.data?.find((r) => r.id === drill.lostReason)?.name),
      }),
    });
  if (drill.unit)
    chips.push({
      keys: ['unit'],
      label: t('filters.unitChip', { name: nameOf(drill.unit, units.data?.find((u) => u.id === drill.unit)?.name) }),
    });
  if (drill.product) chips.push({ keys: ['product'], label: t('filters.productChip', { name: nameOf(drill.product, product.data) }) });
  if (drill.region) chips.push({ keys: ['region'], label: t('filters.regionChip', { name: nameOf(drill.region, drill.region) }) });
  if (drill.company) chips.push({ keys: ['company'], label: t('filters.companyChip', { name: nameOf(drill.company, company.data) }) });
  if (chips.length === 0) return null;
  return (
    <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }} data-testid="drill-chips">
      {chips.map((chip) => (
        <Tag
          key={chip.keys[0]}
          color="blue"
          closable
          closeIcon={<CloseOutlined aria-label={t('filters.remove', { filter: chip.label })} />}
          onClose={(event) => {
            event.preventDefault();
            onRemove(chip.keys);
          }}
        >
          {chip.label}
        </Tag>
      ))}
      {chips.length > 1 && (
        <Button size="small" type="link" onClick={() => onRemove(chips.flatMap((chip) => chip.keys))}>
          {t('filters.clearAll')}
        </Button>
      )}
    </Flex>
  );
}

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
  const drill: Drill = Object.fromEntries(DRILL_PARAMS.flatMap((key) => (params.get(key) ? [[key, params.get(key) as string]] : [])));

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
    // A report's figure counts every pipeline: its deals are listed across them unless one is chosen.
    'filter[pipelineId]': Object.keys(drill).length > 0 && !params.get('pipeline') ? undefined : (pipelineId ?? undefined),
    'filter[ownerId]': ownerId,
    'filter[status]': status,
    'filter[closedFrom]': drill.closedFrom,
    'filter[closedTo]': drill.closedTo,
    'filter[createdFrom]': drill.createdFrom,
    'filter[createdTo]': drill.createdTo,
    'filter[stageId]': drill.stage,
    'filter[reachedStageId]': drill.reached,
    'filter[lostReasonId]': drill.lostReason,
    'filter[unitId]': drill.unit,
    'filter[productId]': drill.product,
    'filter[region]': drill.region,
    'filter[companyId]': drill.company,
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
        {view === 'list' && (
          <DrillChips drill={drill} onRemove={(keys) => change(Object.fromEntries(keys.map((key) => [key, undefined])))} />
        )}
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
