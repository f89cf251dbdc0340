import type { TDeal, TPipelineStage } from '@clientela/contract';
import {
  type Announcements,
  type CollisionDetection,
  DndContext,
  type DragEndEvent,
  DragOverlay,
  type KeyboardCoordinateGetter,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { Alert, Card, Empty, Flex, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { type BoardQuery, useLoadMoreCards, usePipelineBoard } from './api.ts';
import { BoardColumn } from './board-column.tsx';
import { DealCardBody } from './deal-card.tsx';
import { useDealMove } from './use-deal-move.tsx';

/** The keyboard moves a card a whole column left or right, not a few pixels. */
export const jumpColumns: KeyboardCoordinateGetter = (event, { context, currentCoordinates }) => {
  const step = event.code === 'ArrowRight' ? 1 : event.code === 'ArrowLeft' ? -1 : 0;
  const card = context.collisionRect;
  if (!step || !card) return undefined;
  event.preventDefault();
  const columns = [...context.droppableRects.values()].sort((a, b) => a.left - b.left);
  const center = card.left + card.width / 2;
  const here = columns.findIndex((rect) => center >= rect.left && center < rect.left + rect.width);
  const next =
    here >= 0
      ? columns[here + step]
      : step > 0
        ? columns.find((rect) => rect.left > center)
        : columns.findLast((rect) => rect.left + rect.width <= center);
  if (!next) return undefined;
  return { x: next.left + (next.width - card.width) / 2, y: currentCoordinates.y };
};

// A pointer drops where it points; the keyboard, having no pointer, where the card lies.
const collision: CollisionDetection = (args) => {
  const pointed = pointerWithin(args);
  return pointed.length > 0 ? pointed : rectIntersection(args);
};

type Props = { pipelineId: string; query: BoardQuery };

/** A pipeline's board: a column per stage, cards dragged (with the mouse, a finger or the keyboard) from one to another. */
export function DealBoard({ pipelineId, query }: Props) {
  const { t } = useTranslation('deals');
  const board = usePipelineBoard(pipelineId, query);
  const loadMore = useLoadMoreCards(pipelineId, query);
  const { requestMove, modal } = useDealMove();
  const [dragged, setDragged] = useState<TDeal | null>(null);
  const sensors = useSensors(
    // A few pixels before a drag starts, so that a click still opens the deal.
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: jumpColumns }),
  );

  if (board.isPending) return <Skeleton active />;
  if (board.error || !board.data) return <ErrorAlert error={board.error} />;
  const { pipeline, columns, baseCurrency } = board.data;
  const stages = pipeline.stages;
  const stageOf = (id: unknown) => stages.find((stage) => stage.id === id);
  const dealOf = (data: unknown) => (data as { deal?: TDeal } | undefined)?.deal;
  const titleOf = (data: unknown) => dealOf(data)?.title ?? '';

  /** What a drop does: the card's deal goes to the column it lands on. */
  const dropCard = ({ active, over }: DragEndEvent) => {
    setDragged(null);
    const deal = dealOf(active.data.current);
    const stage: TPipelineStage | undefined = stageOf(over?.id);
    if (deal && stage) requestMove(deal, stage);
  };

  const announcements: Announcements = {
    onDragStart: ({ active }) => t('board.announce.start', { title: titleOf(active.data.current) }),
    onDragOver: ({ active, over }) =>
      over ? t('board.announce.over', { title: titleOf(active.data.current), stage: stageOf(over.id)?.name ?? '' }) : undefined,
    onDragEnd: ({ active, over }) =>
      over
        ? t('board.announce.dropped', { title: titleOf(active.data.current), stage: stageOf(over.id)?.name ?? '' })
        : t('board.announce.cancelled', { title: titleOf(active.data.current) }),
    onDragCancel: ({ active }) => t('board.announce.cancelled', { title: titleOf(active.data.current) }),
  };

  return (
    <>
      <ErrorAlert error={loadMore.error} />
      {columns.every((column) => column.count === 0) && (
        <Alert type="info" showIcon title={t('board.empty')} style={{ marginBottom: 16 }} />
      )}
      <DndContext
        sensors={sensors}
        collisionDetection={collision}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t('board.announce.instructions') } }}
        onDragStart={({ active }) => setDragged(dealOf(active.data.current) ?? null)}
        onDragCancel={() => setDragged(null)}
        onDragEnd={dropCard}
      >
        <Flex gap={12} align="flex-start" style={{ overflowX: 'auto', paddingBottom: 8 }} data-testid="deal-board">
          {stages.map((stage, index) => {
            const column = columns.find((one) => one.stageId === stage.id);
            if (!column) return null;
            return (
              <BoardColumn
                key={stage.id}
                stage={stage}
                column={column}
                index={index}
                baseCurrency={baseCurrency}
                loadingMore={loadMore.isPending && loadMore.variables?.stageId === stage.id}
                onLoadMore={() => column.nextCursor && loadMore.mutate({ stageId: stage.id, cursor: column.nextCursor })}
              />
            );
          })}
          {stages.length === 0 && <Empty />}
        </Flex>
        <DragOverlay>
          {dragged && (
            <Card size="small" data-drag-overlay={dragged.id} style={{ cursor: 'grabbing', width: 256 }}>
              <DealCardBody deal={dragged} />
            </Card>
          )}
        </DragOverlay>
      </DndContext>
      {modal}
    </>
  );
}
