import { EditOutlined } from '@ant-design/icons';
import type { TAgreement } from '@clientela/contract';
import { Button, Flex, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../customers/date-format.ts';
import { AgreementCustomer, BindingTag } from './agreement-tags.tsx';
import { AgreementStatusSelect } from './status-select.tsx';

type Props = {
  agreement: TAgreement;
  /** The customer whose page this is: not named again. */
  subjectId: string;
  onEdit: (agreement: TAgreement) => void;
};

/** One agreement in a customer's card: what, what it reserves, until when, who agreed; its status changes in place. */
export function AgreementRow({ agreement, subjectId, onEdit }: Props) {
  const { t } = useTranslation('relationships');
  const format = useFormatters();
  const others = agreement.customerHidden || [agreement.company, agreement.contact].some((record) => record && record.id !== subjectId);
  return (
    <Flex vertical gap={2} data-testid="agreement" style={{ padding: '8px 0' }}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Flex align="center" gap={6} wrap>
          <Link to={`/agreements?open=${agreement.id}`}>
            <Typography.Text strong>{agreement.title}</Typography.Text>
          </Link>
          {agreement.binding && <BindingTag />}
        </Flex>
        <Flex align="center" gap={4}>
          <AgreementStatusSelect agreement={agreement} />
          {agreement.mayChange && (
            <Tooltip title={t('agreements.edit')}>
              <Button
                type="text"
                size="small"
                icon={<EditOutlined />}
                aria-label={t('agreements.editOne', { title: agreement.title })}
                onClick={() => onEdit(agreement)}
              />
            </Tooltip>
          )}
        </Flex>
      </Flex>
      {agreement.resource && <Typography.Text>{t('entry.resource', { resource: agreement.resource })}</Typography.Text>}
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {t('entry.agreedBy', { name: agreement.agreedBy?.name ?? t('system.someone'), date: format.calendarDate(agreement.agreedOn) })}
        {` · ${agreement.validUntil ? t('entry.validUntil', { date: format.calendarDate(agreement.validUntil) }) : t('agreements.noEnd')}`}
      </Typography.Text>
      {others && (
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {t('entry.with')} <AgreementCustomer agreement={agreement} exceptId={subjectId} />
        </Typography.Text>
      )}
      {agreement.details && (
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, expandable: true, symbol: t('agreements.more') }} style={{ margin: 0 }}>
          {agreement.details}
        </Typography.Paragraph>
      )}
    </Flex>
  );
}
