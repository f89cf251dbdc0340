import { PLAN_KINDS, type TPlanKind } from '@clientela/contract';
import { Alert, App, Button, Card, DatePicker, Flex, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { isApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/errors.ts';
import { usePlanGrid, useSavePlans } from './api.ts';
import { changeCount, type Drafts, type GridRow, gridRows, refusedRows, rowKey, savePayload } from './plan-grid.ts';
import { PlanTable } from './plan-table.tsx';
import { TargetSelect } from './target-select.tsx';

/** `/plans`: sales plans per month for the company, units, managers, products and customers. */
export function PlansPage() {
  const { t } = useTranslation('forecast');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const kind: TPlanKind = PLAN_KINDS.find((one) => one === params.get('kind')) ?? 'total';
  const year = Number(params.get('year')) || new Date().getFullYear();
  const grid = usePlanGrid(kind, year);
  const save = useSavePlans();
  const [drafts, setDrafts] = useState<Drafts>({});
  const [added, setAdded] = useState<GridRow[]>([]);
  const [refused, setRefused] = useState<ReadonlySet<string>>(new Set());
  // biome-ignore lint/correctness/useExhaustiveDependencies: another kind or year starts a clean grid.
  useEffect(() => {
    setDrafts({});
    setAdded([]);
    setRefused(new Set());
  }, [kind, year]);

  const data = grid.data?.kind === kind ? grid.data : undefined;
  const rows = gridRows(kind, data, added);
  const payload = savePayload(kind, rows, drafts);
  const changes = changeCount(payload);
  const canEdit = data?.canEdit ?? false;
  const choose = (next: Record<string, string>) =>
    setParams((current) => new URLSearchParams({ ...Object.fromEntries(current), ...next }), { replace: true });

  const onSave = async () => {
    if (!payload) return;
    try {
      await save.mutateAsync(payload);
      await grid.refetch();
      setDrafts({});
      setRefused(new Set());
      message.success(t('plans.saved'));
    } catch (error) {
      setRefused(
        isApiError(error)
          ? refusedRows(
              payload,
              error.errors.map((e) => e.path),
            )
          : new Set(),
      );
      message.error(errorMessage(tc, error));
    }
  };

  return (
    <>
      <Flex justify="space-between" align="flex-start" gap={16} wrap style={{ marginBottom: 24 }}>
        <div>
          <Typography.Title level={2} style={{ margin: 0 }}>
            {t('plans.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('plans.subtitle')}</Typography.Text>
        </div>
      </Flex>
      <Card>
        <Space wrap size={12} style={{ marginBottom: 16 }}>
          <Select
            aria-label={t('plans.kind')}
            value={kind}
            onChange={(next) => choose({ kind: next })}
            options={PLAN_KINDS.map((value) => ({ value, label: t(`kind.${value}`) }))}
            style={{ minWidth: 180 }}
          />
          <DatePicker
            picker="year"
            aria-label={t('plans.year')}
            allowClear={false}
            value={dayjs(`${year}-01-01`)}
            onChange={(value) => value && choose({ year: String(value.year()) })}
          />
          {canEdit && kind !== 'total' && (
            <TargetSelect
              key={`${kind}-${rows.length}`}
              kind={kind}
              action="set"
              placeholder={t('plans.pickTarget')}
              aria-label={t('plans.pickTarget')}
              exclude={new Set(rows.map((row) => rowKey(row.targetId)))}
              onChange={(targetId, name) => {
                if (targetId) setAdded((current) => [...current, { targetId, name: name ?? '', months: {}, editable: true }]);
              }}
            />
          )}
        </Space>
        <ErrorAlert error={grid.error} />
        {data && !canEdit && <Alert type="info" showIcon title={t('plans.readOnly')} style={{ marginBottom: 16 }} />}
        {refused.size > 0 && <Alert type="error" showIcon title={t('plans.invalid')} style={{ marginBottom: 16 }} />}
        <PlanTable
          months={data?.months ?? []}
          rows={rows}
          drafts={drafts}
          refused={refused}
          currency={data?.baseCurrency ?? 'EUR'}
          loading={grid.isPending}
          onChange={(row, month, value) =>
            setDrafts((current) => ({ ...current, [rowKey(row.targetId)]: { ...current[rowKey(row.targetId)], [month]: value } }))
          }
        />
        {canEdit && (
          <Flex justify="space-between" align="center" gap={12} wrap style={{ marginTop: 16 }}>
            <Typography.Text type="secondary">{t('plans.hint', { currency: data?.baseCurrency ?? '' })}</Typography.Text>
            <Space>
              {changes > 0 && <Typography.Text>{t('plans.unsaved', { count: changes })}</Typography.Text>}
              <Button
                disabled={changes === 0}
                onClick={() => {
                  setDrafts({});
                  setRefused(new Set());
                }}
              >
                {t('plans.discard')}
              </Button>
              <Button type="primary" disabled={changes === 0} loading={save.isPending} onClick={onSave}>
                {t('plans.save')}
              </Button>
            </Space>
          </Flex>
        )}
      </Card>
    </>
  );
}
