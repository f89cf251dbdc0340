import { Card } from 'antd';
import { lazy, Suspense } from 'react';
import { loadRhythmMessages } from '../../lib/rhythm-messages.ts';

// The card's code and messages load with it: the workspace page's own chunk stays as it was.
const RhythmRulesForm = lazy(async () => {
  const [module] = await Promise.all([import('./rhythm-rules-form.tsx'), loadRhythmMessages()]);
  return { default: module.RhythmRulesForm };
});

/** The "Contact rhythm" card of the workspace settings. */
export function RhythmRulesCard() {
  return (
    <Suspense fallback={<Card loading style={{ maxWidth: 640, marginTop: 16 }} />}>
      <RhythmRulesForm />
    </Suspense>
  );
}
