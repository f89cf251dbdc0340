import type { TContract } from '@clientela/contract';
import { Card, Descriptions, type DescriptionsProps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../customers/date-format.ts';
import { contractValue } from './contract-columns.tsx';
import { EndDate, RenewalTag } from './contract-tags.tsx';

/** The fields of a contract. */
export function ContractDetails({ contract }: { contract: TContract }) {
  const { t } = useTranslation('contracts');
  const format = useFormatters();
  const none = <Typography.Text type="secondary">—</Typography.Text>;
  const items: DescriptionsProps['items'] = [
    { key: 'company', label: t('fields.company'), children: <Link to={`/companies/${contract.company.id}`}>{contract.company.name}</Link> },
    {
      key: 'contact',
      label: t('fields.contact'),
      children: contract.contact ? <Link to={`/contacts/${contract.contact.id}`}>{contract.contact.name}</Link> : none,
    },
    { key: 'subject', label: t('fields.subject'), children: contract.subject },
    { key: 'renewal', label: t('fields.renewal'), children: <RenewalTag renewal={contract.renewal} /> },
    { key: 'startDate', label: t('fields.startDate'), children: contract.startDate ? format.calendarDate(contract.startDate) : none },
    { key: 'endDate', label: t('fields.endDate'), children: <EndDate contract={contract} /> },
    {
      key: 'value',
      label: t('fields.value'),
      children: contract.value === null ? none : <span data-testid="contract-value">{contractValue(contract, format.locale)}</span>,
    },
    { key: 'responsible', label: t('fields.responsible'), children: contract.responsible?.name ?? t('form.nobody') },
    {
      key: 'notes',
      label: t('fields.notes'),
      span: 'filled',
      children: contract.notes ? (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{contract.notes}</Typography.Paragraph>
      ) : (
        none
      ),
    },
    { key: 'updatedAt', label: t('fields.updatedAt'), children: format.dateTime(contract.updatedAt) },
  ];
  return (
    <Card title={t('contracts.details')}>
      <Descriptions column={{ xs: 1, md: 2 }} items={items} size="small" />
    </Card>
  );
}
