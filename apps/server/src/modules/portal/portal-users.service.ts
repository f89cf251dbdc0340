import { type PORTAL_USER_SORTS, type TPortalUser, type TPortalUserListQuery, ZPortalUserListQuery } from '@clientela/contract';
import { and, asc, count, eq, ilike, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { afterCursor, orderBy, pageOf, parseSort, type SortField } from '../../lib/pagination.ts';
import { companies, companyPolicy } from '../companies/index.ts';
import { contactCompanies, contactPolicy, contacts } from '../contacts/index.ts';
import { escapeLike, users } from '../users/index.ts';
import { portalSessions, portalTokens, portalUsers } from './portal.table.ts';

const SORTS: Record<(typeof PORTAL_USER_SORTS)[number], SortField> = {
  email: { column: portalUsers.email },
  invitedAt: { column: portalUsers.invitedAt, cast: 'timestamptz' },
};

const row = {
  id: portalUsers.id,
  contactId: portalUsers.contactId,
  contactName: contacts.name,
  email: portalUsers.email,
  status: portalUsers.status,
  language: portalUsers.language,
  invitedAt: portalUsers.invitedAt,
  invitedById: portalUsers.invitedById,
  invitedByName: users.name,
  activatedAt: portalUsers.activatedAt,
  lastLoginAt: portalUsers.lastLoginAt,
  cursorKey: sql<string>`NULL`,
};

/** The portal accounts whose contact the actor may read (a contact in the bin hides its account). */
async function readable(ctx: Ctx): Promise<SQL | undefined> {
  return and(
    eq(portalUsers.workspaceId, ctx.actor.workspaceId),
    isNull(contacts.deletedAt),
    await contactPolicy.filter(ctx.actor, 'read', { owner: contacts.ownerId, unit: contacts.unitId }),
  );
}

function selectRows(db: Executor, cursorKey?: SQL<string>) {
  return db
    .select({ ...row, cursorKey: cursorKey ?? row.cursorKey })
    .from(portalUsers)
    .innerJoin(contacts, and(eq(contacts.workspaceId, portalUsers.workspaceId), eq(contacts.id, portalUsers.contactId)))
    .leftJoin(users, and(eq(users.workspaceId, portalUsers.workspaceId), eq(users.id, portalUsers.invitedById)));
}

/** The companies of each contact that the actor may see, with their portal switch. */
async function companiesOf(ctx: Ctx, db: Executor, contactIds: string[]) {
  const byContact = new Map<string, TPortalUser['companies']>();
  if (contactIds.length === 0) return byContact;
  const rows = await db
    .select({ contactId: contactCompanies.contactId, id: companies.id, name: companies.name, portalAccess: companies.portalAccess })
    .from(contactCompanies)
    .innerJoin(companies, and(eq(companies.workspaceId, contactCompanies.workspaceId), eq(companies.id, contactCompanies.companyId)))
    .where(
      and(
        eq(contactCompanies.workspaceId, ctx.actor.workspaceId),
        inArray(contactCompanies.contactId, contactIds),
        isNull(companies.deletedAt),
        await companyPolicy.filter(ctx.actor, 'read', { owner: companies.ownerId, unit: companies.unitId }),
      ),
    )
    .orderBy(asc(companies.name));
  for (const { contactId, ...company } of rows) byContact.set(contactId, [...(byContact.get(contactId) ?? []), company]);
  return byContact;
}

type Row = Awaited<ReturnType<typeof selectRows>>[number];

function present(r: Row, links: Map<string, TPortalUser['companies']>): TPortalUser {
  return {
    id: r.id,
    contact: { id: r.contactId, name: r.contactName ?? '' },
    companies: links.get(r.contactId) ?? [],
    email: r.email,
    status: r.status,
    language: r.language,
    invitedAt: r.invitedAt.toISOString(),
    invitedBy: r.invitedById ? { id: r.invitedById, name: r.invitedByName ?? '' } : null,
    activatedAt: r.activatedAt?.toISOString() ?? null,
    lastLoginAt: r.lastLoginAt?.toISOString() ?? null,
  };
}

/** Lists the portal accounts of the contacts the actor may read, filtered and keyset-paginated. */
export async function listPortalUsers(ctx: Ctx, raw: TPortalUserListQuery) {
  const query = ZPortalUserListQuery.parse(raw);
  const keyset = parseSort(query.sort, SORTS, '-invitedAt');
  const filters: (SQL | undefined)[] = [await readable(ctx)];
  if (query['filter[status]']) filters.push(eq(portalUsers.status, query['filter[status]']));
  if (query['filter[contactId]']) filters.push(eq(portalUsers.contactId, query['filter[contactId]']));
  if (query['filter[companyId]']) {
    filters.push(
      sql`EXISTS (SELECT 1 FROM contact_company cc WHERE cc.workspace_id = ${portalUsers.workspaceId}
        AND cc.contact_id = ${portalUsers.contactId} AND cc.company_id = ${query['filter[companyId]']})`,
    );
  }
  const text = query.q?.trim();
  if (text) {
    const pattern = `%${escapeLike(text)}%`;
    filters.push(or(ilike(portalUsers.email, pattern), ilike(contacts.name, pattern)));
  }
  const where = and(...filters);
  const [rows, [counted]] = await Promise.all([
    selectRows(ctx.db, sql<string>`${keyset.field.column}::text`)
      .where(and(where, afterCursor(keyset, portalUsers.id, query.cursor)))
      .orderBy(...orderBy(keyset, portalUsers.id))
      .limit(query.limit + 1),
    ctx.db
      .select({ total: count() })
      .from(portalUsers)
      .innerJoin(contacts, and(eq(contacts.workspaceId, portalUsers.workspaceId), eq(contacts.id, portalUsers.contactId)))
      .where(where),
  ]);
  const { page, nextCursor } = pageOf(rows, query.limit, keyset);
  const links = await companiesOf(
    ctx,
    ctx.db,
    page.map((r) => r.contactId),
  );
  return { data: page.map((r) => present(r, links)), nextCursor, total: counted?.total ?? 0 };
}

/** One portal account the actor may see (through its contact); 404 for any other. */
export async function getPortalUser(ctx: Ctx, id: string, db: Executor = ctx.db): Promise<TPortalUser> {
  const [found] = await selectRows(db)
    .where(and(await readable(ctx), eq(portalUsers.id, id)))
    .limit(1);
  if (!found) throw notFound('portal user');
  return present(found, await companiesOf(ctx, db, [found.contactId]));
}

/**
 * The account and its contact, locked, when the actor may change the contact: 404 when they
 * may not even read it, 403 when they may read but not change it.
 */
export async function lockPortalUserForUpdate(ctx: Ctx, tx: Executor, id: string) {
  const [found] = await tx
    .select({
      id: portalUsers.id,
      status: portalUsers.status,
      email: portalUsers.email,
      language: portalUsers.language,
      activatedAt: portalUsers.activatedAt,
      contactId: contacts.id,
      ownerId: contacts.ownerId,
      unitId: contacts.unitId,
    })
    .from(portalUsers)
    .innerJoin(contacts, and(eq(contacts.workspaceId, portalUsers.workspaceId), eq(contacts.id, portalUsers.contactId)))
    .where(and(await readable(ctx), eq(portalUsers.id, id)))
    .limit(1)
    .for('update', { of: portalUsers });
  if (!found) throw notFound('portal user');
  await contactPolicy.authorize(ctx.actor, 'update', found);
  return found;
}

/** Closes the account's open sessions and its unused one-time links, at once. */
async function revokeAccess(tx: Executor, workspaceId: string, portalUserId: string) {
  await tx
    .update(portalSessions)
    .set({ revokedAt: sql`now()` })
    .where(
      and(eq(portalSessions.workspaceId, workspaceId), eq(portalSessions.portalUserId, portalUserId), isNull(portalSessions.revokedAt)),
    );
  await tx
    .update(portalTokens)
    .set({ expiresAt: sql`least(${portalTokens.expiresAt}, now())` })
    .where(and(eq(portalTokens.workspaceId, workspaceId), eq(portalTokens.portalUserId, portalUserId), isNull(portalTokens.usedAt)));
}

/** Disables a portal account: the customer is signed out everywhere and their links stop working. */
export async function disablePortalUser(ctx: Ctx, id: string): Promise<TPortalUser> {
  return ctx.db.transaction(async (tx) => {
    const found = await lockPortalUserForUpdate(ctx, tx, id);
    if (found.status !== 'disabled') {
      await tx
        .update(portalUsers)
        .set({ status: 'disabled', updatedAt: sql`now()` })
        .where(and(eq(portalUsers.workspaceId, ctx.actor.workspaceId), eq(portalUsers.id, id)));
    }
    await revokeAccess(tx, ctx.actor.workspaceId, id);
    return getPortalUser(ctx, id, tx);
  });
}

/** Enables a disabled account again: active if the customer had signed in before, else invited (resend the invitation). */
export async function enablePortalUser(ctx: Ctx, id: string): Promise<TPortalUser> {
  return ctx.db.transaction(async (tx) => {
    const found = await lockPortalUserForUpdate(ctx, tx, id);
    if (found.status === 'disabled') {
      await tx
        .update(portalUsers)
        .set({ status: found.activatedAt ? 'active' : 'invited', updatedAt: sql`now()` })
        .where(and(eq(portalUsers.workspaceId, ctx.actor.workspaceId), eq(portalUsers.id, id)));
    }
    return getPortalUser(ctx, id, tx);
  });
}

/** Refuses a status change that makes no sense for the account as it stands. */
export function refuseInStatus(status: string, detail: string): never {
  throw new AppError('status_transition_invalid', detail, { errors: [{ path: 'status', message: `The account is ${status}` }] });
}
