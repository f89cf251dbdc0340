import type { TMe, TShareableEntity } from '@clientela/contract';

/** What the page knows of a record: its own verdict where the API gives one, else its owner and unit. */
export type ShareableRecord = { mayChange?: boolean; owner?: { id: string } | null; unitId?: string | null };

/**
 * Whether the user may try to share a record: who may change it may share it. The server decides
 * (sub-units and shares with "can edit" are known only there); this only spares a button that could never work.
 */
export function mayShare(me: TMe, entity: TShareableEntity, record: ShareableRecord): boolean {
  if (record.mayChange !== undefined) return record.mayChange;
  const scope = me.permissions?.[entity]?.update ?? 'none';
  const mine = record.owner?.id === me.id;
  switch (scope) {
    case 'all':
      return true;
    case 'own':
      return mine;
    case 'unit_only':
      return mine || (record.unitId != null && record.unitId === me.unitId);
    case 'unit':
      return mine || record.unitId != null;
    default:
      return false;
  }
}
