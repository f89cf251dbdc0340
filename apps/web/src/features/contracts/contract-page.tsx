import { ArrowLeftOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, Flex, Result, Row, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/errors.ts';
import { AttachmentsCard } from '../attachments/attachments-card.tsx';
import { useMe } from '../auth/api.ts';
import { useContract, useDeleteContract } from './api.ts';
import { ContractAgreementsCard } from './contract-agreements-card.tsx';
import { ContractDetails } from './contract-details.tsx';
import { ContractFormDrawer } from './contract-form-drawer.tsx';
import { BindingTag, RenewalTag } from './contract-tags.tsx';
import { EndContractButton } from './end-contract-button.tsx';
import { mayChangeContract, mayDeleteContract } from './permissions.ts';

/** `/contracts/:id`: one contract — its details, the agreements about it and its documents. */
export function ContractPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('contracts');
  const { t: tc } = useTranslation();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const me = useMe();
  const contract = useContract(id);
  const remove = useDeleteContract();
  const [editing, setEditing] = useState(false);

  if (contract.isPending) return <Skeleton active />;
  if (contract.error || !contract.data) {
    return (
      <Result
        status={isApiError(contract.error) && contract.error.status === 404 ? '404' : 'error'}
        title={errorMessage(tc, contract.error)}
        extra={<Link to="/contracts">{t('contracts.back')}</Link>}
      />
    );
  }
  const data = contract.data;
  const changeable = mayChangeContract(me, data);

  const confirmDelete = () =>
    modal.confirm({
      title: t('contracts.deleteConfirm', { number: data.number }),
      content: t('contracts.deleteHint'),
      okText: tc('common.delete'),
      okButtonProps: { danger: true },
      cancelText: tc('common.cancel'),
      onOk: async () => {
        try {
          await remove.mutateAsync(data.id);
          message.success(t('contracts.deleted', { number: data.number }));
          navigate('/contracts');
        } catch (error) {
          message.error(errorMessage(tc, error));
        }
      },
    });

  return (
    <>
      <Link to="/contracts">
        <ArrowLeftOutlined /> {t('contracts.back')}
      </Link>
      <Flex justify="space-between" align="center" gap={16} wrap style={{ margin: '12px 0 24px' }}>
        <div>
          <Flex align="center" gap={12} wrap>
            <Typography.Title level={2} style={{ margin: 0 }}>
              {t('contracts.heading', { number: data.number })}
            </Typography.Title>
            <span>
              <RenewalTag renewal={data.renewal} />
              <BindingTag count={data.bindingAgreements} />
            </span>
          </Flex>
          <Typography.Text type="secondary">
            {data.subject} · <Link to={`/companies/${data.company.id}`}>{data.company.name}</Link>
          </Typography.Text>
        </div>
        {changeable && (
          <Flex gap={8} wrap>
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('contracts.edit')}
            </Button>
            {data.renewal !== 'ended' && <EndContractButton contract={data} />}
            {mayDeleteContract(me) && (
              <Button danger icon={<DeleteOutlined />} onClick={confirmDelete}>
                {tc('common.delete')}
              </Button>
            )}
          </Flex>
        )}
      </Flex>
      {data.bindingAgreements > 0 && data.renewal !== 'ended' && (
        <Alert
          type="warning"
          showIcon
          title={t('contracts.bindingBanner', { count: data.bindingAgreements })}
          description={t('contracts.bindingBannerHint', { count: data.bindingAgreements })}
          style={{ marginBottom: 24 }}
        />
      )}
      <Row gutter={[24, 24]}>
        <Col xs={24} xl={14}>
          <Flex vertical gap={24}>
            <ContractDetails contract={data} />
            <AttachmentsCard entityType="contract" entityId={data.id} />
          </Flex>
        </Col>
        <Col xs={24} xl={10}>
          <ContractAgreementsCard contract={data} />
        </Col>
      </Row>
      <ContractFormDrawer open={editing} contract={data} onClose={() => setEditing(false)} />
    </>
  );
}
