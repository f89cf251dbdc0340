import type { TForecast } from '@clientela/contract';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartOption } from '../../components/chart.tsx';
import { useLocale } from '../locale/locale-context.tsx';
import { ReportChart } from './report-chart.tsx';
import { compactNumber, money, periodLabel } from './report-format.ts';

export const ACTUAL_COLOR = '#0f766e';
export const PLAN_COLOR = '#d97706';
/** The forecast is the actual's colour, lighter and outlined with dashes: not yet real. */
export const FORECAST_STYLE = {
  color: 'rgba(15, 118, 110, 0.3)',
  borderColor: ACTUAL_COLOR,
  borderType: 'dashed',
  borderWidth: 1,
} as const;

const value = (amount: string | null) => (amount === null ? null : Number(amount));

/** Plan (a line), actual (bars) and forecast (lighter bars) for each month, past and coming. */
export function ForecastChart({ report }: { report: TForecast }) {
  const { t } = useTranslation('forecast');
  const { locale } = useLocale();
  const option = useMemo((): ChartOption => {
    const currency = report.baseCurrency;
    return {
      tooltip: { trigger: 'axis', valueFormatter: (amount) => (amount == null ? '—' : money(String(amount), currency, locale)) },
      legend: { bottom: 0 },
      grid: { left: 8, right: 8, top: 16, bottom: 40 },
      xAxis: { type: 'category', data: report.months.map((m) => periodLabel(m.month, locale)) },
      yAxis: { type: 'value', axisLabel: { formatter: (amount: number) => compactNumber(amount, locale) } },
      series: [
        {
          id: 'actual',
          name: t('forecast.actual'),
          type: 'bar',
          data: report.months.map((m) => value(m.actual)),
          itemStyle: { color: ACTUAL_COLOR },
        },
        {
          id: 'forecast',
          name: t('forecast.forecast'),
          type: 'bar',
          data: report.months.map((m) => value(m.forecast)),
          itemStyle: FORECAST_STYLE,
        },
        {
          id: 'plan',
          name: t('forecast.plan'),
          type: 'line',
          data: report.months.map((m) => value(m.plan)),
          itemStyle: { color: PLAN_COLOR },
          lineStyle: { color: PLAN_COLOR, width: 2 },
          connectNulls: false,
        },
      ],
    };
  }, [report, locale, t]);
  return <ReportChart option={option} label={t('forecast.chart')} />;
}
