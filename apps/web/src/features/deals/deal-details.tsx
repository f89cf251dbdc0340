import type { TDeal } from '@clientela/contract';
import { Card, Descriptions, type DescriptionsProps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFieldRules } from '../../lib/field-rules.ts';
import { formatPercent } from '../../lib/format.ts';
import { useFormatters } from '../customers/date-format.ts';
import { dealAmount, dealAmountBase } from './deal-money.ts';

/** The fields of a deal; its amount in its own currency and in the base one. */
export function DealDetails({ deal }: { deal: TDeal }) {
  const { t } = useTranslation('deals');
  const format = useFormatters();
  const rules = useFieldRules('deals');
  const none = <Typography.Text type="secondary">—</Typography.Text>;
  const amount = dealAmount(deal, format.locale);
  const base = dealAmountBase(deal, format.locale);
  const items: DescriptionsProps['items'] = [
    {
      key: 'company',
      label: t('fields.company'),
      children: deal.company ? <Link to={`/companies/${deal.company.id}`}>{deal.company.name}</Link> : none,
    },
    {
      key: 'contact',
      label: t('fields.contact'),
      children: deal.contact ? <Link to={`/contacts/${deal.contact.id}`}>{deal.contact.name}</Link> : none,
    },
    {
      key: 'amount',
      label: t('fields.amount'),
      children: amount ? <span data-testid="deal-amount">{amount}</span> : none,
    },
    {
      key: 'amountBase',
      label: t('fields.amountBase', { currency: deal.baseCurrency }),
      children: base ? (
        <span data-testid="deal-amount-base">{base}</span>
      ) : amount ? (
        <Typography.Text type="warning">{t('deal.noRate')}</Typography.Text>
      ) : (
        none
      ),
    },
    { key: 'probability', label: t('fields.probability'), children: formatPercent(deal.probability, format.locale) },
    {
      key: 'expectedCloseOn',
      label: t('fields.expectedCloseOn'),
      children: deal.expectedCloseOn ? format.calendarDate(deal.expectedCloseOn) : none,
    },
    ...(deal.closedOn ? [{ key: 'closedOn', label: t('fields.closedOn'), children: format.calendarDate(deal.closedOn) }] : []),
    { key: 'owner', label: t('fields.owner'), children: deal.owner?.name ?? t('form.noOwner') },
    { key: 'source', label: t('fields.source'), children: deal.source ?? none },
    {
      key: 'notes',
      label: t('fields.notes'),
      span: 'filled',
      children: deal.notes ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{deal.notes}</Typography.Paragraph> : none,
    },
    { key: 'createdAt', label: t('fields.createdAt'), children: format.dateTime(deal.createdAt) },
  ];
  return (
    <Card title={t('deal.details')}>
      <Descriptions column={{ xs: 1, md: 2 }} items={rules.visible(items)} size="small" />
    </Card>
  );
}
