import { z } from 'zod';
import { listOf, ZId } from './common.ts';

/** What an import can bring in; other entities join the same machinery as they arrive. */
export const IMPORT_ENTITIES = ['company', 'contact', 'product', 'user', 'deal', 'exchange_rate', 'lead'] as const;
export const ZImportEntity = z.enum(IMPORT_ENTITIES);
export type TImportEntity = z.infer<typeof ZImportEntity>;

export const IMPORT_FORMATS = ['csv', 'xlsx', 'vcard'] as const;
export const ZImportFormat = z.enum(IMPORT_FORMATS);

/** The largest file an import accepts. */
export const IMPORT_FILE_MAX_BYTES = 50 * 1024 * 1024;
/** How many rows a preview shows. */
export const IMPORT_PREVIEW_ROWS = 20;

/** Fields every customer import can fill. `custom.<key>` names an admin's custom field. */
export const CUSTOMER_IMPORT_FIELDS = [
  'relationships',
  'status',
  'class',
  'region',
  'city',
  'address',
  'phones',
  'emails',
  'leadSource',
  'owner',
  'tags',
  'notes',
] as const;
export const COMPANY_IMPORT_FIELDS = ['name', 'legalName', 'taxNumber', 'website', 'parentCompany', ...CUSTOMER_IMPORT_FIELDS] as const;
export const CONTACT_IMPORT_FIELDS = [
  'fullName',
  'firstName',
  'lastName',
  'position',
  'birthday',
  'preferredChannel',
  'preferences',
  'personalEvents',
  'company',
  ...CUSTOMER_IMPORT_FIELDS,
] as const;
/**
 * Fields of a product import: the series becomes a category, the price goes to the default price list.
 * `price.<priceListId>` names the price in one list of the workspace (a column per list, as exported).
 */
export const PRODUCT_IMPORT_FIELDS = ['name', 'sku', 'category', 'price', 'unit', 'vatRate', 'kind', 'active', 'description'] as const;
/** The field of a product's price in one price list. */
export const PRICE_FIELD_PREFIX = 'price.';
/** Fields of a people import: each row names a person, their manager and their unit (all made when missing). */
export const USER_IMPORT_FIELDS = ['name', 'manager', 'unit', 'role', 'email'] as const;
/** Fields of a deal import. */
export const DEAL_IMPORT_FIELDS = [
  'title',
  'owner',
  'product',
  'company',
  'stage',
  'engagedOn',
  'closeOn',
  'amount',
  'currency',
  'source',
  'notes',
] as const;
/**
 * Fields of a lead import: the source and campaign (by name) become the lead's first touch, the
 * owner is a person by name or e-mail, `createdOn` the day the lead came in (ROI counts it then).
 */
export const LEAD_IMPORT_FIELDS = [
  'fullName',
  'firstName',
  'lastName',
  'companyName',
  'position',
  'email',
  'phone',
  'city',
  'source',
  'campaign',
  'status',
  'owner',
  'createdOn',
  'notes',
] as const;
/** Lead statuses a file may give: converting happens in the CRM, never by import. */
export const LEAD_IMPORT_STATUSES = ['new', 'working', 'qualified', 'disqualified'] as const;
/**
 * Fields of an exchange-rate import: on `date`, `units` units of `currency` (1 when absent, as
 * central banks write "100 JPY = 53.12 RUB") were worth `rate` units of the base currency.
 */
export const EXCHANGE_RATE_IMPORT_FIELDS = ['date', 'currency', 'rate', 'units'] as const;
/**
 * Fields that name a record of the base (a product, a stage, a person, a company): a value that
 * names none is listed with its rows and the closest records, and the user picks one or none.
 */
