import type { TDeal } from '@clientela/contract';
import { useDraggable } from '@dnd-kit/core';
import { Avatar, Card, Flex, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatCalendarDate, initials } from '../../lib/format.ts';
import { useLocale } from '../locale/locale-context.tsx';
import { dealAmount } from './deal-money.ts';

/** What a card shows: title, company, amount, expected close and owner. */
export function DealCardBody({ deal }: { deal: TDeal }) {
  const { t } = useTranslation('deals');
  const { locale } = useLocale();
  const amount = dealAmount(deal, locale);
  return (
    <Flex vertical gap={4}>
      <Link to={`/deals/${deal.id}`} onPointerDown={(event) => event.stopPropagation()}>
        {deal.title}
      </Link>
      {deal.company && <Typography.Text type="secondary">{deal.company.name}</Typography.Text>}
      <Flex justify="space-between" align="center" gap={8}>
        <Flex vertical>
          {amount && <Typography.Text strong>{amount}</Typography.Text>}
          {deal.expectedCloseOn && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('board.closesOn', { date: formatCalendarDate(deal.expectedCloseOn, locale) })}
            </Typography.Text>
          )}
        </Flex>
        {deal.owner && (
          <Tooltip title={deal.owner.name}>
            <Avatar size="small" aria-label={deal.owner.name}>
              {initials(deal.owner.name)}
            </Avatar>
          </Tooltip>
        )}
      </Flex>
    </Flex>
  );
}

/** A deal on the board, dragged to another column to move it; one the reader may not change stays put. */
export function DealCard({ deal }: { deal: TDeal }) {
  const { t } = useTranslation('deals');
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({
    id: deal.id,
    data: { deal },
    disabled: !deal.mayChange,
  });
  return (
    <Card
      ref={(node: HTMLDivElement | null) => {
        setNodeRef(node);
        // The keyboard picks up the card itself: Enter on its title's link still opens the deal.
        setActivatorNodeRef(node);
      }}
      size="small"
      data-deal-card={deal.id}
      {...(deal.mayChange ? { ...attributes, ...listeners, 'aria-label': t('board.cardLabel', { title: deal.title }) } : {})}
      style={{ opacity: isDragging ? 0.4 : 1, cursor: deal.mayChange ? 'grab' : 'default', touchAction: 'manipulation' }}
    >
      <DealCardBody deal={deal} />
    </Card>
  );
}
