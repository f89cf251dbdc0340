export { type Actor, authorize, can, definePolicy, type Policy, type RecordRef, type Scope, scopeOf } from './authz.ts';
