import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { contactPolicy, contacts } from '../contacts/index.ts';

/** Who may do what with a person's data: admins and managers export; only admins erase; employees neither. */
export const mayExport = (ctx: Ctx) => ctx.actor.role === 'admin' || ctx.actor.role === 'manager';
export const mayErase = (ctx: Ctx) => ctx.actor.role === 'admin';

/**
 * The contact the actor may read (in the bin too: a request for one's data still holds there), locked
 * for a change when asked; 404 otherwise, another workspace's included.
 */
export async function findPerson(ctx: Ctx, db: Executor, id: string, lock = false) {
  const query = db
    .select({ id: contacts.id, name: contacts.name, emails: contacts.emails })
    .from(contacts)
    .where(
      and(
        eq(contacts.workspaceId, ctx.actor.workspaceId),
        eq(contacts.id, id),
        await contactPolicy.filter(ctx.actor, 'read', { owner: contacts.ownerId, unit: contacts.unitId }),
      ),
    )
    .limit(1);
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('contact');
  return row;
}

/** 403 unless the actor may export people's data. */
export function assertMayExport(ctx: Ctx): void {
  if (!mayExport(ctx)) throw forbidden('Only admins and managers may export personal data');
}

/** 403 unless the actor may erase people. */
export function assertMayErase(ctx: Ctx): void {
  if (!mayErase(ctx)) throw forbidden('Only admins may erase personal data');
}
