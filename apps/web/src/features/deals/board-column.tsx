import type { TPipelineBoard, TPipelineStage } from '@clientela/contract';
import { useDroppable } from '@dnd-kit/core';
import { Button, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMoney, formatPercent } from '../../lib/format.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { DealCard } from './deal-card.tsx';

const KIND_COLOR = { open: undefined, won: 'green', lost: 'red' } as const;

type Props = {
  stage: TPipelineStage;
  column: TPipelineBoard['columns'][number];
  baseCurrency: string;
  /** Its place on the board, from the left. */
  index: number;
  onLoadMore: () => void;
  loadingMore: boolean;
};

/** One stage of the board: its count and sum, its cards and a drop target for others. */
export function BoardColumn({ stage, column, baseCurrency, index, onLoadMore, loadingMore }: Props) {
  const { t } = useTranslation('deals');
  const { locale } = useLocale();
  const { setNodeRef, isOver } = useDroppable({ id: stage.id, data: { stage } });
  return (
    <section
      ref={setNodeRef}
      data-stage-column={index}
      aria-label={stage.name}
      style={{
        flex: '0 0 280px',
        background: isOver ? 'var(--ant-color-primary-bg, #e6f4ff)' : 'var(--ant-color-fill-quaternary, #fafafa)',
        borderRadius: 8,
        padding: 12,
        minHeight: 240,
      }}
    >
      <Flex vertical gap={2} style={{ marginBottom: 12 }}>
        <Flex justify="space-between" align="center" gap={8}>
          <Typography.Text strong>{stage.name}</Typography.Text>
          <Tag color={KIND_COLOR[stage.kind]}>{formatPercent(stage.probability, locale)}</Tag>
        </Flex>
        <Typography.Text type="secondary" data-testid="column-summary">
          {column.sumBase === undefined
            ? column.count
            : t('board.summary', { count: column.count, sum: formatMoney(Number(column.sumBase), baseCurrency, locale) })}
        </Typography.Text>
        {column.withoutRate > 0 && (
          <Typography.Text type="warning" style={{ fontSize: 12 }}>
            {t('board.withoutRate', { count: column.withoutRate })}
          </Typography.Text>
        )}
      </Flex>
      <Flex vertical gap={8}>
        {column.deals.map((deal) => (
          <DealCard key={deal.id} deal={deal} />
        ))}
      </Flex>
      {column.nextCursor && (
        <Button block type="dashed" onClick={onLoadMore} loading={loadingMore} style={{ marginTop: 8 }}>
          {t('board.loadMore')}
        </Button>
      )}
    </section>
  );
}
