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
export {
  cachedDefinitions,
  definitionsVersion,
  forgetDefinitions,
  freshDefinitions,
  type VersionedDefinitions,
} from './definitions-cache.ts';
