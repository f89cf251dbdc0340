import { COLUMNS_OF, type TCustomField, type TRecordEntity } from '@clientela/contract';

/** The columns a list shows until the user chooses others. */
export const DEFAULT_COLUMNS: Record<TRecordEntity, readonly string[]> = {
  company: ['name', 'status', 'relationships', 'city', 'phones', 'owner', 'updatedAt'],
  contact: ['name', 'position', 'companies', 'phones', 'city', 'status', 'birthday'],
};

const CUSTOM_PREFIX = 'custom.';

/** The column id of a custom field. */
export const customColumnId = (key: string) => `${CUSTOM_PREFIX}${key}`;

/** The custom field key of a column id, or null for a standard column. */
export function customKeyOf(id: string): string | null {
  return id.startsWith(CUSTOM_PREFIX) ? id.slice(CUSTOM_PREFIX.length) : null;
}

/** Every column a list may show: the standard ones, then the custom fields in their order. */
export function columnChoices(entity: TRecordEntity, fields: readonly TCustomField[]): string[] {
  return [...COLUMNS_OF[entity], ...fields.map((field) => customColumnId(field.key))];
}

/**
 * The columns to show: known ones only, each once, the name first (it opens the record).
 * Columns of custom fields since deleted, or not loaded yet, are skipped, not forgotten.
 */
export function visibleColumns(ids: readonly string[], choices: readonly string[]): string[] {
  const known = new Set(choices);
  const shown = ['name'];
  for (const id of ids) if (known.has(id) && !shown.includes(id)) shown.push(id);
  return shown;
}

const storageKey = (entity: TRecordEntity) => `clientela.columns.${entity}`;

/** The columns this browser last chose for a list, if any. */
export function loadColumns(entity: TRecordEntity): string[] | null {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(storageKey(entity)) ?? 'null');
    return Array.isArray(parsed) && parsed.length > 0 && parsed.every((id) => typeof id === 'string') ? parsed : null;
  } catch {
    return null;
  }
}

/** Remembers the chosen columns in this browser. */
export function saveColumns(entity: TRecordEntity, ids: readonly string[]): void {
  try {
    localStorage.setItem(storageKey(entity), JSON.stringify(ids));
  } catch {
    // Storage can be full or disabled: the columns are then chosen for this visit only.
  }
}

/** Whether two column lists are the same, in the same order. */
export function sameColumns(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}
