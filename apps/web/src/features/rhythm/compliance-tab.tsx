import type { TRhythmManagerLine, TRhythmOverdue, TRhythmScopeQuery } from '@clientela/contract';
import { Alert, Card, Flex, Skeleton, Table, Tag, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatCalendarDate, formatInstant, formatNumber, formatPercent } from '../../lib/format.ts';
import { useMe } from '../auth/api.ts';
import { UserSelect } from '../customers/user-select.tsx';
import { useLocale } from '../locale/locale-context.tsx';
import { UnitSelect } from '../units/unit-select.tsx';
import { useCompliance } from './api.ts';
import { CustomerLink } from './customer-link.tsx';

const ComplianceChart = lazy(async () => ({ default: (await import('./compliance-chart.tsx')).ComplianceChart }));

/** Per manager: customers with a class kept in rhythm or overdue, and the overdue ones, most late first. */
export function ComplianceTab() {
  const { t } = useTranslation('rhythm');
  const { locale } = useLocale();
  const me = useMe();
  const [scope, setScope] = useState<TRhythmScopeQuery>({});
  const report = useCompliance(scope);
  const labels = useMemo(
    () => ({ onTime: t('compliance.onTime'), overdue: t('compliance.overdue'), noOwner: t('compliance.noOwner') }),
    [t],
  );
  const data = report.data;
  const owners = new Map(data?.managers.map((m) => [m.ownerId, m.ownerName]) ?? []);

  return (
    <Flex vertical gap={16}>
      {/* An employee sees their own customers only: there is nothing to narrow. */}
      {me.role !== 'employee' && (
        <Flex gap={8} wrap>
          <UserSelect
            value={scope.ownerId ?? null}
            onChange={(ownerId) => setScope((s) => ({ ...s, ownerId: ownerId ?? undefined }))}
            placeholder={t('filters.anyManager')}
            aria-label={t('filters.manager')}
            style={{ minWidth: 220 }}
          />
          <div style={{ minWidth: 220 }}>
            <UnitSelect
              value={scope.unitId ?? null}
              onChange={(unitId) => setScope((s) => ({ ...s, unitId: unitId ?? undefined }))}
              placeholder={t('filters.anyUnit')}
              aria-label={t('filters.unit')}
            />
          </div>
        </Flex>
      )}
      <ErrorAlert error={report.error} />
      {data && (
        <>
          <Typography.Text>
            {t('compliance.summary', {
              date: formatCalendarDate(data.today, locale),
              percent: formatPercent(data.totals.compliancePercent, locale),
              overdue: formatNumber(data.totals.overdue, locale),
              total: formatNumber(data.totals.total, locale),
            })}
          </Typography.Text>
          {data.managers.length === 0 ? (
            <Alert type="info" showIcon title={t('compliance.empty')} />
          ) : (
            <Card size="small">
              <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 260 }} />}>
                <ComplianceChart lines={data.managers} labels={labels} />
              </Suspense>
            </Card>
          )}
          <Table<TRhythmManagerLine>
            size="small"
            rowKey={(line) => line.ownerId ?? 'none'}
            pagination={false}
            dataSource={data.managers}
            aria-label={t('compliance.perManager')}
            columns={[
              { key: 'owner', title: t('columns.manager'), render: (_, line) => line.ownerName ?? t('compliance.noOwner') },
              { key: 'total', title: t('columns.total'), align: 'right', render: (_, line) => formatNumber(line.total, locale) },
              { key: 'onTime', title: t('columns.onTime'), align: 'right', render: (_, line) => formatNumber(line.onTime, locale) },
              { key: 'overdue', title: t('columns.overdue'), align: 'right', render: (_, line) => formatNumber(line.overdue, locale) },
              {
                key: 'percent',
                title: t('columns.compliance'),
                align: 'right',
                render: (_, line) => (
                  <Tag color={line.compliancePercent >= 90 ? 'green' : line.compliancePercent >= 70 ? 'orange' : 'red'}>
                    {formatPercent(line.compliancePercent, locale)}
                  </Tag>
                ),
              },
            ]}
          />
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('compliance.overdueTitle', { count: data.overdueTotal })}
          </Typography.Title>
          {data.overdueTotal > data.overdue.length && (
            <Typography.Text type="secondary">{t('compliance.overdueCapped', { shown: data.overdue.length })}</Typography.Text>
          )}
          <Table<TRhythmOverdue>
            size="small"
            rowKey="id"
            dataSource={data.overdue}
            pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
            aria-label={t('compliance.overdueList')}
            columns={[
              { key: 'name', title: t('columns.customer'), render: (_, row) => <CustomerLink customer={row} /> },
              { key: 'class', title: t('columns.class'), render: (_, row) => <Tag>{row.class}</Tag> },
              { key: 'owner', title: t('columns.manager'), render: (_, row) => owners.get(row.ownerId) ?? t('compliance.noOwner') },
              {
                key: 'last',
                title: t('columns.lastContact'),
                render: (_, row) => (row.lastContactAt ? formatInstant(row.lastContactAt, locale, me.timeZone, 'date') : t('never')),
              },
              { key: 'due', title: t('columns.dueOn'), render: (_, row) => formatCalendarDate(row.dueOn, locale) },
              {
                key: 'days',
                title: t('columns.daysOverdue'),
                align: 'right',
                render: (_, row) => <Typography.Text type="danger">{t('days', { count: row.daysOverdue })}</Typography.Text>,
              },
            ]}
          />
        </>
      )}
      {report.isPending && <Skeleton active />}
    </Flex>
  );
}
