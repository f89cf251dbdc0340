import type { TRecordRef } from '@clientela/contract';
import { and, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { companies, companyPolicy } from '../companies/index.ts';
import { contactCompanies, contactPolicy, contacts } from '../contacts/index.ts';
import { readableDealSql } from '../deals/index.ts';
import { users } from '../users/index.ts';

export type RecordType = TRecordRef['type'];

/** The live companies and contacts among `ids` that the actor may read, by id. */
export async function readableRecords(
  ctx: Ctx,
  db: Executor,
  ids: { company?: readonly string[]; contact?: readonly string[] },
): Promise<Map<string, TRecordRef>> {
  const workspaceId = ctx.actor.workspaceId;
  const found = new Map<string, TRecordRef>();
  const companyIds = [...new Set(ids.company ?? [])];
  const contactIds = [...new Set(ids.contact ?? [])];
  const [companyRows, contactRows] = await Promise.all([
    companyIds.length === 0
      ? []
      : db
          .select({ id: companies.id, name: companies.name })
          .from(companies)
          .where(
            and(
              eq(companies.workspaceId, workspaceId),
              inArray(companies.id, companyIds),
              isNull(companies.deletedAt),
              await companyPolicy.filter(ctx.actor, 'read', { owner: companies.ownerId, unit: companies.unitId }),
            ),
          ),
    contactIds.length === 0
      ? []
      : db
          .select({ id: contacts.id, name: sql<string>`coalesce(${contacts.name}, '')` })
          .from(contacts)
          .where(
            and(
              eq(contacts.workspaceId, workspaceId),
              inArray(contacts.id, contactIds),
              isNull(contacts.deletedAt),
              await contactPolicy.filter(ctx.actor, 'read', { owner: contacts.ownerId, unit: contacts.unitId }),
            ),
          ),
  ]);
  for (const row of companyRows) found.set(row.id, { type: 'company', id: row.id, name: row.name });
  for (const row of contactRows) found.set(row.id, { type: 'contact', id: row.id, name: row.name });
  return found;
}

/**
 * Checks that every company and contact named in an input exists and is readable by the actor;
 * 400 naming each that is not (`companyIds.1`), whether it is missing or hidden.
 */
export async function assertReadable(
  ctx: Ctx,
  db: Executor,
  fields: { path: string; type: RecordType; ids: readonly string[]; single?: boolean }[],
): Promise<Map<string, TRecordRef>> {
  const ids = { company: [] as string[], contact: [] as string[] };
  for (const field of fields) ids[field.type].push(...field.ids);
  const found = await readableRecords(ctx, db, ids);
  const errors = fields.flatMap((field) =>
    field.ids.flatMap((id, i) =>
      found.get(id)?.type === field.type
        ? []
        : [{ path: field.single ? field.path : `${field.path}.${i}`, message: `No such ${field.type}` }],
    ),
  );
  if (errors.length > 0) throw new AppError('validation_failed', 'A linked record does not exist', { errors });
  return found;
}

/** The live contacts of some companies (everyone who may read a company sees its contacts' activities). */
export async function contactsOfCompanies(db: Executor, workspaceId: string, companyIds: readonly string[]): Promise<string[]> {
  if (companyIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ id: contactCompanies.contactId })
    .from(contactCompanies)
    .innerJoin(contacts, and(eq(contacts.workspaceId, contactCompanies.workspaceId), eq(contacts.id, contactCompanies.contactId)))
    .where(
      and(eq(contactCompanies.workspaceId, workspaceId), inArray(contactCompanies.companyId, [...companyIds]), isNull(contacts.deletedAt)),
    );
  return rows.map((r) => r.id);
}

/** The companies the given contacts work for. */
export async function companiesOfContacts(db: Executor, workspaceId: string, contactIds: readonly string[]): Promise<string[]> {
  if (contactIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ id: contactCompanies.companyId })
    .from(contactCompanies)
    .where(and(eq(contactCompanies.workspaceId, workspaceId), inArray(contactCompanies.contactId, [...contactIds])));
  return rows.map((r) => r.id);
}

/** SQL true when `idColumn` is a live company the actor may read. */
export async function readableCompanySql(ctx: Ctx, idColumn: SQL): Promise<SQL> {
  const scope = await companyPolicy.filter(ctx.actor, 'read', { owner: companies.ownerId, unit: companies.unitId });
  return sql`EXISTS (SELECT 1 FROM ${companies} WHERE ${companies.workspaceId} = ${ctx.actor.workspaceId}
    AND ${companies.id} = ${idColumn} AND ${companies.deletedAt} IS NULL AND ${scope})`;
}

/** SQL true when `idColumn` is a live contact the actor may read. */
export async function readableContactSql(ctx: Ctx, idColumn: SQL): Promise<SQL> {
  const scope = await contactPolicy.filter(ctx.actor, 'read', { owner: contacts.ownerId, unit: contacts.unitId });
  return sql`EXISTS (SELECT 1 FROM ${contacts} WHERE ${contacts.workspaceId} = ${ctx.actor.workspaceId}
    AND ${contacts.id} = ${idColumn} AND ${contacts.deletedAt} IS NULL AND ${scope})`;
}

/** SQL true when `entityColumn` is a company, a contact or a deal the actor may read (an activity link). */
export async function readableEntitySql(ctx: Ctx, entityColumn: SQL): Promise<SQL> {
  const [company, contact, deal] = await Promise.all([
    readableCompanySql(ctx, entityColumn),
    readableContactSql(ctx, entityColumn),
    readableDealSql(ctx, entityColumn),
  ]);
  return sql`(${company} OR ${contact} OR ${deal})`;
}

/** The unit of an active user of the workspace; 400 naming `path` for anyone else. */
export async function unitOfUser(db: Executor, workspaceId: string, userId: string, path: string): Promise<string | null> {
  const [user] = await db
    .select({ unitId: users.unitId, active: users.active })
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), eq(users.id, userId)));
  if (!user?.active) throw new AppError('validation_failed', 'No such user', { errors: [{ path, message: 'No such user' }] });
  return user.unitId;
}
