import { PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Card, Divider, Flex, Typography } from 'antd';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useFormatters } from '../customers/date-format.ts';
import { type CaseQuery, useCasePages } from './api.ts';
import { isOpenCase } from './case-actions.ts';
import { CasePriorityTag, CaseSlaText, CaseStatusTag, CaseVerdictTag } from './case-tags.tsx';
import { RegisterCaseButton } from './register-case-button.tsx';

type Named = { id: string; name: string };
type Props = { customer: { company: Named; contact?: undefined } | { contact: Named; company?: undefined } };

/** The day a year ago, `YYYY-MM-DD`, where "the last 12 months" begin. */
export function yearAgo(now = new Date()): string {
  const day = new Date(Date.UTC(now.getUTCFullYear() - 1, now.getUTCMonth(), now.getUTCDate()));
  return day.toISOString().slice(0, 10);
}

/** A customer's latest cases (a company's include its contacts'), flagged when their complaints keep proving unfounded. */
export function CustomerCasesList({ customer }: Props) {
  const { t } = useTranslation('cases');
  const format = useFormatters();
  const scope: CaseQuery = customer.company ? { 'filter[companyId]': customer.company.id } : { 'filter[contactId]': customer.contact.id };
  const latest = useCasePages({ ...scope, sort: '-createdAt' }, 5);
  const unfounded = useCasePages(
    { ...scope, 'filter[kind]': 'complaint', 'filter[verdict]': 'unfounded', 'filter[createdFrom]': yearAgo() },
    1,
  );
  const rows = latest.data?.pages[0]?.data ?? [];
  const total = latest.data?.pages[0]?.total ?? 0;
  const unfoundedCount = unfounded.data?.pages[0]?.total ?? 0;
  const filterParam = customer.company ? `company=${customer.company.id}` : `contact=${customer.contact.id}`;

  return (
    <Card
      title={t('customer.title')}
      data-testid="customer-cases"
      loading={latest.isPending}
      extra={
        <RegisterCaseButton
          icon={<PlusOutlined />}
          customer={customer.company ? { company: customer.company } : { contact: customer.contact }}
        />
      }
    >
      <ErrorAlert error={latest.error} />
      {unfoundedCount >= 2 && (
        <Alert
          type="warning"
          showIcon
          icon={<WarningOutlined />}
          style={{ marginBottom: 12 }}
          title={t('customer.unfounded', { count: unfoundedCount })}
        />
      )}
      {rows.length === 0 ? (
        <Typography.Text type="secondary">{t('customer.none')}</Typography.Text>
      ) : (
        <Flex vertical>
          {rows.map((record, index) => (
            <Fragment key={record.id}>
              {index > 0 && <Divider style={{ margin: '8px 0' }} />}
              <Flex justify="space-between" gap={8} wrap>
                <Flex vertical gap={2}>
                  <Link to={`/cases/${record.id}`}>
                    <Typography.Text strong style={{ color: 'inherit' }}>
                      {record.subject}
                    </Typography.Text>
                  </Link>
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {record.number} · {record.type.name} · {format.date(record.createdAt)}
                    {record.owner ? ` · ${record.owner.name}` : ''}
                  </Typography.Text>
                </Flex>
                <Flex vertical gap={2} align="flex-end">
                  <span>
                    <CaseStatusTag status={record.status} />
                    <CasePriorityTag priority={record.priority} />
                    {record.verdict && <CaseVerdictTag verdict={record.verdict} />}
                  </span>
                  {isOpenCase(record.status) && <CaseSlaText sla={record.sla} />}
                </Flex>
              </Flex>
            </Fragment>
          ))}
          {total > rows.length && (
            <Link to={`/cases?all=1&${filterParam}`} style={{ marginTop: 8 }}>
              {t('customer.all', { count: total })}
            </Link>
          )}
        </Flex>
      )}
    </Card>
  );
}
