export { companyPolicy } from './companies.policy.ts';
export { companies } from './companies.table.ts';
