import { Card } from 'antd';
import { lazy, Suspense } from 'react';
import { loadMailingMessages } from '../../lib/marketing-messages.ts';

// The card's code and messages load with it, so the contact page's own chunk stays as it was.
const ConsentPanel = lazy(async () => {
  const [module] = await Promise.all([import('./consent-panel.tsx'), loadMailingMessages()]);
  return { default: module.ConsentPanel };
});

/** A contact's marketing consent with its history, and Grant / Withdraw: for the contact page. */
export function ConsentCard({ contactId }: { contactId: string }) {
  return (
    <Suspense fallback={<Card loading />}>
      <ConsentPanel contactId={contactId} />
    </Suspense>
  );
}
