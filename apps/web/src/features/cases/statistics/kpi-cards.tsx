import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from '@ant-design/icons';
import type { TCaseStatistics, TLocale } from '@clientela/contract';
import { Card, Col, Flex, Row, Statistic, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format.ts';
import { changeOf, formatPercent } from '../../analytics/kpi-format.ts';
import { formatHours, formatShare } from './stats-format.ts';

type Figures = TCaseStatistics['current'];
type Metric = keyof Omit<Figures, 'from' | 'to'>;

/** The figures shown as cards, how each is written, and which way is better (none: neither). */
const METRICS: { key: Metric; kind: 'count' | 'share' | 'hours' | 'score'; better: 'up' | 'down' | null }[] = [
  { key: 'received', kind: 'count', better: null },
  { key: 'resolved', kind: 'count', better: 'up' },
  { key: 'open', kind: 'count', better: 'down' },
  { key: 'slaCompliance', kind: 'share', better: 'up' },
  { key: 'firstResponseCompliance', kind: 'share', better: 'up' },
  { key: 'avgHandlingHours', kind: 'hours', better: 'down' },
  { key: 'avgSatisfaction', kind: 'score', better: 'up' },
  { key: 'unfounded', kind: 'count', better: 'down' },
];

function formatValue(kind: (typeof METRICS)[number]['kind'], value: number | null, locale: TLocale): string {
  if (value === null) return '—';
  if (kind === 'share') return formatShare(value, locale);
  if (kind === 'hours') return formatHours(value, locale);
  return formatNumber(value, locale);
}

type ChangeProps = {
  now: number | null;
  before: number | null;
  better: 'up' | 'down' | null;
  against: 'previous' | 'lastYear';
  testId: string;
  locale: TLocale;
};

/** How a figure moved against another period: an arrow, a percentage, green when better, red when worse. */
function ChangeMark({ now, before, better, against, testId, locale }: ChangeProps) {
  const { t } = useTranslation('caseStats');
  const { token } = theme.useToken();
  if (now === null || before === null) {
    return (
      <Typography.Text type="secondary" data-testid={testId} data-direction="none">
        {t(`change.${against}`, { value: '—' })}
      </Typography.Text>
    );
  }
  const change = changeOf(now, before);
  const rising = change.direction === 'up' || change.direction === 'new';
  const good = better === null || change.direction === 'flat' ? null : rising === (better === 'up');
  const colour = good === null ? token.colorTextSecondary : good ? token.colorSuccess : token.colorError;
  const icon = change.direction === 'flat' ? <MinusOutlined /> : rising ? <ArrowUpOutlined /> : <ArrowDownOutlined />;
  const value = change.percent === null ? t(`direction.${change.direction}`) : formatPercent(change.percent, locale);
  return (
    <Typography.Text data-testid={testId} data-direction={change.direction} style={{ color: colour }}>
      {icon} {t(`change.${against}`, { value })}
    </Typography.Text>
  );
}

/** A card per figure of the period, with its change against the previous period and against a year before. */
export function KpiCards({ stats, locale }: { stats: TCaseStatistics; locale: TLocale }) {
  const { t } = useTranslation('caseStats');
  return (
    <Row gutter={[16, 16]}>
      {METRICS.map(({ key, kind, better }) => (
        <Col key={key} xs={24} sm={12} lg={6}>
          <Card size="small" style={{ height: '100%' }} data-testid={`stat-${key}`}>
            <Statistic
              title={t(`figures.${key}`)}
              value={formatValue(kind, stats.current[key], locale)}
              valueRender={(node) => <span data-testid={`stat-${key}-value`}>{node}</span>}
            />
            <Flex vertical gap={2}>
              <ChangeMark
                now={stats.current[key]}
                before={stats.previous[key]}
                better={better}
                against="previous"
                testId={`stat-${key}-previous`}
                locale={locale}
              />
              <ChangeMark
                now={stats.current[key]}
                before={stats.lastYear[key]}
                better={better}
                against="lastYear"
                testId={`stat-${key}-last-year`}
                locale={locale}
              />
            </Flex>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
