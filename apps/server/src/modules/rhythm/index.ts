export { RHYTHM_TASK_KIND, sweepRhythmTasks } from './sweep.ts';
