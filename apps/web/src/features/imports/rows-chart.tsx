import type { TImport } from '@clientela/contract';
import { Card } from 'antd';
import { lazy, Suspense, useLayoutEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../locale/locale-context.tsx';
import { OUTCOMES, ROWS_CHART_HEIGHT, ROWS_CHART_NARROW_BELOW, rowsChartLines, rowsChartOption } from './rows-chart-option.ts';

// ECharts loads with the first chart shown, not with the import pages' other steps.
const Chart = lazy(async () => ({ default: (await import('../../components/chart.tsx')).Chart }));

/** Whether the element is narrower than ROWS_CHART_NARROW_BELOW, followed as it is resized. */
function useNarrow(element: HTMLElement | null): boolean {
  const [narrow, setNarrow] = useState(false);
  useLayoutEffect(() => {
    if (!element) return;
    const measure = () => setNarrow(element.clientWidth > 0 && element.clientWidth < ROWS_CHART_NARROW_BELOW);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return narrow;
}

/** Where the rows processed so far went, as one 100 % bar below the count cards; nothing while no row is processed. */
export function RowsChart({ counts }: { counts: TImport['counts'] }) {
  const { t } = useTranslation('imports');
  const { locale } = useLocale();
  // The card's body appears with the first row processed: a ref in state lets the measuring start then.
  const [body, setBody] = useState<HTMLDivElement | null>(null);
  const layout = useNarrow(body) ? 'narrow' : 'wide';
  const option = useMemo(() => rowsChartOption(counts, t, locale, layout), [counts, t, locale, layout]);
  const description = useMemo(
    () => `${t('result.chart.title')}: ${new Intl.ListFormat(locale, { type: 'unit' }).format(rowsChartLines(counts, t, locale))}`,
    [counts, t, locale],
  );
  const height = ROWS_CHART_HEIGHT[layout];

  if (OUTCOMES.every((key) => counts[key] === 0)) return null;
  return (
    <Card size="small" title={t('result.chart.title')} data-testid="rows-chart">
      {/* Described here, not on the chart: a screen reader hears the figures while ECharts is still loading. */}
      <div ref={setBody} role="img" aria-label={description}>
        <Suspense fallback={<div style={{ height }} />}>
          <Chart option={option} height={height} />
        </Suspense>
      </div>
    </Card>
  );
}
