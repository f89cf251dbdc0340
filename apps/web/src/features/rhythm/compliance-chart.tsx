import type { TRhythmManagerLine } from '@clientela/contract';
import { useMemo } from 'react';
import { Chart, type ChartOption } from '../../components/chart.tsx';

type Props = { lines: TRhythmManagerLine[]; labels: { onTime: string; overdue: string; noOwner: string } };

/** Each manager's customers on time next to those overdue, stacked. Load it lazily: it brings ECharts. */
export function ComplianceChart({ lines, labels }: Props) {
  const option = useMemo(
    (): ChartOption => ({
      grid: { left: 8, right: 16, top: 32, bottom: 8 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: lines.map((line) => line.ownerName ?? labels.noOwner) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { id: 'on-time', name: labels.onTime, type: 'bar', stack: 'customers', color: '#52c41a', data: lines.map((l) => l.onTime) },
        { id: 'overdue', name: labels.overdue, type: 'bar', stack: 'customers', color: '#ff4d4f', data: lines.map((l) => l.overdue) },
      ],
    }),
    [lines, labels],
  );
  return <Chart option={option} height={260} role="img" aria-label={`${labels.onTime} / ${labels.overdue}`} />;
}
