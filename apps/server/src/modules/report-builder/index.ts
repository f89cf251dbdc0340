export { savedReports } from './report-builder.table.ts';
export { runReport } from './run-report.ts';
