import { LockOutlined } from '@ant-design/icons';
import type { TAgreement, TAgreementStatus } from '@clientela/contract';
import { Tag, Typography } from 'antd';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

const STATUS_COLOR: Record<TAgreementStatus, string> = {
  proposed: 'gold',
  agreed: 'green',
  fulfilled: 'blue',
  broken: 'red',
  cancelled: 'default',
};

/** An agreement's status as a coloured tag. */
export function AgreementStatusTag({ status }: { status: TAgreementStatus }) {
  const { t } = useTranslation('relationships');
  return <Tag color={STATUS_COLOR[status]}>{t(`agreementStatus.${status}`)}</Tag>;
}

/** Says that an agreement binds us today. */
export function BindingTag() {
  const { t } = useTranslation('relationships');
  return (
    <Tag color="volcano" icon={<LockOutlined />}>
      {t('agreements.binding')}
    </Tag>
  );
}

/** With whom an agreement was made, as links; "another customer" when the reader may not see them. */
export function AgreementCustomer({ agreement, exceptId }: { agreement: TAgreement; exceptId?: string }) {
  const { t } = useTranslation('relationships');
  const parts = [
    agreement.company && agreement.company.id !== exceptId ? (
      <Link key="company" to={`/companies/${agreement.company.id}`}>
        {agreement.company.name}
      </Link>
    ) : null,
    agreement.contact && agreement.contact.id !== exceptId ? (
      <Link key="contact" to={`/contacts/${agreement.contact.id}`}>
        {agreement.contact.name}
      </Link>
    ) : null,
  ].filter(Boolean);
  if (agreement.customerHidden && parts.length === 0) {
    return <Typography.Text type="secondary">{t('agreements.hiddenCustomer')}</Typography.Text>;
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
