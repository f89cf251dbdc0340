export { contactPolicy } from './contacts.policy.ts';
export { contactListWhere, contactsInOrder, createContact, listContacts } from './contacts.service.ts';
export { contactCompanies, contacts } from './contacts.table.ts';
