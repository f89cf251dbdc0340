import { PlusOutlined } from '@ant-design/icons';
import type { TContract } from '@clientela/contract';
import { Button, Card, Empty, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AgreementFormModal } from '../agreements/agreement-form-modal.tsx';
import { AgreementItems } from './agreement-items.tsx';
import { useContractAgreements } from './api.ts';

/** The agreements about a contract, those that still bind us first and marked; a new one is recorded here too. */
export function ContractAgreementsCard({ contract }: { contract: TContract }) {
  const { t } = useTranslation('contracts');
  const { t: tr } = useTranslation('relationships');
  const agreements = useContractAgreements(contract.id);
  const [recording, setRecording] = useState(false);
  return (
    <Card
      title={t('agreements.title')}
      data-testid="contract-agreements"
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setRecording(true)}>
          {tr('agreements.new')}
        </Button>
      }
    >
      <ErrorAlert error={agreements.error} />
      {agreements.isPending ? (
        <Skeleton active />
      ) : agreements.data && agreements.data.length > 0 ? (
        <AgreementItems agreements={agreements.data} aria-label={t('agreements.title')} />
      ) : (
        !agreements.error && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('agreements.none')} />
      )}
      <AgreementFormModal
        open={recording}
        onClose={() => setRecording(false)}
        customer={{ company: contract.company, ...(contract.contact ? { contact: contract.contact } : {}) }}
        contract={{ id: contract.id, number: contract.number, subject: contract.subject }}
      />
    </Card>
  );
}
