import {
  ACTIVITY_TYPES,
  BUILDER_CHARTS,
  BUILDER_ENTITIES,
  CUSTOMER_CLASSES,
  DIMENSIONS_OF,
  FILTERS_OF,
  MEASURES_OF,
  STATUSES_OF,
  type TBuilderDimension,
  type TBuilderEntity,
  type TBuilderFilters,
  type TReportDefinition,
} from '@clientela/contract';
import { Col, DatePicker, Form, Row, Segmented, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DATE_INPUT_FORMAT } from '../customers/date-format.ts';
import { UserSelect } from '../customers/user-select.tsx';
import { usePipelines } from '../deals/api.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { UnitSelect } from '../units/unit-select.tsx';
import { dimensionLabel, statusGroup } from './builder-labels.ts';

/** A first definition: deals by the month they were made, counted, as bars. */
export const DEFAULT_DEFINITION: TReportDefinition = {
  entity: 'deals',
  groupBy: 'createdMonth',
  measure: 'count',
  filters: {},
  chart: 'bar',
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The first definition, with the period and the branch another report tab passed along in the address. */
export function startingDefinition(params: URLSearchParams): TReportDefinition {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const unitId = params.get('unitId') ?? '';
  const filters: TBuilderFilters = {
    ...(DAY.test(from) ? { from } : {}),
    ...(DAY.test(to) && !(DAY.test(from) && from > to) ? { to } : {}),
    ...(ID.test(unitId) ? { unitId } : {}),
  };
  return { ...DEFAULT_DEFINITION, filters };
}

/** The definition moved to another entity: its groupings and measure where they fit, the period, owner and unit kept. */
export function forEntity(entity: TBuilderEntity, previous: TReportDefinition): TReportDefinition {
  const dimensions: readonly TBuilderDimension[] = DIMENSIONS_OF[entity];
  const measures: readonly string[] = MEASURES_OF[entity];
  const { from, to, ownerId, unitId } = previous.filters;
  const groupBy = dimensions.includes(previous.groupBy) ? previous.groupBy : (dimensions[0] as TBuilderDimension);
  const thenBy = previous.thenBy && dimensions.includes(previous.thenBy) && previous.thenBy !== groupBy ? previous.thenBy : undefined;
  return {
    entity,
    groupBy,
    ...(thenBy ? { thenBy } : {}),
    measure: measures.includes(previous.measure) ? previous.measure : 'count',
    filters: Object.fromEntries(Object.entries({ from, to, ownerId, unitId }).filter(([, value]) => value !== undefined)),
    chart: previous.chart,
  };
}

type Props = { value: TReportDefinition; onChange: (next: TReportDefinition) => void };

/** The definition's controls: entity, groupings, measure, chart type and the entity's filters. */
export function BuilderForm({ value, onChange }: Props) {
  const { t } = useTranslation('reportBuilder');
  const { locale } = useLocale();
  const { entity, filters } = value;
  const own: readonly string[] = FILTERS_OF[entity];
  const pipelines = usePipelines();
  const dimensions = DIMENSIONS_OF[entity].map((one) => ({ value: one, label: dimensionLabel(t, entity, one) }));
  const setFilters = (next: Partial<TBuilderFilters>) => {
    const merged = { ...filters, ...next };
    onChange({ ...value, filters: Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined && v !== null)) });
  };
  const statuses = entity in STATUSES_OF ? STATUSES_OF[entity as keyof typeof STATUSES_OF] : [];

  return (
    <Form layout="vertical" component="div">
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item label={t('form.entity')}>
            <Select
              aria-label={t('form.entity')}
              value={entity}
              onChange={(next: TBuilderEntity) => onChange(forEntity(next, value))}
              options={BUILDER_ENTITIES.map((one) => ({ value: one, label: t(`entities.${one}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item label={t('form.groupBy')}>
            <Select
              aria-label={t('form.groupBy')}
              value={value.groupBy}
              onChange={(groupBy: TBuilderDimension) =>
                onChange({ ...value, groupBy, ...(value.thenBy === groupBy ? { thenBy: undefined } : {}) })
              }
              options={dimensions}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item label={t('form.thenBy')}>
            <Select
              aria-label={t('form.thenBy')}
              allowClear
              placeholder={t('form.noSecondLevel')}
              value={value.thenBy}
              onChange={(thenBy?: TBuilderDimension) => onChange({ ...value, thenBy })}
              options={dimensions.filter((option) => option.value !== value.groupBy)}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={t('form.measure')}>
            <Select
              aria-label={t('form.measure')}
              value={value.measure}
              onChange={(measure: TReportDefinition['measure']) => onChange({ ...value, measure })}
              options={MEASURES_OF[entity].map((one) => ({ value: one, label: t(`measures.${one}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item label={t('form.chart')}>
            <Segmented
              aria-label={t('form.chart')}
              value={value.chart}
              onChange={(chart) => onChange({ ...value, chart: chart as TReportDefinition['chart'] })}
              options={BUILDER_CHARTS.map((one) => ({ value: one, label: t(`charts.${one}`) }))}
              style={{ maxWidth: '100%', overflowX: 'auto' }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={t(`form.period.${entity}`)}>
            <DatePicker.RangePicker
              aria-label={t(`form.period.${entity}`)}
              format={DATE_INPUT_FORMAT[locale]}
              allowEmpty={[true, true]}
              value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
              onChange={(range) =>
                setFilters({ from: range?.[0]?.format('YYYY-MM-DD') ?? undefined, to: range?.[1]?.format('YYYY-MM-DD') ?? undefined })
              }
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
        {own.includes('dateField') && (
          <Col xs={24} md={8}>
            <Form.Item label={t('form.dateField')}>
              <Select
                aria-label={t('form.dateField')}
                value={filters.dateField ?? 'created'}
                onChange={(dateField: 'created' | 'closed') => setFilters({ dateField: dateField === 'created' ? undefined : dateField })}
                options={(['created', 'closed'] as const).map((one) => ({ value: one, label: t(`form.dateFields.${one}`) }))}
              />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={8}>
          <Form.Item label={t(entity === 'activities' ? 'form.author' : 'form.owner')}>
            <UserSelect
              aria-label={t(entity === 'activities' ? 'form.author' : 'form.owner')}
              value={filters.ownerId ?? null}
              onChange={(ownerId) => setFilters({ ownerId: ownerId ?? undefined })}
              placeholder={t('form.anyone')}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={t('form.unit')}>
            <UnitSelect
              aria-label={t('form.unit')}
              value={filters.unitId ?? null}
              onChange={(unitId) => setFilters({ unitId: unitId ?? undefined })}
              placeholder={t('form.anyUnit')}
            />
          </Form.Item>
        </Col>
        {own.includes('status') && (
          <Col xs={24} md={8}>
            <Form.Item label={t('form.status')}>
              <Select
                aria-label={t('form.status')}
                mode="multiple"
                allowClear
                placeholder={t('form.any')}
                value={filters.status ?? []}
                onChange={(status: string[]) => setFilters({ status: status.length ? status : undefined })}
                options={statuses.map((one) => ({
                  value: one,
                  label: t(`values.${statusGroup(entity)}.${one}` as 'values.deals.open'),
                }))}
              />
            </Form.Item>
          </Col>
        )}
        {own.includes('stageId') && (
          <Col xs={24} md={8}>
            <Form.Item label={t('form.stage')}>
              <Select
                aria-label={t('form.stage')}
                allowClear
                placeholder={t('form.any')}
                value={filters.stageId}
                onChange={(stageId?: string) => setFilters({ stageId })}
                options={(pipelines.data ?? []).map((pipeline) => ({
                  label: pipeline.name,
                  options: pipeline.stages.map((stage) => ({ value: stage.id, label: stage.name })),
                }))}
              />
            </Form.Item>
          </Col>
        )}
        {own.includes('class') && (
          <Col xs={24} md={8}>
            <Form.Item label={t('form.class')}>
              <Select
                aria-label={t('form.class')}
                mode="multiple"
                allowClear
                placeholder={t('form.any')}
                value={filters.class ?? []}
                onChange={(next: NonNullable<TBuilderFilters['class']>) => setFilters({ class: next.length ? next : undefined })}
                options={CUSTOMER_CLASSES.map((one) => ({ value: one, label: one }))}
              />
            </Form.Item>
          </Col>
        )}
        {own.includes('type') && (
          <Col xs={24} md={8}>
            <Form.Item label={t('form.type')}>
              <Select
                aria-label={t('form.type')}
                mode="multiple"
                allowClear
                placeholder={t('form.any')}
                value={filters.type ?? []}
                onChange={(type: NonNullable<TBuilderFilters['type']>) => setFilters({ type: type.length ? type : undefined })}
                options={ACTIVITY_TYPES.map((one) => ({ value: one, label: t(`values.type.${one}`) }))}
              />
            </Form.Item>
          </Col>
        )}
      </Row>
    </Form>
  );
}
