import { type AnyColumn, and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../http/context.ts';
import { companies, companyPolicy } from '../companies/index.ts';
import { contactPolicy, contacts } from '../contacts/index.ts';

/**
 * Join conditions that bring in the company and the contact a row points to only when they are
 * live and the actor may read them, so that a name My day shows never leaks a record.
 */
export async function readableCustomerJoins(ctx: Ctx) {
  const [companyScope, contactScope] = await Promise.all([
    companyPolicy.filter(ctx.actor, 'read', { owner: companies.ownerId, unit: companies.unitId }),
    contactPolicy.filter(ctx.actor, 'read', { owner: contacts.ownerId, unit: contacts.unitId }),
  ]);
  return {
    company: (workspaceId: AnyColumn, id: AnyColumn, ...more: SQL[]) =>
      and(...more, eq(companies.workspaceId, workspaceId), eq(companies.id, id), isNull(companies.deletedAt), companyScope),
    contact: (workspaceId: AnyColumn, id: AnyColumn, ...more: SQL[]) =>
      and(...more, eq(contacts.workspaceId, workspaceId), eq(contacts.id, id), isNull(contacts.deletedAt), contactScope),
  };
}

/** The joined contact's name ('' when it has none), or null when no contact was joined. */
export const joinedContactName = sql<string | null>`CASE WHEN ${contacts.id} IS NOT NULL THEN coalesce(${contacts.name}, '') END`;
