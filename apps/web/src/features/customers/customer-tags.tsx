import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerClass, CustomerStatus, Relationship } from './types.ts';

const STATUS_COLOR: Record<CustomerStatus, string> = {
  potential: 'default',
  new: 'blue',
  active: 'green',
  dormant: 'orange',
  lost: 'red',
};

/** A customer's status as a coloured tag. */
export function StatusTag({ status }: { status: CustomerStatus }) {
  const { t } = useTranslation('customers');
  return <Tag color={STATUS_COLOR[status]}>{t(`status.${status}`)}</Tag>;
}

/** The ABC class of a customer. */
export function ClassTag({ value }: { value: CustomerClass | null }) {
  const { t } = useTranslation('customers');
  if (!value) return null;
  return <Tag color={value === 'A' ? 'gold' : 'default'}>{t('classTag', { class: value })}</Tag>;
}

/** What a customer is to us, one small tag each. */
export function RelationshipTags({ values }: { values: Relationship[] }) {
  const { t } = useTranslation('customers');
  return (
    <>
      {values.map((value) => (
        <Tag key={value} variant="outlined">
          {t(`relationship.${value}`)}
        </Tag>
      ))}
    </>
  );
}
