import { Card } from 'antd';
import { lazy, Suspense } from 'react';
import { loadCaseMessages } from '../../lib/case-messages.ts';

// The card's code and messages load with it, so the customer pages' own chunks stay as they were.
const CustomerCasesList = lazy(async () => {
  const [module] = await Promise.all([import('./customer-cases-list.tsx'), loadCaseMessages()]);
  return { default: module.CustomerCasesList };
});

type Named = { id: string; name: string };
type Props = { customer: { company: Named; contact?: undefined } | { contact: Named; company?: undefined } };

/** A customer's latest cases with "Register a case": for the company and contact pages. */
export function CustomerCasesCard({ customer }: Props) {
  return (
    <Suspense fallback={<Card loading />}>
      <CustomerCasesList customer={customer} />
    </Suspense>
  );
}
