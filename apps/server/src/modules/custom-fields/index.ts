export { customFields } from './custom-fields.table.ts';
export {
  type CustomValues,
  checkValue,
  customFilters,
  type Definition,
  definitionsOf,
  flattenCustom,
  mergeCustomValues,
  trackedWithCustom,
} from './custom-values.ts';
