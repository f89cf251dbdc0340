import type { TErrorCode, TProblem } from '@clientela/contract';

/** One HTTP status per stable error code: the only place that decides it. */
const STATUS_OF: Record<TErrorCode, number> = {
  validation_failed: 400,
  malformed_json: 400,
  unsupported_media_type: 415,
  payload_too_large: 413,
  unauthenticated: 401,
  invalid_credentials: 401,
  csrf_failed: 403,
  forbidden: 403,
  field_read_only: 403,
  field_hidden: 403,
  not_found: 404,
  conflict: 409,
  email_taken: 409,
  setup_already_done: 409,
  workspace_required: 409,
  unit_has_children: 409,
  unit_in_use: 409,
  unit_cycle: 409,
  last_admin: 409,
  unreadable_file: 422,
  import_not_editable: 409,
  merge_already_undone: 409,
  binding_agreements: 409,
  contract_number_taken: 409,
  task_transition_invalid: 409,
  absence_overlaps: 409,
  sku_taken: 409,
  category_in_use: 409,
  price_list_in_use: 409,
  base_currency_in_use: 409,
  stage_has_deals: 409,
  stage_requirements: 400,
  credit_limit_exceeded: 409,
  status_transition_invalid: 409,
  bpmn_invalid: 400,
  process_invalid: 400,
  draft_changed: 409,
  process_running: 409,
  process_not_published: 409,
  not_your_step: 403,
  step_closed: 409,
  process_step: 409,
  in_use: 409,
  duplicate_name: 409,
  too_many_posts: 429,
  no_accepted_answer: 409,
  already_promoted: 409,
  invalid_transition: 409,
  invalid_template: 400,
  mail_not_configured: 503,
  survey_answered: 409,
  survey_closed: 410,
  already_answered: 409,
  already_converted: 409,
  portal_disabled: 409,
  already_invited: 409,
  already_erased: 409,
  link_invalid: 404,
  too_many_requests: 429,
  service_unavailable: 503,
  storage_full: 507,
  internal_error: 500,
};

const TITLE_OF: Record<TErrorCode, string> = {
  validation_failed: 'The request is not valid',
  malformed_json: 'The request body is not valid JSON',
  unsupported_media_type: 'Unsupported media type',
  payload_too_large: 'The request body is too large',
  unauthenticated: 'Sign-in required',
  invalid_credentials: 'Wrong e-mail or password',
  csrf_failed: 'Missing or wrong CSRF token',
  forbidden: 'Not allowed',
  field_read_only: 'This field may not be changed',
  field_hidden: 'This field is hidden from your role',
  not_found: 'Not found',
  conflict: 'Conflict',
  email_taken: 'E-mail already in use',
  setup_already_done: 'The workspace already exists',
  workspace_required: 'Several workspaces match',
  unit_has_children: 'The unit has sub-units',
  unit_in_use: 'The unit has members',
  unit_cycle: 'A unit cannot be placed inside itself',
  last_admin: 'The last administrator must stay',
  unreadable_file: 'The file cannot be read',
  import_not_editable: 'The import has already started',
  merge_already_undone: 'The merge has already been undone',
  binding_agreements: 'Agreements still bind us',
  contract_number_taken: 'Contract number already in use',
  task_transition_invalid: 'The task cannot move to that status now',
  absence_overlaps: 'The person is already away on some of these days',
  sku_taken: 'SKU already in use',
  category_in_use: 'The category still has products or sub-categories',
  price_list_in_use: 'The price list has prices',
  base_currency_in_use: 'Amounts are recorded in the base currency',
  stage_has_deals: 'The stage still has deals',
  stage_requirements: 'The stage needs more fields',
  credit_limit_exceeded: 'Over the credit limit',
  status_transition_invalid: 'Not possible in its present status',
  bpmn_invalid: 'The file is not a BPMN 2.0 model',
  process_invalid: 'The process cannot be published as it is',
  draft_changed: 'Someone saved the process in the meantime',
  process_running: 'The process still has running instances',
  process_not_published: 'The process has no published version',
  not_your_step: 'This step is not yours to complete',
  step_closed: 'The step is no longer open',
  process_step: 'A process step is completed with its form',
  in_use: 'Records still use it',
  duplicate_name: 'The name is already taken',
  too_many_posts: 'Too many posts in a short time',
  no_accepted_answer: 'The question has no accepted answer',
  already_promoted: 'The question is already an article',
  invalid_transition: 'Not possible in its present status',
  invalid_template: 'The template cannot be compiled',
  mail_not_configured: 'No mail server is configured',
  survey_answered: 'The survey already has answers',
  survey_closed: 'The survey is closed',
  already_answered: 'The survey has already been answered',
  already_converted: 'The lead is already converted',
  portal_disabled: 'The customer portal is switched off for this customer',
  already_invited: 'The contact already has a portal account',
  already_erased: 'The person is already erased',
  link_invalid: 'The link is unknown, used or expired',
  too_many_requests: 'Too many requests',
  service_unavailable: 'The service cannot answer just now',
  storage_full: 'The server has no disk space left',
  internal_error: 'Internal error',
};

export type FieldError = { path: string; message: string };

/** The one error type of the application: a stable code, a human detail, offending fields. */
export class AppError extends Error {
  readonly code: TErrorCode;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string>;
  /** More members of the problem body, for a code whose callers need more than `errors`. */
  readonly extra: Record<string, unknown> | undefined;

  constructor(
    code: TErrorCode,
    detail?: string,
    options: { errors?: FieldError[]; headers?: Record<string, string>; extra?: Record<string, unknown> } = {},
  ) {
    super(detail ?? TITLE_OF[code]);
    this.name = 'AppError';
    this.code = code;
    this.errors = options.errors;
    this.headers = options.headers ?? {};
    this.extra = options.extra;
  }

  get status(): number {
    return STATUS_OF[this.code];
  }
}

/** Builds the RFC 9457 body for an error code. */
export function problemOf(code: TErrorCode, detail: string, instance?: string, errors?: FieldError[]): TProblem {
  return {
    type: `https://clientela.dev/problems/${code.replaceAll('_', '-')}`,
    title: TITLE_OF[code],
    status: STATUS_OF[code],
    code,
    detail,
    ...(instance ? { instance } : {}),
    ...(errors ? { errors } : {}),
  };
}

export const notFound = (what = 'record') => new AppError('not_found', `No such ${what}`);
export const forbidden = (detail = 'You may not do this') => new AppError('forbidden', detail);
