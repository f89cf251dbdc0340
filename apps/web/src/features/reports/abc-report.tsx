import { ABC_CLASSES, type TAbcCell, type TAbcCustomer, XYZ_CLASSES } from '@clientela/contract';
import { App, Button, Card, Col, Flex, Row, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { useMe } from '../auth/api.ts';
import { useFormatters } from '../customers/date-format.ts';
import { AbcSettingsForm } from './abc-settings-form.tsx';
import { useAbcSettings, useApplyAbc, useReport } from './api.ts';
import { BasisSelect, ControlsRow, ExportReportButton, PeriodPicker, RefreshedAt } from './report-controls.tsx';
import { money, percent } from './report-format.ts';
import { useReportParams } from './use-report-params.ts';

/** A cell's colour: the larger its share of revenue, the warmer. */
function heat(share: number): string {
  const lightness = 96 - Math.round(Math.min(1, share) * 46);
  return `hsl(28, 90%, ${lightness}%)`;
}

/** The ABC×XYZ matrix, the customers in the chosen cell, every customer's classes, and (admins) the settings and writing the classes. */
export function AbcReport() {
  const { t } = useTranslation('reports');
  const { t: tc } = useTranslation();
  const { modal, message } = App.useApp();
  const me = useMe();
  const format = useFormatters();
  const locale = format.locale;
  const { get } = useReportParams();
  const [cell, setCell] = useState<{ abc: string; xyz: string } | null>(null);
  const params = { from: get('from'), to: get('to'), basis: get('basis') };
  const report = useReport('abc', params);
  const settings = useAbcSettings();
  const apply = useApplyAbc();
  const data = report.data;
  const currency = data?.baseCurrency ?? 'EUR';
  const total = Number(data?.total ?? 0);
  const cellOf = (abc: string, xyz: string): TAbcCell | undefined => data?.matrix.find((m) => m.abc === abc && m.xyz === xyz);
  const inCell = cell ? (data?.customers ?? []).filter((c) => c.abc === cell.abc && c.xyz === cell.xyz) : [];

  const confirmApply = () =>
    modal.confirm({
      title: t('abc.applyTitle'),
      content: t('abc.applyConfirm', { count: data?.customers.length ?? 0 }),
      okText: t('abc.apply'),
      onOk: async () => {
        try {
          const result = await apply.mutateAsync({ from: data?.from, to: data?.to });
          message.success(t('abc.applied', { count: result.changed }));
        } catch (error) {
          message.error(errorMessage(tc, error));
        }
      },
    });

  const columns: TableColumnsType<TAbcCustomer> = [
    { key: 'company', title: t('abc.customer'), render: (_, c) => <Link to={`/companies/${c.company.id}`}>{c.company.name}</Link> },
    { key: 'revenue', title: t('abc.revenue'), align: 'right', render: (_, c) => money(c.revenue, currency, locale) },
    { key: 'share', title: t('abc.share'), align: 'right', render: (_, c) => percent(c.share, locale) },
    { key: 'cumulative', title: t('abc.cumulativeShare'), align: 'right', render: (_, c) => percent(c.cumulativeShare, locale) },
    { key: 'abc', title: 'ABC', align: 'center', render: (_, c) => <Tag>{c.abc}</Tag> },
    { key: 'cv', title: t('abc.cv'), align: 'right', render: (_, c) => percent(c.cv, locale) },
    { key: 'xyz', title: 'XYZ', align: 'center', render: (_, c) => <Tag>{c.xyz}</Tag> },
    { key: 'current', title: t('abc.currentClass'), align: 'center', render: (_, c) => c.currentClass ?? '—' },
  ];

  return (
    <>
      <ControlsRow>
        <PeriodPicker />
        <BasisSelect />
        <ExportReportButton report="abc" params={params} />
        <RefreshedAt query={report} />
        {me.role === 'admin' && (
          <Button type="primary" onClick={confirmApply} loading={apply.isPending} disabled={!data?.customers.length}>
            {t('abc.apply')}
          </Button>
        )}
      </ControlsRow>
      <ErrorAlert error={report.error} />
      {data && (
        <Typography.Paragraph type="secondary">
          {t('abc.summary', {
            from: format.calendarDate(data.from),
            to: format.calendarDate(data.to),
            total: money(data.total, currency, locale),
            count: data.customers.length,
          })}{' '}
          {Number(data.unassigned) > 0 && t('abc.unassigned', { amount: money(data.unassigned, currency, locale) })}{' '}
          {data.writtenAt ? t('abc.writtenAt', { date: format.dateTime(data.writtenAt) }) : t('abc.neverWritten')}
        </Typography.Paragraph>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('abc.matrix')}>
            <table className="abc-matrix" style={{ width: '100%', borderCollapse: 'separate', borderSpacing: 4 }}>
              <thead>
                <tr>
                  <th />
                  {XYZ_CLASSES.map((xyz) => (
                    <th key={xyz}>{xyz}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {ABC_CLASSES.map((abc) => (
                  <tr key={abc}>
                    <th>{abc}</th>
                    {XYZ_CLASSES.map((xyz) => {
                      const one = cellOf(abc, xyz);
                      const chosen = cell?.abc === abc && cell?.xyz === xyz;
                      return (
                        <td key={xyz} style={{ padding: 0 }}>
                          <button
                            type="button"
                            aria-pressed={chosen}
                            aria-label={t('abc.cell', { cell: `${abc}${xyz}`, count: one?.count ?? 0 })}
                            onClick={() => setCell(chosen ? null : { abc, xyz })}
                            style={{
                              width: '100%',
                              minHeight: 64,
                              border: chosen ? '2px solid #1677ff' : '1px solid #f0f0f0',
                              borderRadius: 6,
                              cursor: 'pointer',
                              background: heat(total > 0 ? Number(one?.revenue ?? 0) / total : 0),
                            }}
                          >
                            <Flex vertical align="center">
                              <Typography.Text strong>
                                {abc}
                                {xyz} · {one?.count ?? 0}
                              </Typography.Text>
                              <Typography.Text type="secondary">{money(one?.revenue ?? '0', currency, locale)}</Typography.Text>
                            </Flex>
                          </button>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={cell ? t('abc.customersOf', { cell: `${cell.abc}${cell.xyz}` }) : t('abc.pickCell')}>
            {cell &&
              (inCell.length ? (
                <ul data-testid="cell-customers" style={{ margin: 0, paddingInlineStart: 20 }}>
                  {inCell.map((c) => (
                    <li key={c.company.id}>
                      <Link to={`/companies/${c.company.id}`}>{c.company.name}</Link> — {money(c.revenue, currency, locale)}
                    </li>
                  ))}
                </ul>
              ) : (
                <Typography.Text type="secondary">{t('abc.emptyCell')}</Typography.Text>
              ))}
          </Card>
        </Col>
      </Row>
      <Table<TAbcCustomer>
        style={{ marginTop: 16 }}
        rowKey={(c) => c.company.id}
        size="middle"
        columns={columns}
        dataSource={data?.customers ?? []}
        loading={report.isPending}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('table.empty') }}
      />
      {me.role === 'admin' && settings.data && <AbcSettingsForm settings={settings.data} />}
    </>
  );
}
