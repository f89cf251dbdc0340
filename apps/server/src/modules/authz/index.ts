export { type Actor, authorize, can, definePolicy, type Policy, type RecordRef, type Scope, scopeFilter, scopeOf } from './authz.ts';
export { changeableBy, mayChangeShared, ownOrShared } from './sharing.ts';
