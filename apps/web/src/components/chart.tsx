import { BarChart, type BarSeriesOption, LineChart, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import { type ComposeOption, type EChartsType, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { type HTMLAttributes, useEffect, useRef } from 'react';

// Only the parts our charts use are bundled; a chart that needs another part registers it here.
use([BarChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer]);
// Reports draw periods as lines.
use([LineChart]);

/** An ECharts option limited to the registered parts. */
export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption
>;

type Props = { option: ChartOption; height: number } & Omit<HTMLAttributes<HTMLDivElement>, 'children'>;

/** Series colours: the product's teal first, then colours that stay apart from it and from each other. */
const PALETTE = ['#0f766e', '#f59e0b', '#6366f1', '#ef4444', '#0ea5e9', '#8b5cf6', '#84cc16', '#f97316', '#64748b'];

/**
 * Defaults for every chart: the page's font and colours, bars no wider than a bar should look when
 * there are only one or two, and no animation for people who ask their system for less motion.
 */
function defaults(element: HTMLElement): object {
  const reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;
  return {
    color: PALETTE,
    bar: { barMaxWidth: 56 },
    textStyle: { fontFamily: getComputedStyle(element).fontFamily },
    animation: !reducedMotion,
  };
}

/**
 * An Apache ECharts chart as wide as its container: it draws `option`, follows its changes and the container's size.
 * Import it lazily (`lazy(() => import(...))`): ECharts then loads only with the pages that show a chart.
 */
export function Chart({ option, height, style, ...rest }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const instance = init(element, defaults(element), { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // Series keep their ids from one option to the next, so a change moves the bars instead of drawing them anew.
    chart.current?.setOption(option, { replaceMerge: ['series'] });
  }, [option]);

  return <div ref={ref} style={{ width: '100%', height, ...style }} {...rest} />;
}
