import type { TRhythmScopeQuery } from '@clientela/contract';
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../http/context.ts';
import { companies, companyPolicy } from '../companies/index.ts';
import { contactPolicy, contacts } from '../contacts/index.ts';
import { unitSubtree } from '../units/index.ts';

/**
 * Which companies and contacts a report may show: employees their own customers, managers their
 * unit's tree, admins all (the lists' own read policies), narrowed to a manager or a unit when asked.
 * The conditions name the tables `company` and `contact` unaliased.
 */
export async function customerScope(ctx: Ctx, query: TRhythmScopeQuery): Promise<{ company: SQL; contact: SQL }> {
  const units = query.unitId ? [...(await unitSubtree(ctx.db, ctx.actor.workspaceId, query.unitId))] : undefined;
  const narrow = (owner: typeof companies.ownerId | typeof contacts.ownerId, unit: typeof companies.unitId | typeof contacts.unitId) =>
    and(query.ownerId ? eq(owner, query.ownerId) : undefined, units ? (units.length > 0 ? inArray(unit, units) : sql`false`) : undefined) ??
    sql`true`;
  return {
    company: and(
      await companyPolicy.filter(ctx.actor, 'read', { owner: companies.ownerId, unit: companies.unitId }),
      narrow(companies.ownerId, companies.unitId),
    ) as SQL,
    contact: and(
      await contactPolicy.filter(ctx.actor, 'read', { owner: contacts.ownerId, unit: contacts.unitId }),
      narrow(contacts.ownerId, contacts.unitId),
    ) as SQL,
  };
}
