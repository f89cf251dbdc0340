import type { TCasePriority, TCaseSla, TCaseStatus, TCaseSummary, TCaseVerdict } from '@clientela/contract';
import { Tag, Typography } from 'antd';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { slaSummary } from './sla-text.ts';

const STATUS_COLOR: Record<TCaseStatus, string> = {
  new: 'gold',
  assigned: 'blue',
  in_progress: 'processing',
  waiting_customer: 'purple',
  waiting_unit: 'magenta',
  resolved: 'green',
  closed: 'default',
  reopened: 'volcano',
};
const PRIORITY_COLOR: Record<TCasePriority, string> = { low: 'default', normal: 'blue', high: 'orange', urgent: 'red' };
const VERDICT_COLOR: Record<TCaseVerdict, string> = { founded: 'red', partly_founded: 'orange', unfounded: 'green' };

/** A case's status as a coloured tag. */
export function CaseStatusTag({ status }: { status: TCaseStatus }) {
  const { t } = useTranslation('cases');
  return <Tag color={STATUS_COLOR[status]}>{t(`status.${status}`)}</Tag>;
}

/** A case's priority as a coloured tag. */
export function CasePriorityTag({ priority }: { priority: TCasePriority }) {
  const { t } = useTranslation('cases');
  return <Tag color={PRIORITY_COLOR[priority]}>{t(`priority.${priority}`)}</Tag>;
}

/** A complaint's verdict as a coloured tag. */
export function CaseVerdictTag({ verdict }: { verdict: TCaseVerdict }) {
  const { t } = useTranslation('cases');
  return <Tag color={VERDICT_COLOR[verdict]}>{t(`verdict.${verdict}`)}</Tag>;
}

/** The SLA time left in a list row: the first reply's while awaited, else the resolution's. */
export function CaseSlaText({ sla }: { sla: TCaseSla }) {
  const { t } = useTranslation('cases');
  const words = slaSummary(t, sla);
  return (
    <Typography.Text type={words.tone} strong={words.tone === 'danger'} className="nowrap">
      {words.text}
    </Typography.Text>
  );
}

/** Whom a case is about, as links; "a customer you cannot see" when hidden from the reader. */
export function CaseCustomer({ record }: { record: Pick<TCaseSummary, 'company' | 'contact' | 'customerHidden'> }) {
  const { t } = useTranslation('cases');
  const parts = [
    record.company ? (
      <Link key="company" to={`/companies/${record.company.id}`}>
        {record.company.name}
      </Link>
    ) : null,
    record.contact ? (
      <Link key="contact" to={`/contacts/${record.contact.id}`}>
        {record.contact.name}
      </Link>
    ) : null,
  ].filter(Boolean);
  if (parts.length === 0) {
    return <Typography.Text type="secondary">{record.customerHidden ? t('hiddenCustomer') : '—'}</Typography.Text>;
  }
  return (
    <>
      {parts.map((part, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: two fixed places, company then contact.
        <Fragment key={index}>
          {index > 0 && ' · '}
          {part}
        </Fragment>
      ))}
    </>
  );
}
