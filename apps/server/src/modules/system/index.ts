/** The system status page's figures: the server process, its database, read replicas and the job queue. */
export { systemStatus } from './system-status.ts';
