import type { TLocale } from '@clientela/contract';

/**
 * Message loaders that lazily loaded pages register (see customer-messages.ts); the language switch
 * runs each one. Kept apart from i18n.ts so that those pages do not pull the start-up code apart.
 */
export const namespaceLoaders: ((locale: TLocale) => Promise<void>)[] = [];
