// Every table of the application, for Drizzle's query builder and drizzle-kit.

export * from '../modules/absences/absences.table.ts';
export * from '../modules/activities/activities.table.ts';
export * from '../modules/agreements/agreements.table.ts';
export * from '../modules/api-tokens/api-tokens.table.ts';
export * from '../modules/attachments/attachments.table.ts';
export * from '../modules/auth/auth.table.ts';
export * from '../modules/calendar/calendar.table.ts';
export * from '../modules/companies/companies.table.ts';
export * from '../modules/contacts/contacts.table.ts';
export * from '../modules/contracts/contracts.table.ts';
export * from '../modules/currencies/currencies.table.ts';
export * from '../modules/custom-fields/custom-fields.table.ts';
export * from '../modules/deals/deals.table.ts';
export * from '../modules/duplicates/duplicates.table.ts';
export * from '../modules/exports/exports.table.ts';
export * from '../modules/history/history.table.ts';
export * from '../modules/imports/imports.table.ts';
export * from '../modules/notifications/notifications.table.ts';
export * from '../modules/products/products.table.ts';
export * from '../modules/sales/sales.table.ts';
export * from '../modules/tasks/tasks.table.ts';
export * from '../modules/units/units.table.ts';
export * from '../modules/users/users.table.ts';
export * from '../modules/views/views.table.ts';
export * from '../modules/workspaces/workspaces.table.ts';
