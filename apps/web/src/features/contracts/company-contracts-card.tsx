import { Card } from 'antd';
import { lazy, Suspense } from 'react';
import { loadContractMessages } from '../../lib/contract-messages.ts';

// The card's code and messages load with it, so the company page's own chunk stays as it was.
const CompanyContractsList = lazy(async () => {
  const [module] = await Promise.all([import('./company-contracts-list.tsx'), loadContractMessages()]);
  return { default: module.CompanyContractsList };
});

type Props = { companyId: string };

/** A company's contracts with a "New contract" button: for the company page. */
export function CompanyContractsCard({ companyId }: Props) {
  return (
    <Suspense fallback={<Card loading />}>
      <CompanyContractsList companyId={companyId} />
    </Suspense>
  );
}
