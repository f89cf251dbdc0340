export { ABC_JOB, ABC_SCHEDULE, abcJob } from './abc.ts';
export { abcSettings } from './analysis.table.ts';
export { inReportLane } from './report-source.ts';
