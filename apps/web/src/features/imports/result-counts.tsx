import type { TImport } from '@clientela/contract';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { OUTCOME_COLORS } from './outcome-colors.ts';

type Count = keyof TImport['counts'];

const SHOWN: { key: Count; color?: string }[] = [
  { key: 'created', color: OUTCOME_COLORS.created },
  { key: 'updated', color: OUTCOME_COLORS.updated },
  // A skipped row changed nothing: its number stays in the text colour (its part of the chart is grey).
  { key: 'skipped' },
  { key: 'rejected', color: OUTCOME_COLORS.rejected },
  { key: 'modified', color: OUTCOME_COLORS.modified },
];

/** What the run did so far: created, updated, skipped, rejected, imported with changes. */
export function ResultCounts({ counts }: { counts: TImport['counts'] }) {
  const { t } = useTranslation('imports');
  const { locale } = useLocale();
  return (
    <Row gutter={[16, 16]}>
      {SHOWN.map(({ key, color }) => (
        <Col key={key} xs={12} sm={8} lg={{ flex: '1 1 0' }}>
          <Card size="small" data-testid={`count-${key}`} style={{ height: '100%' }}>
            <Statistic
              title={t(`result.${key}`)}
              value={counts[key]}
              formatter={(value) => formatNumber(Number(value), locale)}
              styles={color && counts[key] > 0 ? { content: { color } } : undefined}
            />
            {/* Not a fifth outcome: without this, the five numbers seem to add up to more rows than the file has. */}
            {key === 'modified' && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('result.modifiedHint')}
              </Typography.Text>
            )}
          </Card>
        </Col>
      ))}
    </Row>
  );
}
