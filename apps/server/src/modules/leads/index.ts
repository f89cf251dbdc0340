export { convertLead } from './convert-lead.ts';
export { getLead } from './lead-rows.ts';
export { checkLeadRefs, createLead } from './lead-writes.ts';
export { leadPolicy, webFormPolicy } from './leads.policy.ts';
export { leads, webForms } from './leads.table.ts';
export { listLeads } from './list-leads.ts';
