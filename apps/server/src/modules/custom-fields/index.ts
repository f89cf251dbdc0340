export { customFields } from './custom-fields.table.ts';
export { type CustomValues, customFilters, definitionsOf, flattenCustom, mergeCustomValues, trackedWithCustom } from './custom-values.ts';
