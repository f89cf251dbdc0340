import type { TMe } from '@clientela/contract';

// The server decides; this only spares buttons that could never work.

/** Whether the user may change products, categories and price lists: managers and admins. */
export function mayEditCatalogue(me: TMe): boolean {
  return me.role !== 'employee';
}
