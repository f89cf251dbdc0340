export { companyPolicy } from './companies.policy.ts';
export { companiesInOrder, companyIdsInOrder, companyListWhere, listCompanies } from './companies.service.ts';
export { companies, companyGroups } from './companies.table.ts';
