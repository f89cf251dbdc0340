export {
  type Actor,
  assertMayExport,
  authorize,
  can,
  definePolicy,
  effectivePermissions,
  type Policy,
  policyCatalogue,
  type RecordRef,
  type Scope,
  type ShareAccess,
  type ShareColumns,
  scopeFilter,
  scopeOf,
} from './authz.ts';
export { changeableBy, mayChangeShared, ownOrShared } from './sharing.ts';
