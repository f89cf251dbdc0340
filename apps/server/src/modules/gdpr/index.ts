export { erasePerson } from './erase-person.ts';
export { gdprRoutes } from './gdpr.routes.ts';
export { mailSuppressions, personErasures } from './gdpr.table.ts';
export { exportPerson } from './person-export.ts';
export { consentRecord, erasureOf } from './person-status.ts';
export { emailHash, emailHashSql, isSuppressed } from './suppression.ts';
