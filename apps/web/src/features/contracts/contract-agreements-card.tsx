import type { TContract } from '@clientela/contract';
import { Card, Empty, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AgreementItems } from './agreement-items.tsx';
import { useContractAgreements } from './api.ts';

/** The agreements about a contract, those that still bind us first and marked. */
export function ContractAgreementsCard({ contract }: { contract: TContract }) {
  const { t } = useTranslation('contracts');
  const agreements = useContractAgreements(contract.id);
  return (
    <Card title={t('agreements.title')} data-testid="contract-agreements">
      <ErrorAlert error={agreements.error} />
      {agreements.isPending ? (
        <Skeleton active />
      ) : agreements.data && agreements.data.length > 0 ? (
        <AgreementItems agreements={agreements.data} aria-label={t('agreements.title')} />
      ) : (
        !agreements.error && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('agreements.none')} />
      )}
    </Card>
  );
}
