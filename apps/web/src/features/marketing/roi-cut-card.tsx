import type { TRoiCut } from '@clientela/contract';
import { Card, Col, Flex, InputNumber, Row, Slider, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useDebouncedValue } from '../../lib/use-debounced-value.ts';
import { useRoiCut } from './campaigns-api.ts';
import { useMarketingFormat } from './marketing-format.ts';

type CutRow = TRoiCut['rows'][number];

/** "Cut the budget by N %": sources ranked by revenue per unit of cost, the weakest marked to cut, and what that risks. */
export function RoiCutCard({ period }: { period: { from: string; to: string } }) {
  const { t } = useTranslation('marketing');
  const [percent, setPercent] = useState(20);
  const asked = useDebouncedValue(percent);
  const cut = useRoiCut({ ...period, percent: asked });
  const format = useMarketingFormat(cut.data?.baseCurrency);
  const rows = cut.data?.rows ?? [];

  return (
    <Card title={t('roi.cutTitle')}>
      <Flex gap={16} align="center" wrap style={{ marginBottom: 16 }}>
        <Slider
          min={1}
          max={100}
          value={percent}
          onChange={setPercent}
          style={{ flex: '1 1 240px', maxWidth: 420 }}
          aria-label={t('roi.cutPercent')}
        />
        <InputNumber
          min={1}
          max={100}
          precision={0}
          value={percent}
          onChange={(value) => setPercent(Math.min(100, Math.max(1, Number(value ?? 1))))}
          suffix="%"
          aria-label={t('roi.cutPercent')}
          style={{ width: 110 }}
        />
      </Flex>
      <Typography.Paragraph type="secondary">{t('roi.cutHint')}</Typography.Paragraph>
      <ErrorAlert error={cut.error} />
      {cut.data && rows.length > 0 && (
        <Row gutter={16} style={{ marginBottom: 16 }}>
          <Col xs={24} sm={12}>
            <Statistic title={t('roi.saves')} value={format.money(cut.data.cutCost)} data-testid="cut-saves" />
          </Col>
          <Col xs={24} sm={12}>
            <Statistic
              title={t('roi.atRisk')}
              value={format.money(cut.data.revenueAtRisk)}
              styles={{ content: { color: '#cf1322' } }}
              data-testid="cut-risk"
            />
          </Col>
        </Row>
      )}
      <Table<CutRow>
        rowKey={(row) => row.source.id}
        size="small"
        dataSource={rows}
        pagination={false}
        loading={cut.isPending}
        locale={{ emptyText: cut.isPending ? ' ' : t('roi.cutEmpty') }}
        scroll={{ x: 'max-content' }}
        onRow={(row) => ({ style: row.cut ? { background: 'rgba(239, 68, 68, 0.08)' } : undefined, 'data-cut': row.cut }) as object}
        columns={[
          { key: 'rank', title: t('roi.cutRank'), width: 60, render: (_, _row, index) => format.number(index + 1) },
          { key: 'source', title: t('fields.source'), render: (_, row) => row.source.name },
          { key: 'cost', title: t('roi.cost'), align: 'right', render: (_, row) => format.money(row.cost) },
          { key: 'revenue', title: t('fields.revenue'), align: 'right', render: (_, row) => format.money(row.revenue) },
          { key: 'perCost', title: t('roi.revenuePerCost'), align: 'right', render: (_, row) => format.decimal(row.revenuePerCost) },
          {
            key: 'cut',
            title: t('roi.toCut'),
            render: (_, row) => (row.cut ? <Tag color="red">{t('roi.toCut')}</Tag> : <Tag color="green">{t('roi.keep')}</Tag>),
          },
        ]}
      />
    </Card>
  );
}
