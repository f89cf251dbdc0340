import { Card } from 'antd';
import { lazy, Suspense } from 'react';
import { loadCatalogueMessages } from '../../lib/catalogue-messages.ts';

// The card's code and messages (and ECharts, with its chart) load with it: the page that shows it stays as light as it was.
const CurrenciesSettings = lazy(async () => {
  const [module] = await Promise.all([import('./currencies-settings.tsx'), loadCatalogueMessages()]);
  return { default: module.CurrenciesSettings };
});

/** The "Currencies" card of the workspace settings: base currency, currencies in use and exchange rates. */
export function CurrenciesCard() {
  return (
    <Suspense fallback={<Card loading style={{ maxWidth: 960, marginTop: 16 }} />}>
      <CurrenciesSettings />
    </Suspense>
  );
}
