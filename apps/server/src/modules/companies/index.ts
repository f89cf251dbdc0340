export { companyPolicy } from './companies.policy.ts';
export { companyListWhere } from './companies.service.ts';
export { companies, companyGroups } from './companies.table.ts';
