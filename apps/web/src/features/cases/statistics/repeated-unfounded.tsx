import type { TCaseStatistics, TLocale } from '@clientela/contract';
import { Empty, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatInstant, formatNumber } from '../../../lib/format.ts';

type Props = { customers: TCaseStatistics['repeatedUnfounded']; locale: TLocale; timeZone: string };

/** Customers with two or more unfounded complaints in the last 12 months, each opening its page. */
export function RepeatedUnfounded({ customers, locale, timeZone }: Props) {
  const { t } = useTranslation('caseStats');
  if (customers.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('repeated.empty')} />;
  return (
    <Flex vertical gap={8} data-testid="repeated-unfounded">
      {customers.map((customer) => {
        const record = customer.company
          ? { href: `/companies/${customer.company.id}`, name: customer.company.name }
          : customer.contact
            ? { href: `/contacts/${customer.contact.id}`, name: customer.contact.name }
            : null;
        return (
          <Flex key={record?.href ?? customer.lastAt} vertical>
            {record ? <Link to={record.href}>{record.name}</Link> : <Typography.Text>{t('repeated.hidden')}</Typography.Text>}
            <Typography.Text type="secondary">
              {t('repeated.count', { value: formatNumber(customer.unfounded, locale) })} ·{' '}
              {t('repeated.last', { date: formatInstant(customer.lastAt, locale, timeZone, 'date') })}
            </Typography.Text>
          </Flex>
        );
      })}
    </Flex>
  );
}
