import { ArrowLeftOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Col, Flex, Result, Row, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/errors.ts';
import { TimelineCard } from '../activities/timeline-card.tsx';
import { AgreementsCard } from '../agreements/agreements-card.tsx';
import { AttachmentsCard } from '../attachments/attachments-card.tsx';
import { CustomerCasesCard } from '../cases/customer-cases-card.tsx';
import { CompanyContractsCard } from '../contracts/company-contracts-card.tsx';
import { useCustomFields } from '../custom-fields/api.ts';
import { ClassTag, StatusTag } from '../customers/customer-tags.tsx';
import { HistoryCard } from '../customers/history-card.tsx';
import { MergeWithButton } from '../duplicates/merge-with-button.tsx';
import { MergedBanner } from '../duplicates/merged-banner.tsx';
import { AttributionCard } from '../marketing/attribution.tsx';
import { CompanyPortalTags } from '../portal/portal-users-company.tsx';
import { ShareButton } from '../roles/share-button.tsx';
import { CompanyCreditCard } from '../sales/company-credit-card.tsx';
import { SendTaskButton } from '../tasks/send-task-button.tsx';
import { useCompany, useCompanyHistory, useDeleteCompany } from './api.ts';
import { CompanyContactsCard } from './company-contacts-card.tsx';
import { CompanyDetails } from './company-details.tsx';
import { CompanyFormDrawer } from './company-form-drawer.tsx';
import { CompanyGroupCard } from './company-group-card.tsx';

/** `/companies/:id`: everything about one company — agreements first, details, people, timeline, group and history. */
export function CompanyPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('customers');
  const { t: tc } = useTranslation();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const company = useCompany(id);
  const history = useCompanyHistory(id);
  const customFields = useCustomFields('company');
  const remove = useDeleteCompany();
  const [editing, setEditing] = useState(false);

  if (company.isPending) return <Skeleton active />;
  if (company.error || !company.data) {
    return (
      <Result
        status={isApiError(company.error) && company.error.status === 404 ? '404' : 'error'}
        title={errorMessage(tc, company.error)}
        extra={<Link to="/companies">{t('companies.back')}</Link>}
      />
    );
  }
  const data = company.data;

  const confirmDelete = () =>
    modal.confirm({
      title: t('companies.deleteConfirm', { name: data.name }),
      content: t('companies.deleteHint'),
      okText: tc('common.delete'),
      okButtonProps: { danger: true },
      cancelText: tc('common.cancel'),
      onOk: async () => {
        try {
          await remove.mutateAsync(data.id);
          message.success(t('companies.deleted', { name: data.name }));
          navigate('/companies');
        } catch (error) {
          message.error(errorMessage(tc, error));
        }
      },
    });

  return (
    <>
      <Link to="/companies">
        <ArrowLeftOutlined /> {t('companies.back')}
      </Link>
      <Flex justify="space-between" align="center" gap={16} wrap style={{ margin: '12px 0 24px' }}>
        <Flex align="center" gap={12} wrap>
          <Typography.Title level={2} style={{ margin: 0 }}>
            {data.name}
          </Typography.Title>
          <span>
            <StatusTag status={data.status} />
            <ClassTag value={data.class} />
            <CompanyPortalTags style={data.relationshipStyle} portalAccess={data.portalAccess} />
          </span>
        </Flex>
        <Flex gap={8}>
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t('companies.edit')}
          </Button>
          <SendTaskButton about={{ companies: [data.id] }} />
          <MergeWithButton entity="company" record={data} />
          <ShareButton entity="companies" record={data} name={data.name} />
          <Button danger icon={<DeleteOutlined />} onClick={confirmDelete}>
            {tc('common.delete')}
          </Button>
        </Flex>
      </Flex>
      <MergedBanner entity="company" recordId={data.id} />
      <div style={{ marginBottom: 24 }}>
        <AgreementsCard customer={{ company: { id: data.id, name: data.name } }} />
      </div>
      <Row gutter={[24, 24]}>
        <Col xs={24} xl={15}>
          <Flex vertical gap={24}>
            <CompanyDetails company={data} />
            <CompanyContactsCard company={data} />
            <CompanyContractsCard companyId={data.id} />
            <CompanyCreditCard companyId={data.id} />
            <TimelineCard owner={{ kind: 'company', id: data.id }} about={{ companies: [{ id: data.id, name: data.name }] }} />
          </Flex>
        </Col>
        <Col xs={24} xl={9}>
          <Flex vertical gap={24}>
            <CustomerCasesCard customer={{ company: { id: data.id, name: data.name } }} />
            <AttachmentsCard entityType="company" entityId={data.id} />
            <CompanyGroupCard company={data} />
            <AttributionCard attribution={data.attribution} />
            <HistoryCard changes={history.data} loading={history.isPending} error={history.error} customFields={customFields.data} />
          </Flex>
        </Col>
      </Row>
      <CompanyFormDrawer open={editing} company={data} onClose={() => setEditing(false)} />
    </>
  );
}
