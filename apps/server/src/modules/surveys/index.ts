export { SURVEY_INVITE_JOB, surveyInviteJob } from './invite-job.ts';
export { surveyPolicy } from './surveys.policy.ts';
export { surveyInvitations, surveyResponses, surveys } from './surveys.table.ts';
