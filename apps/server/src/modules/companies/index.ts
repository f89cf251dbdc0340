export { companyPolicy } from './companies.policy.ts';
export { companiesInOrder, companyListWhere, createCompany, listCompanies } from './companies.service.ts';
export { companies, companyGroups } from './companies.table.ts';
