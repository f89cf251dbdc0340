export {
  assertOwnerAndUnit,
  CUSTOMER_TRACKED,
  type CustomerColumns,
  customerFilters,
  customerMatches,
  ownerNameOf,
  withNormalisedCopies,
} from './customer-fields.ts';
export { normaliseEmail, phoneDigits, phoneNeedle } from './normalise.ts';
