import type { TDuplicateEntity, TDuplicateRecord } from '@clientela/contract';
import { Descriptions, type DescriptionsProps, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RESOURCE } from '../customer-list/api.ts';
import { useFormatters } from '../customers/date-format.ts';

/** Values listed one per line. */
function lines(values: readonly string[]) {
  return (
    values.length > 0 && (
      <Flex vertical>
        {values.map((value) => (
          <span key={value}>{value}</span>
        ))}
      </Flex>
    )
  );
}

/** One record of a probable duplicate pair: what tells it apart at a glance. */
export function DuplicateRecord({ entity, record }: { entity: TDuplicateEntity; record: TDuplicateRecord }) {
  const { t } = useTranslation('duplicates');
  const format = useFormatters();
  const items: NonNullable<DescriptionsProps['items']> = [
    { key: 'city', label: t('record.city'), children: record.city },
    { key: 'emails', label: t('record.emails'), children: lines(record.emails) },
    { key: 'phones', label: t('record.phones'), children: lines(record.phones) },
    { key: 'taxNumber', label: t('record.taxNumber'), children: record.taxNumber },
    {
      key: 'owner',
      label: t('record.owner'),
      children: record.owner?.name ?? <Typography.Text type="secondary">{t('record.noOwner')}</Typography.Text>,
    },
  ].filter((item) => item.children !== null && item.children !== false && item.children !== '');
  return (
    <Flex vertical gap={4} data-testid="duplicate-record">
      <Typography.Text strong style={{ fontSize: 16 }}>
        <Link to={`/${RESOURCE[entity]}/${record.id}`}>{record.name}</Link>
      </Typography.Text>
      <Descriptions column={1} size="small" items={items} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('record.updated', { date: format.date(record.updatedAt) })}
      </Typography.Text>
    </Flex>
  );
}
