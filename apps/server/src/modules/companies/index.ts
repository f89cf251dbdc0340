export { companyPolicy } from './companies.policy.ts';
export { companiesInOrder, companyListWhere, listCompanies } from './companies.service.ts';
export { companies, companyGroups } from './companies.table.ts';
