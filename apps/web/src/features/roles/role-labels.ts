import { ROLE_ACTIONS, type TScope } from '@clientela/contract';
import i18next from 'i18next';

/** `kb-articles` → "Kb articles", `taxNumber` → "Tax number": a readable name where no translation exists. */
export function humanise(key: string): string {
  const words = key
    .replace(/^custom\./, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[-_.]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

// Keys come from the server's catalogue, so they are looked up untyped, with a fallback.
function translated(key: string, fallback: string): string {
  return i18next.exists(key, { ns: 'roles' }) ? String(i18next.t(key as never, { ns: 'roles' })) : fallback;
}

/** A resource's name in the reader's language, else humanised. */
export const resourceLabel = (resource: string) => translated(`resources.${resource}`, humanise(resource));

/** An action's name in the reader's language, else humanised. */
export const actionLabel = (action: string) => translated(`actions.${action}`, humanise(action));

/** A protectable field's name in the reader's language; custom fields by their label when known. */
export const fieldLabel = (field: string, customLabels: Map<string, string>) =>
  field.startsWith('custom.') ? (customLabels.get(field.slice(7)) ?? humanise(field)) : translated(`fields.${field}`, humanise(field));

/** The matrix's columns: the usual actions first in their order, then the rarer ones as the catalogue names them. */
export function actionColumns(actions: string[]): string[] {
  const known: readonly string[] = ROLE_ACTIONS;
  const present = new Set(actions);
  return [...known.filter((action) => present.has(action)), ...[...present].filter((action) => !known.includes(action)).sort()];
}

/** The scopes in the order the editor offers them, narrowest first. */
export const SCOPE_ORDER: TScope[] = ['none', 'own', 'unit_only', 'unit', 'all'];