export const IMPORT_LINK_FIELDS = ['product', 'stage', 'owner', 'company', 'source', 'campaign'] as const;
/** The link fields of each entity's import (deals name products, stages, people, companies; leads sources, campaigns, people). */
const LINK_FIELDS_OF: Partial<Record<TImportEntity, readonly (typeof IMPORT_LINK_FIELDS)[number][]>> = {
  deal: ['product', 'stage', 'owner', 'company'],
  lead: ['source', 'campaign', 'owner'],
};
/** Whether a field of an entity's import links to a record, so that its unknown values go to the values step. */
export function isLinkField(entity: TImportEntity, field: string): boolean {
  return (LINK_FIELDS_OF[entity] as readonly string[] | undefined)?.includes(field) ?? false;
}
/** Fields whose values must be one of a known set: the preview lists unknown values with a suggestion. */
export const IMPORT_CHOICE_FIELDS = ['relationships', 'status', 'class', 'preferredChannel'] as const;

/** One column of the file: which field it fills (null: not imported) and, for phones and e-mails, their label. */
export const ZImportColumn = z.strictObject({
  field: z.string().max(60).nullable(),
  label: z.string().trim().max(40).optional(),
});
export type TImportColumn = z.infer<typeof ZImportColumn>;

/** What happens to a row that looks like a record already in the base (or an earlier row of the file). */
export const DUPLICATE_ACTIONS = ['skip', 'update', 'create'] as const;
export const ZDuplicateAction = z.enum(DUPLICATE_ACTIONS);

/**
 * The decision about a value the field does not know ("technolgy"): use one of the field's
 * values, keep it as written (a choice field learns it as a new option), or leave the field empty.
 */
export const ZValueDecision = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('use'), value: z.string().min(1).max(100) }),
  z.strictObject({ action: z.literal('keep') }),
  z.strictObject({ action: z.literal('empty') }),
]);
export type TValueDecision = z.infer<typeof ZValueDecision>;

/** The mapping and options of an import; sent with PUT /imports/:id/mapping. */
export const ZImportMapping = z.strictObject({
  /** One entry per column of the file, in the file's order. */
  columns: z.array(ZImportColumn).min(1).max(500),
  duplicates: ZDuplicateAction.default('skip'),
  /** ISO 3166 country of phone numbers written without one ("8 912…", "02 1234…"). */
  defaultCountry: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  /** Decisions about unknown values, by field and then by the value as written in the file. */
  values: z.record(z.string().max(60), z.record(z.string().max(500), ZValueDecision)).default({}),
});
export type TImportMapping = z.infer<typeof ZImportMapping>;
export type TImportMappingInput = z.input<typeof ZImportMapping>;

export const IMPORT_STATUSES = ['mapping', 'queued', 'running', 'done', 'failed', 'cancelled'] as const;
export const ZImportStatus = z.enum(IMPORT_STATUSES);

export const ZImportCounts = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  rejected: z.number().int(),
  /** Rows imported with a value changed or left out (each reported). */
  modified: z.number().int(),
});

