import { AUDIT_ACTIONS, AUDIT_OUTCOMES, type TAuditAction, type TAuditEvent, type TAuditOutcome } from '@clientela/contract';
import { Button, Card, DatePicker, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatNumber } from '../../lib/format.ts';
import { useDebouncedValue } from '../../lib/use-debounced-value.ts';
import { DATE_INPUT_FORMAT, useFormatters } from '../customers/date-format.ts';
import { type AuditFilters, useAuditLog, useAuditPeople } from './api.ts';

const isAuditAction = (action: string): action is TAuditAction => (AUDIT_ACTIONS as readonly string[]).includes(action);

const OUTCOME_COLORS: Record<TAuditOutcome, string> = { success: 'green', failure: 'orange', denied: 'red' };

/** `/admin/audit-log`: who did what and when — sign-ins, refusals, exports, imports, deletions, merges, role changes, token use. */
export function AuditLogPage() {
  const { t } = useTranslation('auditLog');
  const format = useFormatters();
  const [filters, setFilters] = useState<AuditFilters>({
    actions: [],
    actor: undefined,
    outcome: undefined,
    from: undefined,
    to: undefined,
    q: '',
  });
  const q = useDebouncedValue(filters.q, 300);
  const log = useAuditLog({ ...filters, q });
  const people = useAuditPeople();
  const rows = log.data?.pages.flatMap((page) => page.data) ?? [];
  const total = log.data?.pages[0]?.total ?? 0;
  const change = (next: Partial<AuditFilters>) => setFilters((current) => ({ ...current, ...next }));
  const actionLabel = (action: string) => (isAuditAction(action) ? t(`actions.${action}`) : action);

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <Select
            mode="multiple"
            allowClear
            aria-label={t('filters.actions')}
            placeholder={t('filters.actions')}
            value={filters.actions}
            onChange={(actions) => change({ actions })}
            options={AUDIT_ACTIONS.map((value) => ({ value, label: t(`actions.${value}`) }))}
            style={{ minWidth: 240 }}
          />
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            aria-label={t('filters.person')}
            placeholder={t('filters.person')}
            value={filters.actor}
            onChange={(actor) => change({ actor })}
            options={(people.data?.data ?? []).map((user) => ({ value: user.id, label: user.name }))}
            style={{ minWidth: 180 }}
          />
          <Select<TAuditOutcome>
            allowClear
            aria-label={t('filters.outcome')}
            placeholder={t('filters.outcome')}
            value={filters.outcome}
            onChange={(outcome) => change({ outcome })}
            options={AUDIT_OUTCOMES.map((value) => ({ value, label: t(`outcomes.${value}`) }))}
            style={{ minWidth: 140 }}
          />
          <DatePicker.RangePicker
            aria-label={t('filters.days')}
            format={DATE_INPUT_FORMAT[format.locale]}
            value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
            onChange={(range) => change({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
          />
          <Input.Search
            allowClear
            aria-label={t('filters.search')}
            placeholder={t('filters.search')}
            value={filters.q}
            onChange={(event) => change({ q: event.target.value })}
            style={{ maxWidth: 280 }}
          />
        </Flex>
        <ErrorAlert error={log.error ?? people.error} />
        <Table<TAuditEvent>
          rowKey="id"
          dataSource={rows}
          loading={log.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('empty') }}
          columns={[
            { key: 'at', title: t('columns.at'), className: 'nowrap', render: (_, event) => format.dateTime(event.at) },
            {
              key: 'who',
              title: t('columns.who'),
              render: (_, event) => (
                <>
                  {event.actorName ?? t(`actorKinds.${event.actorKind}`)}
                  {event.actorKind === 'token' && <Typography.Text type="secondary"> · {t('actorKinds.token')}</Typography.Text>}
                </>
              ),
            },
            { key: 'action', title: t('columns.action'), render: (_, event) => actionLabel(event.action) },
            {
              key: 'outcome',
              title: t('columns.outcome'),
              render: (_, event) => <Tag color={OUTCOME_COLORS[event.outcome]}>{t(`outcomes.${event.outcome}`)}</Tag>,
            },
            { key: 'record', title: t('columns.record'), render: (_, event) => [event.entity, event.recordId].filter(Boolean).join(' · ') },
            {
              key: 'request',
              title: t('columns.request'),
              render: (_, event) => (event.request ? <Typography.Text code>{event.request}</Typography.Text> : null),
            },
            { key: 'ip', title: t('columns.ip'), render: (_, event) => event.ip ?? '' },
          ]}
        />
        {rows.length > 0 && (
          <Flex justify="space-between" align="center" style={{ marginTop: 16 }}>
            <Typography.Text type="secondary">
              {t('shown', { shown: formatNumber(rows.length, format.locale), total: formatNumber(total, format.locale) })}
            </Typography.Text>
            {log.hasNextPage && (
              <Button onClick={() => log.fetchNextPage()} loading={log.isFetchingNextPage}>
                {t('loadMore')}
              </Button>
            )}
          </Flex>
        )}
      </Card>
    </>
  );
}
