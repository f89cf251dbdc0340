export { contactPolicy } from './contacts.policy.ts';
export { contactCompanies, contacts } from './contacts.table.ts';
