import type { TMailingStatus, TRecipientStatus, TTemplatePurpose } from '@clientela/contract';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const MAILING_COLOR: Record<TMailingStatus, string> = {
  draft: 'default',
  queued: 'blue',
  sending: 'processing',
  paused: 'orange',
  done: 'green',
  cancelled: 'red',
};

const RECIPIENT_COLOR: Record<TRecipientStatus, string> = {
  queued: 'default',
  sending: 'processing',
  sent: 'green',
  failed: 'red',
  bounced: 'volcano',
  skipped_no_consent: 'orange',
  skipped_unsubscribed: 'gold',
  skipped_no_email: 'default',
  skipped_duplicate: 'default',
};

const PURPOSE_COLOR: Record<TTemplatePurpose, string> = { marketing: 'blue', survey: 'purple', birthday: 'magenta' };

/** A mailing's status as a coloured tag. */
export function MailingStatusTag({ status }: { status: TMailingStatus }) {
  const { t } = useTranslation('mailings');
  return <Tag color={MAILING_COLOR[status]}>{t(`status.${status}`)}</Tag>;
}

/** What became of one recipient's message, as a coloured tag. */
export function RecipientStatusTag({ status }: { status: TRecipientStatus }) {
  const { t } = useTranslation('mailings');
  return <Tag color={RECIPIENT_COLOR[status]}>{t(`recipientStatus.${status}`)}</Tag>;
}

/** What a template is for, as a coloured tag. */
export function PurposeTag({ purpose }: { purpose: TTemplatePurpose }) {
  const { t } = useTranslation('mailings');
  return <Tag color={PURPOSE_COLOR[purpose]}>{t(`purpose.${purpose}`)}</Tag>;
}
