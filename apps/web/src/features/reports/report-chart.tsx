import { type ECElementEvent, getInstanceByDom } from 'echarts/core';
import { useEffect, useRef } from 'react';
import { Chart, type ChartOption } from '../../components/chart.tsx';

type Props = {
  option: ChartOption;
  height?: number;
  /** Told the clicked bar or point: its index on the axis and its series' id. */
  onItemClick?: (dataIndex: number, seriesId: string | undefined) => void;
  label: string;
};

/** A report's chart; a click on a bar or a point opens the records behind it. */
export function ReportChart({ option, height = 320, onItemClick, label }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const clicked = useRef(onItemClick);
  clicked.current = onItemClick;

  useEffect(() => {
    // The chart's own element is the first child; ECharts was set up on it by Chart's effect, which ran first.
    const element = ref.current?.firstElementChild;
    const instance = element instanceof HTMLElement ? getInstanceByDom(element) : undefined;
    if (!instance) return;
    const listener = (params: ECElementEvent) => clicked.current?.(params.dataIndex, params.seriesId ?? undefined);
    instance.on('click', listener);
    return () => {
      instance.off('click', listener);
    };
  }, []);

  return (
    <div ref={ref} role="img" aria-label={label} data-testid="report-chart" style={{ cursor: onItemClick ? 'pointer' : undefined }}>
      <Chart option={option} height={height} />
    </div>
  );
}
