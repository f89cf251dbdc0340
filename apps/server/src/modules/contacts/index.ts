export { contactPolicy } from './contacts.policy.ts';
export { contactIdsInOrder, contactListWhere, contactsInOrder, listContacts } from './contacts.service.ts';
export { contactCompanies, contacts } from './contacts.table.ts';
