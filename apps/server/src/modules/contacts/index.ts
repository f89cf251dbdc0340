export { contactPolicy } from './contacts.policy.ts';
export { contactListWhere, contactsInOrder, listContacts } from './contacts.service.ts';
export { contactCompanies, contacts } from './contacts.table.ts';
