import { Card } from 'antd';
import { lazy, Suspense } from 'react';
import { loadDealMessages } from '../../lib/deal-messages.ts';

// The card's code and messages load with it: the workspace page's own chunk stays as it was.
const PipelinesSettings = lazy(async () => {
  const [module] = await Promise.all([import('./pipelines-settings.tsx'), loadDealMessages()]);
  return { default: module.PipelinesSettings };
});

/** The "Pipelines and stages" card of the workspace settings, with the reasons deals are lost for. */
export function PipelinesCard() {
  return (
    <Suspense fallback={<Card loading style={{ marginTop: 16 }} />}>
      <PipelinesSettings />
    </Suspense>
  );
}
