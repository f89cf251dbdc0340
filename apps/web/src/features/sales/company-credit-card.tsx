import { Card } from 'antd';
import { lazy, Suspense } from 'react';
import { loadSalesMessages } from '../../lib/sales-messages.ts';

// The card's code and messages load with it, so the company page's own chunk stays as it was.
const CreditCard = lazy(async () => {
  const [module] = await Promise.all([import('./credit-card.tsx'), loadSalesMessages()]);
  return { default: module.CreditCard };
});

/** A company's credit (limit, exposure, receivable, its group's): for the company page. */
export function CompanyCreditCard({ companyId }: { companyId: string }) {
  return (
    <Suspense fallback={<Card loading />}>
      <CreditCard companyId={companyId} />
    </Suspense>
  );
}
