import { Card } from 'antd';
import { lazy, Suspense } from 'react';
import { loadTaskSettingsMessages } from '../../lib/task-settings-messages.ts';

// The card's code and messages load with it: the workspace page's own chunk stays as it was.
const ReminderRulesForm = lazy(async () => {
  const [module] = await Promise.all([import('./reminder-rules-form.tsx'), loadTaskSettingsMessages()]);
  return { default: module.ReminderRulesForm };
});

/** The "Reminders and escalation" card of the workspace settings. */
export function ReminderRulesCard() {
  return (
    <Suspense fallback={<Card loading style={{ maxWidth: 640, marginTop: 16 }} />}>
      <ReminderRulesForm />
    </Suspense>
  );
}
