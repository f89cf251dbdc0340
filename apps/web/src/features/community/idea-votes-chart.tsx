import type { TIdea } from '@clientela/contract';
import { useMemo } from 'react';
import { Chart, type ChartOption } from '../../components/chart.tsx';

const shorten = (title: string) => (title.length > 40 ? `${title.slice(0, 39)}…` : title);

/** Votes of the most wanted ideas, the most voted on top. Load it lazily: it brings ECharts. */
export function IdeaVotesChart({ ideas, label }: { ideas: Pick<TIdea, 'id' | 'title' | 'voteCount'>[]; label: string }) {
  const option = useMemo((): ChartOption => {
    const bars = [...ideas].reverse();
    return {
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: bars.map((idea) => shorten(idea.title)) },
      series: [{ id: 'votes', name: label, type: 'bar', data: bars.map((idea) => idea.voteCount) }],
    };
  }, [ideas, label]);
  return <Chart option={option} height={Math.max(120, ideas.length * 28 + 24)} />;
}
