import type { Actor } from '../authz/index.ts';

/** Who designs, publishes and deletes processes: admins. */
export function canDesign(actor: Actor): boolean {
  return actor.role === 'admin';
}

/** Who cancels and retries instances and watches every one of them: admins and managers. */
export function canManageInstances(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'manager';
}
