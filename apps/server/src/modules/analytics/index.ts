export { kpiBoard } from './kpi-board.ts';
export { kpiSeries } from './kpi-series.ts';
