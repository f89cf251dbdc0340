import type { TMailing } from '@clientela/contract';
import { Progress } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format.ts';
import { useLocale } from '../locale/locale-context.tsx';

/** How far a mailing has got: the share of recipients settled, and how many were sent of all. */
export function MailingProgress({ mailing, size = 'small' }: { mailing: TMailing; size?: 'small' | 'default' }) {
  const { t } = useTranslation('mailings');
  const { locale } = useLocale();
  if (mailing.status === 'draft') return null;
  const percent = Math.round(mailing.progress * 100);
  const label = t('progress.sentOf', { sent: formatNumber(mailing.counts.sent, locale), total: formatNumber(mailing.total, locale) });
  return (
    <div>
      <Progress
        percent={percent}
        size={size}
        status={mailing.status === 'sending' ? 'active' : mailing.status === 'cancelled' ? 'exception' : undefined}
        format={() => `${percent}%`}
      />
      <div style={{ fontSize: 12, opacity: 0.75 }}>{label}</div>
    </div>
  );
}