export const ZImport = z.object({
  id: ZId,
  entity: ZImportEntity,
  fileName: z.string(),
  format: ZImportFormat,
  /** The text encoding found (CSV, vCard): "utf-8", "windows-1251", "iso-8859-1". */
  encoding: z.string().nullable(),
  /** The CSV delimiter found. */
  delimiter: z.string().nullable(),
  headers: z.array(z.string()),
  /** Data rows in the file (the header line not counted), empty lines included. */
  rowCount: z.number().int(),
  status: ZImportStatus,
  /** The mapping in force: the saved one, or the one suggested from the headers. */
  mapping: ZImportMapping,
  /** Rows done so far, of `rowCount`. */
  processed: z.number().int(),
  counts: ZImportCounts,
  error: z.string().nullable(),
  createdBy: z.object({ id: ZId, name: z.string() }).nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type TImport = z.infer<typeof ZImport>;
export const ZImportList = listOf(ZImport);

/** A problem with one cell or row, in the preview and in the report. */
export const IMPORT_PROBLEM_CODES = [
  'empty_row',
  'required_missing',
  'invalid_email',
  'invalid_website',
  'invalid_phone',
  'invalid_date',
  'invalid_number',
  'unknown_value',
  'value_corrected',
  'value_too_long',
  'unknown_owner',
  'unknown_company',
  'unknown_parent',
  'ambiguous_parent',
  'duplicate_in_base',
  'duplicate_in_file',
  'normalised',
  'unknown_product',
  'unknown_stage',
  'stage_fields_missing',
  'unknown_currency',
  'base_currency',
  'unknown_source',
  'unknown_campaign',
] as const;
export const ZImportProblemCode = z.enum(IMPORT_PROBLEM_CODES);
export type TImportProblemCode = z.infer<typeof ZImportProblemCode>;

/** What became of a row: created, an existing record updated, skipped, rejected. */
export const IMPORT_ROW_OUTCOMES = ['create', 'update', 'skip', 'reject'] as const;
export const ZImportRowOutcome = z.enum(IMPORT_ROW_OUTCOMES);

export const ZImportProblem = z.object({
  /** The line in the file (1 = the header line of a CSV or sheet). */
  line: z.number().int(),
  /** The column (0-based) and field concerned, null for the whole row. */
  column: z.number().int().nullable(),
  field: z.string().nullable(),
  code: ZImportProblemCode,
  /** The value as written in the file. */
  value: z.string().nullable(),
  /** The value stored instead, when the row was imported with a change. */
  stored: z.string().nullable(),
  outcome: ZImportRowOutcome,
  /** The record the row matched (duplicates), or the record it became (a created or updated row). */
  recordId: ZId.nullable(),
  /** For a row repeating an earlier row of the file: that row's line. */
  repeatsLine: z.number().int().nullable(),
});
export type TImportProblem = z.infer<typeof ZImportProblem>;
export const ZImportProblemList = listOf(ZImportProblem);
export const ZImportProblemQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(100).optional(),
});

export const ZImportPreviewRow = z.object({
  line: z.number().int(),
  /** The cells as written, one per column. */
  cells: z.array(z.string()),
  outcome: ZImportRowOutcome,
  problems: z.array(ZImportProblem),
  /** The existing record the row looks like. */
  duplicateOf: z.object({ id: ZId, name: z.string() }).nullable(),
});

/** A value the field does not know, how often the file has it, and the closest known value. */
export const ZUnknownValue = z.object({
  field: z.string(),
  value: z.string(),
  count: z.number().int(),
  suggestion: z.string().nullable(),
  /** The known values of the field, for choosing another (for a link field: the closest records first). */
  options: z.array(z.object({ value: z.string(), label: z.string() })),
  /** True for a field naming a record (product, stage, person, company): shown in the values step. */
  link: z.boolean().default(false),
});

export const ZImportPreview = z.object({
  rows: z.array(ZImportPreviewRow),
  unknownValues: z.array(ZUnknownValue),
});
export type TImportPreview = z.infer<typeof ZImportPreview>;

/** A saved mapping, applied to files whose headers match. */
export const ZImportTemplate = z.object({
  id: ZId,
  entity: ZImportEntity,
  name: z.string(),
  /** Field (and label) by header, compared case- and space-insensitively. */
  columns: z.array(z.object({ header: z.string(), field: z.string().nullable(), label: z.string().optional() })),
  /** Decisions about values, remembered with the columns: the next file with the same values maps itself. */
  values: z.record(z.string(), z.record(z.string(), ZValueDecision)).default({}),
  createdAt: z.string(),
});
export type TImportTemplate = z.infer<typeof ZImportTemplate>;
export const ZImportTemplateList = listOf(ZImportTemplate);
export const ZCreateImportTemplateInput = z.strictObject({
  entity: ZImportEntity,
  name: z.string().trim().min(1).max(120),
  columns: z
    .array(
      z.strictObject({ header: z.string().max(200), field: z.string().max(60).nullable(), label: z.string().trim().max(40).optional() }),
    )
    .min(1)
    .max(500),
  values: z.record(z.string().max(60), z.record(z.string().max(500), ZValueDecision)).default({}),
});
export const ZImportTemplateQuery = z.strictObject({ entity: ZImportEntity.optional() });
export const ZImportListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(20),
  cursor: z.string().max(100).optional(),
});
