import {
  COMPANY_IMPORT_FIELDS,
  CONTACT_IMPORT_FIELDS,
  DEAL_IMPORT_FIELDS,
  EXCHANGE_RATE_IMPORT_FIELDS,
  IMPORT_ENTITIES,
  LEAD_IMPORT_FIELDS,
  PRODUCT_IMPORT_FIELDS,
  type TImportColumn,
  type TImportEntity,
  type TImportMappingInput,
  type TImportPreview,
  type TImportTemplate,
  USER_IMPORT_FIELDS,
} from '@clientela/contract';

/** A field of the record a column can fill (custom fields aside). */
export type ImportField =
  | (typeof COMPANY_IMPORT_FIELDS)[number]
  | (typeof CONTACT_IMPORT_FIELDS)[number]
  | (typeof PRODUCT_IMPORT_FIELDS)[number]
  | (typeof USER_IMPORT_FIELDS)[number]
  | (typeof DEAL_IMPORT_FIELDS)[number]
  | (typeof EXCHANGE_RATE_IMPORT_FIELDS)[number]
  | (typeof LEAD_IMPORT_FIELDS)[number];

/** The mapping as the form edits it. */
export type MappingDraft = Required<Pick<TImportMappingInput, 'columns' | 'duplicates' | 'values'>> & { defaultCountry?: string };

const FIELDS: Record<TImportEntity, readonly ImportField[]> = {
  company: COMPANY_IMPORT_FIELDS,
  contact: CONTACT_IMPORT_FIELDS,
  product: PRODUCT_IMPORT_FIELDS,
  user: USER_IMPORT_FIELDS,
  deal: DEAL_IMPORT_FIELDS,
  exchange_rate: EXCHANGE_RATE_IMPORT_FIELDS,
  lead: LEAD_IMPORT_FIELDS,
};
/** Fields several columns may fill: each column adds its values. */
const MULTI_COLUMN = new Set(['phones', 'emails', 'tags']);

const ALL_FIELDS = new Set<string>(Object.values(FIELDS).flat());

/** Whether the entity's records are customers (companies, contacts), with custom fields. */
export function isCustomerEntity(entity: TImportEntity): entity is 'company' | 'contact' {
  return entity === 'company' || entity === 'contact';
}

/** Whether the entity's file names records by their name (products, stages, people, companies, sources, campaigns): it has a values step. */
export function hasValuesStep(entity: TImportEntity): boolean {
  return entity === 'deal' || entity === 'lead';
}

/** The entities a person may import: people and exchange rates only for admins, the catalogue not for employees. */
export function importableEntities(role: 'admin' | 'manager' | 'employee'): TImportEntity[] {
  return IMPORT_ENTITIES.filter((entity) =>
    entity === 'user' || entity === 'exchange_rate' ? role === 'admin' : entity === 'product' ? role !== 'employee' : true,
  );
}

/** Whether a string names a standard field (rather than a custom one). */
export function isImportField(field: string): field is ImportField {
  return ALL_FIELDS.has(field);
}

/** The standard fields of the entity's records, in the order the select lists them. */
export function importFields(entity: TImportEntity): readonly ImportField[] {
  return FIELDS[entity];
}

/** Phones and e-mails carry a label ("work", "mobile") that the column gives them. */
export function takesLabel(field: string | null): boolean {
  return field === 'phones' || field === 'emails';
}

/** The body of PUT /imports/:id/mapping: labels only where a field takes them, trimmed, left out when empty. */
export function mappingBody(draft: MappingDraft): TImportMappingInput {
  const columns = draft.columns.map(({ field, label }): TImportColumn => {
    const trimmed = label?.trim();
    return takesLabel(field) && trimmed ? { field, label: trimmed } : { field };
  });
  return {
    columns,
    duplicates: draft.duplicates,
    ...(draft.defaultCountry ? { defaultCountry: draft.defaultCountry } : {}),
    values: draft.values,
  };
}

/** Headers compared as templates compare them: without case and spaces. */
function headerKey(header: string): string {
  return header.toLowerCase().replace(/\s+/g, '');
}

/** The columns with a template applied to the headers it knows; the others keep their field. */
export function applyTemplate(
  headers: string[],
  columns: TImportColumn[],
  template: Pick<TImportTemplate, 'columns'>,
): { columns: TImportColumn[]; matched: number } {
  const byHeader = new Map(template.columns.map((column) => [headerKey(column.header), column]));
  let matched = 0;
  const applied = headers.map((header, index) => {
    const saved = byHeader.get(headerKey(header));
    if (!saved) return columns[index] ?? { field: null };
    matched += 1;
    return saved.label ? { field: saved.field, label: saved.label } : { field: saved.field };
  });
  return { columns: applied, matched };
}

/** How many headers of the file a template knows. */
export function templateMatches(headers: string[], template: Pick<TImportTemplate, 'columns'>): number {
  const known = new Set(template.columns.map((column) => headerKey(column.header)));
  return headers.filter((header) => known.has(headerKey(header))).length;
}

/** The columns of a template made from the current mapping. */
export function templateColumns(headers: string[], columns: TImportColumn[]): TImportTemplate['columns'] {
  return headers.map((header, index) => {
    const { field = null, label } = columns[index] ?? {};
    const trimmed = label?.trim();
    return takesLabel(field) && trimmed ? { header, field, label: trimmed } : { header, field };
  });
}

/** Up to `count` non-empty values of a column in the preview's rows. */
export function samplesOf(preview: TImportPreview | undefined, column: number, count = 3): string[] {
  const samples: string[] = [];
  for (const row of preview?.rows ?? []) {
    const cell = row.cells[column]?.trim();
    if (cell && !samples.includes(cell)) samples.push(cell);
    if (samples.length >= count) break;
  }
  return samples;
}

/** Whether no column gives the records their name (a rate: its date, currency and rate), so that every row would be rejected. */
export function nameMissing(entity: TImportEntity, columns: TImportColumn[]): boolean {
  if (entity === 'exchange_rate') {
    return !['date', 'currency', 'rate'].every((field) => columns.some((column) => column.field === field));
  }
  const names =
    entity === 'contact'
      ? ['fullName', 'firstName', 'lastName']
      : entity === 'deal'
        ? ['title']
        : entity === 'lead'
          ? ['fullName', 'firstName', 'lastName', 'companyName', 'email', 'phone']
          : ['name'];
  return !columns.some((column) => column.field !== null && names.includes(column.field));
}

/** For each column, the first earlier column that fills the same single-value field. */
export function repeatedFields(columns: TImportColumn[]): (number | null)[] {
  return columns.map((column, index) => {
    if (!column.field || MULTI_COLUMN.has(column.field)) return null;
    const first = columns.findIndex((other) => other.field === column.field);
    return first < index ? first : null;
  });
}

/** Column indexes named by the API's field errors (`columns.3.field`). */
export function refusedColumns(errors: { path: string }[]): Set<number> {
  const refused = new Set<number>();
  for (const { path } of errors) {
    const match = /(?:^|[./])columns[./](\d+)/.exec(path);
    if (match) refused.add(Number(match[1]));
  }
  return refused;
}
