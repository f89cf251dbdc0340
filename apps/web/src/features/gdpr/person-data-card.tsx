import { Card } from 'antd';
import { lazy, Suspense } from 'react';
import { loadGdprMessages } from '../../lib/gdpr-messages.ts';

// The card's code and messages load with it, so the contact page's own chunk stays as it was.
const PersonDataPanel = lazy(async () => {
  const [module] = await Promise.all([import('./person-data-panel.tsx'), loadGdprMessages()]);
  return { default: module.PersonDataPanel };
});

/** A person's data on the contact page: the export file, the record of consents, and the erasure (admins). */
export function PersonDataCard({ contactId, fullName }: { contactId: string; fullName: string }) {
  return (
    <Suspense fallback={<Card loading />}>
      <PersonDataPanel contactId={contactId} fullName={fullName} />
    </Suspense>
  );
}
