import type { TCaseStatus } from '@clientela/contract';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../lib/format.ts';
import { useLocale } from '../locale/locale-context.tsx';

const COLOURS: Record<TCaseStatus, string> = {
  new: 'blue',
  assigned: 'blue',
  in_progress: 'processing',
  waiting_customer: 'warning',
  waiting_unit: 'processing',
  resolved: 'success',
  closed: 'default',
  reopened: 'purple',
};

/** A request's status in the customer's words (staff's inner steps read as "in progress"). */
export function PortalCaseStatus({ status }: { status: TCaseStatus }) {
  const { t } = useTranslation('portalCases');
  return <Tag color={COLOURS[status]}>{t(`status.${status}`)}</Tag>;
}

/** The customer's time zone: the portal has no profile field for it, so the browser's. */
function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Formats an instant for the customer's language and time zone. */
export function usePortalDate() {
  const { locale } = useLocale();
  return (iso: string, style: 'date' | 'dateTime' = 'dateTime') => formatInstant(iso, locale, browserTimeZone(), style);
}
