import { ArrowLeftOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Descriptions, type DescriptionsProps, Flex, Result, Row, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { isApiError } from '../../lib/api.ts';
import { AttachmentsCard } from '../attachments/attachments-card.tsx';
import { useFormatters } from '../customers/date-format.ts';
import { ShareButton } from '../roles/share-button.tsx';
import { useCase, useSlaPolicies } from './api.ts';
import { CaseActionBar } from './case-action-bar.tsx';
import { CaseConversation } from './case-conversation.tsx';
import { CaseHistoryCard } from './case-history-card.tsx';
import { CaseOutcomeCard } from './case-outcome-card.tsx';
import { CaseSlaPanel } from './case-sla-panel.tsx';
import { CaseCustomer, CasePriorityTag, CaseStatusTag, CaseVerdictTag } from './case-tags.tsx';
import { SatisfactionCard } from './satisfaction-card.tsx';

/** `/cases/:id`: one case — who it is about and who handles it, its SLA clock, the conversation, outcome and history. */
export function CasePage() {
  const { t } = useTranslation('cases');
  const { id = '' } = useParams();
  const format = useFormatters();
  const query = useCase(id);
  const policies = useSlaPolicies();

  if (query.isPending) return <Skeleton active />;
  if (query.isError || !query.data) {
    const missing = isApiError(query.error) && (query.error.status === 404 || query.error.status === 403);
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('case.notFound') : undefined}
        subTitle={missing ? undefined : <ErrorAlert error={query.error} />}
        extra={<Link to="/cases">{t('case.back')}</Link>}
      />
    );
  }
  const record = query.data;
  const policy = policies.data?.find((one) => one.id === record.sla.policy?.id);
  const resolved = record.status === 'resolved' || record.status === 'closed';

  const rows: DescriptionsProps['items'] = [
    { key: 'customer', label: t('fields.customer'), children: <CaseCustomer record={record} /> },
    {
      key: 'type',
      label: t('fields.type'),
      children: record.category ? `${record.type.name} · ${record.category.name}` : record.type.name,
    },
    { key: 'channel', label: t('fields.channel'), children: t(`channel.${record.channel}`) },
    { key: 'priority', label: t('fields.priority'), children: <CasePriorityTag priority={record.priority} /> },
    {
      key: 'owner',
      label: t('fields.owner'),
      children: record.owner?.name ?? (
        <Typography.Text type="warning">{record.unit ? t('case.inQueue') : t('case.nobody')}</Typography.Text>
      ),
    },
    { key: 'unit', label: t('fields.unit'), children: record.unit?.name ?? '—' },
    ...(record.product ? [{ key: 'product', label: t('fields.product'), children: record.product.name }] : []),
    ...(record.order
      ? [{ key: 'order', label: t('fields.order'), children: <Link to={`/orders/${record.order.id}`}>{record.order.number}</Link> }]
      : []),
    {
      key: 'created',
      label: t('fields.created'),
      children: `${format.dateTime(record.createdAt)}${record.createdBy ? ` · ${record.createdBy.name}` : ''}`,
    },
    ...(record.routedBy ? [{ key: 'routed', label: t('fields.routedBy'), children: record.routedBy.name }] : []),
    ...(record.process
      ? [
          {
            key: 'process',
            label: t('fields.process'),
            children: <Link to={`/processes/instances/${record.process.instanceId}`}>{record.process.name}</Link>,
          },
        ]
      : []),
    {
      key: 'description',
      label: t('fields.description'),
      span: 'filled',
      children: record.description ? (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{record.description}</Typography.Paragraph>
      ) : (
        <Typography.Text type="secondary">{t('case.noDescription')}</Typography.Text>
      ),
    },
  ];

  return (
    <>
      <Link to="/cases">
        <ArrowLeftOutlined /> {t('case.back')}
      </Link>
      <Flex justify="space-between" align="flex-start" gap={16} wrap style={{ margin: '12px 0 16px' }}>
        <Flex vertical gap={4}>
          <Typography.Text type="secondary">{record.number}</Typography.Text>
          <Typography.Title level={2} style={{ margin: 0 }}>
            {record.subject}
          </Typography.Title>
          <span>
            <CaseStatusTag status={record.status} />
            <Tag>{t(`kind.${record.kind}`)}</Tag>
            {record.verdict && <CaseVerdictTag verdict={record.verdict} />}
            {record.reopenedCount > 0 && <Tag color="volcano">{t('case.reopened', { count: record.reopenedCount })}</Tag>}
          </span>
        </Flex>
        <Flex gap={8} wrap>
          <CaseActionBar record={record} />
          <ShareButton entity="cases" record={record} name={`${record.number} · ${record.subject}`} />
        </Flex>
      </Flex>
      <Flex vertical gap={12} style={{ marginBottom: 16 }}>
        {record.customerUnfoundedComplaints >= 2 && (
          <Alert
            type="warning"
            showIcon
            icon={<WarningOutlined />}
            title={t('case.repeatedUnfounded', { count: record.customerUnfoundedComplaints })}
            description={t('case.repeatedUnfoundedHint')}
          />
        )}
        {record.handover && (
          <Alert
            type="info"
            showIcon
            data-testid="handover"
            title={
              record.handover.assignee
                ? t('handover.waitingPerson', { name: record.handover.assignee.name, unit: record.handover.unit?.name ?? '' })
                : t('handover.waitingUnit', { unit: record.handover.unit?.name ?? '' })
            }
            description={<Link to={`/tasks/${record.handover.taskId}`}>{t('handover.openAssignment')}</Link>}
          />
        )}
      </Flex>
      <Row gutter={[24, 24]}>
        <Col xs={24} xl={15}>
          <Flex vertical gap={24}>
            <Card data-testid="case-details">
              <Descriptions column={{ xs: 1, md: 2 }} items={rows} size="small" />
            </Card>
            <CaseConversation record={record} />
            <AttachmentsCard entityType="case" entityId={record.id} />
          </Flex>
        </Col>
        <Col xs={24} xl={9}>
          <Flex vertical gap={24}>
            <CaseSlaPanel
              sla={record.sla}
              totals={policy ? { firstResponse: policy.firstResponseMinutes, resolution: policy.resolutionMinutes } : undefined}
            />
            <CaseOutcomeCard record={record} />
            {(resolved || record.satisfaction) && <SatisfactionCard record={record} />}
            <CaseHistoryCard history={record.history} />
          </Flex>
        </Col>
      </Row>
    </>
  );
}
