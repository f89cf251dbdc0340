import type { TBacktestMonth, TForecast } from '@clientela/contract';
import { Card, Table, type TableColumnsType, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartOption } from '../../components/chart.tsx';
import { useLocale } from '../locale/locale-context.tsx';
import { ACTUAL_COLOR, FORECAST_STYLE } from './forecast-chart.tsx';
import { ReportChart } from './report-chart.tsx';
import { compactNumber, money, percent, periodLabel } from './report-format.ts';

/** What the model would have forecast at past month starts against what happened, and how far off it was. */
export function ForecastBacktest({ report }: { report: TForecast }) {
  const { t } = useTranslation('forecast');
  const { locale } = useLocale();
  const { backtest, baseCurrency: currency } = report;
  const option = useMemo(
    (): ChartOption => ({
      tooltip: { trigger: 'axis', valueFormatter: (amount) => money(String(amount), currency, locale) },
      // The legend above: below, a short chart's month labels would run into it.
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 36, bottom: 8 },
      xAxis: { type: 'category', data: backtest.months.map((m) => periodLabel(m.month, locale)) },
      yAxis: { type: 'value', axisLabel: { formatter: (amount: number) => compactNumber(amount, locale) } },
      series: [
        {
          id: 'actual',
          name: t('backtest.actual'),
          type: 'bar',
          data: backtest.months.map((m) => Number(m.actual)),
          itemStyle: { color: ACTUAL_COLOR },
        },
        {
          id: 'forecast',
          name: t('backtest.forecast'),
          type: 'bar',
          data: backtest.months.map((m) => Number(m.forecast)),
          itemStyle: FORECAST_STYLE,
        },
      ],
    }),
    [backtest, currency, locale, t],
  );
  const columns: TableColumnsType<TBacktestMonth> = [
    { key: 'month', title: t('backtest.month'), render: (_, m) => periodLabel(m.month, locale) },
    { key: 'forecast', title: t('backtest.forecast'), align: 'right', render: (_, m) => money(m.forecast, currency, locale) },
    { key: 'actual', title: t('backtest.actual'), align: 'right', render: (_, m) => money(m.actual, currency, locale) },
    { key: 'error', title: t('backtest.error'), align: 'right', render: (_, m) => money(m.error, currency, locale) },
    { key: 'errorPercent', title: t('backtest.errorPercent'), align: 'right', render: (_, m) => percent(m.errorPercent, locale) },
  ];
  const bias = Number(backtest.bias);
  return (
    <Card size="small" title={t('backtest.title')} style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">{t('backtest.intro')}</Typography.Paragraph>
      <Typography.Paragraph data-testid="backtest-summary">
        <Typography.Text strong>
          {backtest.mape === null ? t('backtest.noSales') : t('backtest.offBy', { percent: percent(backtest.mape, locale) })}
        </Typography.Text>{' '}
        {backtest.monthsWithoutSales > 0 &&
          backtest.mape !== null &&
          `${t('backtest.withoutSales', { count: backtest.monthsWithoutSales })} `}
        {bias > 0 && t('backtest.tooHigh', { amount: money(backtest.bias, currency, locale) })}
        {bias < 0 && t('backtest.tooLow', { amount: money(backtest.bias.replace('-', ''), currency, locale) })}
      </Typography.Paragraph>
      <ReportChart option={option} height={200} label={t('backtest.chart')} />
      <Table<TBacktestMonth>
        rowKey="month"
        size="small"
        columns={columns}
        dataSource={backtest.months}
        pagination={false}
        data-testid="backtest-table"
      />
    </Card>
  );
}
