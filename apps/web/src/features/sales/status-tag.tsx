import type { TOrderStatus, TQuoteStatus } from '@clientela/contract';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const QUOTE_COLOR: Record<TQuoteStatus, string> = { draft: 'default', sent: 'blue', accepted: 'green', rejected: 'red', expired: 'orange' };
const ORDER_COLOR: Record<TOrderStatus, string> = {
  new: 'default',
  confirmed: 'blue',
  shipped: 'geekblue',
  delivered: 'green',
  cancelled: 'red',
};

/** A quote's status as a coloured tag. */
export function QuoteStatusTag({ status }: { status: TQuoteStatus }) {
  const { t } = useTranslation('sales');
  return <Tag color={QUOTE_COLOR[status]}>{t(`quoteStatus.${status}`)}</Tag>;
}

/** An order's status as a coloured tag. */
export function OrderStatusTag({ status }: { status: TOrderStatus }) {
  const { t } = useTranslation('sales');
  return <Tag color={ORDER_COLOR[status]}>{t(`orderStatus.${status}`)}</Tag>;
}
