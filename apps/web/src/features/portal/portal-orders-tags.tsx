import type { TCaseStatus, TOrderStatus, TPortalQuoteStatus } from '@clientela/contract';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const ORDER_COLOR: Record<TOrderStatus, string> = {
  new: 'blue',
  confirmed: 'cyan',
  shipped: 'geekblue',
  delivered: 'green',
  cancelled: 'default',
};

const QUOTE_COLOR: Record<TPortalQuoteStatus, string> = { sent: 'gold', accepted: 'green', rejected: 'red', expired: 'default' };

const CASE_COLOR: Record<TCaseStatus, string> = {
  new: 'blue',
  assigned: 'blue',
  in_progress: 'blue',
  waiting_customer: 'orange',
  waiting_unit: 'blue',
  resolved: 'green',
  closed: 'default',
  reopened: 'purple',
};

/** An order's status as the customer reads it. */
export function OrderStatusTag({ status }: { status: TOrderStatus }) {
  const { t } = useTranslation('portalHome');
  return <Tag color={ORDER_COLOR[status]}>{t(`orderStatus.${status}`)}</Tag>;
}

/** A quote's status as the customer reads it. */
export function QuoteStatusTag({ status }: { status: TPortalQuoteStatus }) {
  const { t } = useTranslation('portalHome');
  return <Tag color={QUOTE_COLOR[status]}>{t(`quoteStatus.${status}`)}</Tag>;
}

/** A case's status as the customer reads it (staff's inner steps read as "in progress"). */
export function CaseStatusTag({ status }: { status: TCaseStatus }) {
  const { t } = useTranslation('portalHome');
  return <Tag color={CASE_COLOR[status]}>{t(`caseStatus.${status}`)}</Tag>;
}
