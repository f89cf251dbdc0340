import type { TActivity, TMe } from '@clientela/contract';

/**
 * Whether the user may try to change or remove an activity: its author, a manager or an admin.
 * The server decides (a manager only for their unit); this only spares buttons that could never work.
 */
export function mayChangeActivity(me: TMe, activity: TActivity): boolean {
  return me.role !== 'employee' || activity.author?.id === me.id;
}
