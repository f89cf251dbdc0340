import { Card } from 'antd';
import { lazy, Suspense } from 'react';
import { loadAuditLogMessages } from '../../lib/audit-log-messages.ts';

// The card's code and messages load with it: the workspace page's own chunk stays as it was.
const AuditRetentionForm = lazy(async () => {
  const [module] = await Promise.all([import('./audit-retention-form.tsx'), loadAuditLogMessages()]);
  return { default: module.AuditRetentionForm };
});

/** The "Audit log" card of the workspace settings. */
export function AuditRetentionCard() {
  return (
    <Suspense fallback={<Card loading style={{ maxWidth: 640, marginTop: 16 }} />}>
      <AuditRetentionForm />
    </Suspense>
  );
}
