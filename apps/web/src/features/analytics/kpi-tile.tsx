import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined, RiseOutlined } from '@ant-design/icons';
import type { TKpiValue, TLocale } from '@clientela/contract';
import { Card, Flex, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Change, changeOf, formatCount, formatPercent, formatSum } from './kpi-format.ts';

type Props = { kpi: TKpiValue; currency: string; locale: TLocale; href: string };

/** An arrow, a percentage and a colour for a change; "new" when there was nothing before. */
function ChangeMark({ change, locale, testId }: { change: Change; locale: TLocale; testId: string }) {
  const { t } = useTranslation('analytics');
  const { token } = theme.useToken();
  const colour = { up: token.colorSuccess, new: token.colorSuccess, down: token.colorError, flat: token.colorTextSecondary }[
    change.direction
  ];
  const icon = { up: <ArrowUpOutlined />, down: <ArrowDownOutlined />, flat: <MinusOutlined />, new: <RiseOutlined /> }[change.direction];
  const text = change.percent === null ? t(`kpi.change.${change.direction}`) : formatPercent(change.percent, locale);
  return (
    <Typography.Text
      data-testid={testId}
      data-direction={change.direction}
      style={{ color: colour }}
      aria-label={t(`kpi.change.${change.direction}Label`, { value: text })}
    >
      {icon} {text}
    </Typography.Text>
  );
}

/** One KPI: its count (and sum) in the period, the previous period's, and how it moved; a click opens the records. */
export function KpiTile({ kpi, currency, locale, href }: Props) {
  const { t } = useTranslation('analytics');
  const { current, previous, measure } = kpi;
  return (
    <Link to={href} aria-label={t('kpi.open', { name: t(`kpi.measures.${measure}`) })} data-testid={`kpi-${measure}`}>
      <Card hoverable size="small" style={{ height: '100%' }}>
        <Typography.Text type="secondary">{t(`kpi.measures.${measure}`)}</Typography.Text>
        <Flex align="baseline" gap={8} wrap>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid={`kpi-${measure}-count`}>
            {formatCount(current.count, locale)}
          </Typography.Title>
          <ChangeMark change={changeOf(current.count, previous.count)} locale={locale} testId={`kpi-${measure}-change`} />
        </Flex>
        {current.sum !== null && previous.sum !== null && (
          <Flex align="baseline" gap={8} wrap>
            <Typography.Text strong data-testid={`kpi-${measure}-sum`}>
              {formatSum(current.sum, currency, locale)}
            </Typography.Text>
            <ChangeMark change={changeOf(current.sum, previous.sum)} locale={locale} testId={`kpi-${measure}-sum-change`} />
          </Flex>
        )}
        <Typography.Text type="secondary" data-testid={`kpi-${measure}-previous`}>
          {t('kpi.previous', {
            value:
              previous.sum === null
                ? formatCount(previous.count, locale)
                : `${formatCount(previous.count, locale)} · ${formatSum(previous.sum, currency, locale)}`,
          })}
        </Typography.Text>
      </Card>
    </Link>
  );
}
