export { type BulkTarget, runBulk } from './bulk.ts';
export { createRecord, type RecordCreation } from './create-record.ts';
export {
  assertOwnerAndUnit,
  CUSTOMER_TRACKED,
  type CustomerColumns,
  customerDefaults,
  customerFilters,
  customerMatches,
  ownerNameOf,
  phoneContains,
  withNormalisedCopies,
} from './customer-fields.ts';
export { normaliseEmail, phoneDigits, phoneNeedle } from './normalise.ts';
export {
  addListMembers,
  findEditableList,
  findVisibleList,
  listMemberFilter,
  lockEditableList,
  mayEditList,
  type StaticListRow,
  touchList,
  visibleLists,
} from './static-lists.ts';
