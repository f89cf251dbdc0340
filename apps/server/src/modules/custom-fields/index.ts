export { customFields } from './custom-fields.table.ts';
export {
  type CustomValues,
  customFilters,
  type Definition,
  definitionsOf,
  flattenCustom,
  mergeCustomValues,
  trackedWithCustom,
} from './custom-values.ts';
