import type { TPlanKind } from '@clientela/contract';
import { type Actor, definePolicy } from '../authz/index.ts';
import { companyPolicy } from '../companies/index.ts';

/**
 * Who reads and sets sales plans: admins every plan; managers read and set the plans of their unit,
 * the units below it and their people; employees read the plans that concern them and set none.
 */
export const planningPolicy = definePolicy<'read' | 'set'>('plans', {
  admin: { read: 'all', set: 'all' },
  manager: { read: 'unit', set: 'unit' },
  employee: { read: 'own' },
});

/** What a plan's target is, as far as deciding who may see or set it goes. */
export type TargetRef = { id: string; name: string; ownerId: string | null; unitId: string | null };

/**
 * May the actor read, or set, the plans of this kind for this target (null: the whole company)?
 * The whole company and products are company-wide: everyone reads them, admins set them. A unit's
 * plans are read by its members and its managers; a person's by themselves and their managers; a
 * customer's by whoever may read the customer. Managers set their units' and their people's plans.
 */
export async function mayPlan(actor: Actor, action: 'read' | 'set', kind: TPlanKind, target: TargetRef | null): Promise<boolean> {
  const scope = planningPolicy.scope(actor, action);
  if (scope === 'none') return false;
  if (scope === 'all') return true;
  switch (kind) {
    case 'total':
    case 'product':
      return action === 'read';
    case 'unit': {
      if (!target) return false;
      if (action === 'read' && target.id === actor.unitId) return true;
      return scope === 'unit' && (await actor.unitTree()).has(target.id);
    }
    case 'owner':
      return target !== null && planningPolicy.can(actor, action, { ownerId: target.id, unitId: target.unitId });
    case 'company':
      return action === 'read' && target !== null && companyPolicy.can(actor, 'read', { ownerId: target.ownerId, unitId: target.unitId });
  }
}

/** May the actor set plans of this kind for some target: admins any, managers units' and people's. */
export function maySetKind(actor: Actor, kind: TPlanKind): boolean {
  const scope = planningPolicy.scope(actor, 'set');
  if (scope === 'all') return true;
  return scope !== 'none' && (kind === 'unit' || kind === 'owner');
}
