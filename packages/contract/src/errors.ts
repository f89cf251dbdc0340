/**
 * Stable error codes of the API. The server maps each to an HTTP status in one table;
 * the web app maps each to a translated message.
 */
export const ERROR_CODES = [
  'validation_failed',
  'malformed_json',
  'unsupported_media_type',
  'payload_too_large',
  'unauthenticated',
  'invalid_credentials',
  'csrf_failed',
  'forbidden',
  'not_found',
  'conflict',
  'email_taken',
  'setup_already_done',
  'workspace_required',
  'unit_has_children',
  'unit_in_use',
  'unit_cycle',
  'last_admin',
  'unreadable_file',
  'import_not_editable',
  'merge_already_undone',
  'binding_agreements',
  'contract_number_taken',
  'task_transition_invalid',
  'absence_overlaps',
  'sku_taken',
  'category_in_use',
  'price_list_in_use',
  'base_currency_in_use',
  'stage_has_deals',
  'stage_requirements',
  'too_many_requests',
  'internal_error',
] as const;
export type TErrorCode = (typeof ERROR_CODES)[number];
