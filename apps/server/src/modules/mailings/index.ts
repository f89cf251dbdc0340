export { setConsent, setConsentOf } from './consent.ts';
export { isPermanentFailure, type MarketingMail, type MarketingSender, openMarketingSender, sendMarketingMail } from './mail-send.ts';
export { mailingPolicy } from './mailings.policy.ts';
export { consentEvents, mailingRecipients, mailings, mailTemplates } from './mailings.table.ts';
export { languageFor, languagesOf, mergeFieldsOf, type Recipient, sampleFields } from './merge-fields.ts';
export { type CompiledTemplate, compileTemplate, type MergeFields, personalise } from './render.ts';
