export { type CaseRow, findCase } from './case-rows.ts';
export { listCaseTypes } from './case-types.service.ts';
export { casePolicy, caseSettingsPolicy } from './cases.policy.ts';
export { caseCategories, caseMessages, caseRoutingRules, caseTypes, supportCases } from './cases.table.ts';
export { createCase, nextCaseNumber } from './create-case.ts';
export { getCase } from './get-case.ts';
export { caseAwaitingHandover, handoverAnswered } from './handover.ts';
export { listCases } from './list-cases.ts';
export { type CaseReplyMailer, type CaseReplyMailerOptions, startCaseReplyMailer } from './reply-mailer.ts';
