import type { TLead, TLeadSummary } from '@clientela/contract';
import { type AnyColumn, and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError, type FieldError, notFound } from '../../http/errors.ts';
import { campaigns, leadSources } from '../campaigns/campaigns.table.ts';
import { companies } from '../companies/index.ts';
import { contacts } from '../contacts/index.ts';
import { deals } from '../deals/index.ts';
import { units } from '../units/index.ts';
import { users } from '../users/index.ts';
import { leadPolicy } from './leads.policy.ts';
import { leads, webForms } from './leads.table.ts';

export type LeadRow = typeof leads.$inferSelect;

export const invalid = (detail: string, errors: FieldError[]) => new AppError('validation_failed', detail, { errors });

/** The name of the record `id` points to in a table of the lead's workspace (a correlated subquery). */
function nameIn(table: PgTable & { workspaceId: AnyColumn; id: AnyColumn }, name: AnyColumn | SQL, id: AnyColumn) {
  return sql<string | null>`(SELECT ${name} FROM ${table} WHERE ${table.workspaceId} = ${leads.workspaceId} AND ${table.id} = ${id})`;
}

/** A lead's row with the names of everything it refers to. */
export const LEAD_FIELDS = {
  row: leads,
  ownerName: nameIn(users, users.name, leads.ownerId),
  unitName: nameIn(units, units.name, leads.unitId),
  sourceName: nameIn(leadSources, leadSources.name, leads.sourceId),
  campaignName: nameIn(campaigns, campaigns.name, leads.campaignId),
  webFormName: nameIn(webForms, webForms.name, leads.webFormId),
  convertedSourceName: nameIn(leadSources, leadSources.name, leads.convertedSourceId),
  convertedCampaignName: nameIn(campaigns, campaigns.name, leads.convertedCampaignId),
  contactName: nameIn(contacts, contacts.name, leads.convertedContactId),
  companyName: nameIn(companies, companies.name, leads.convertedCompanyId),
  dealTitle: nameIn(deals, deals.title, leads.convertedDealId),
  convertedByName: nameIn(users, users.name, leads.convertedById),
  createdByName: nameIn(users, users.name, leads.createdById),
};

export type NamedLead = {
  row: LeadRow;
  ownerName: string | null;
  unitName: string | null;
  sourceName: string | null;
  campaignName: string | null;
  webFormName: string | null;
  convertedSourceName: string | null;
  convertedCampaignName: string | null;
  contactName: string | null;
  companyName: string | null;
  dealTitle: string | null;
  convertedByName: string | null;
  createdByName: string | null;
};

/** Selects leads with their names; the caller adds the WHERE. */
export function selectLeads(db: Executor) {
  return db.select(LEAD_FIELDS).from(leads);
}

const ref = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

/** A lead as lists show it. */
export function presentSummary(named: NamedLead): TLeadSummary {
  const { row } = named;
  return {
    id: row.id,
    status: row.status,
    channel: row.channel,
    firstName: row.firstName,
    lastName: row.lastName,
    name: row.name ?? `${row.firstName} ${row.lastName}`.trim(),
    companyName: row.companyName,
    position: row.position,
    email: row.email,
    phone: row.phone,
    city: row.city,
    language: row.language,
    marketingConsent: row.marketingConsent,
    owner: ref(row.ownerId, named.ownerName),
    source: ref(row.sourceId, named.sourceName),
    campaign: ref(row.campaignId, named.campaignName),
    webForm: ref(row.webFormId, named.webFormName),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A lead, whole, with what the reader may do to it. */
export async function presentLead(ctx: Ctx, named: NamedLead): Promise<TLead> {
  const { row } = named;
  const record = { id: row.id, ownerId: row.ownerId, unitId: row.unitId };
  const converted = row.status === 'converted';
  return {
    ...presentSummary(named),
    message: row.message,
    unit: ref(row.unitId, named.unitName),
    disqualifyReason: row.disqualifyReason,
    convertedSource: ref(row.convertedSourceId, named.convertedSourceName),
    convertedCampaign: ref(row.convertedCampaignId, named.convertedCampaignName),
    conversion: row.convertedAt
      ? {
          contact: ref(row.convertedContactId, named.contactName),
          company: ref(row.convertedCompanyId, named.companyName),
          deal: ref(row.convertedDealId, named.dealTitle),
          at: row.convertedAt.toISOString(),
          by: ref(row.convertedById, named.convertedByName),
        }
      : null,
    submittedFrom: row.submittedFrom ?? null,
    createdBy: ref(row.createdById, named.createdByName),
    mayChange: !converted && (await leadPolicy.can(ctx.actor, 'update', record)),
    mayDelete: await leadPolicy.can(ctx.actor, 'delete', record),
  };
}

/** The leads the actor may read: as far as their role reaches, and those shared with them or their unit. */
export function readableLeads(ctx: Ctx): Promise<SQL> {
  return leadPolicy.filter(ctx.actor, 'read', { owner: leads.ownerId, unit: leads.unitId, id: leads.id });
}

/** The live lead `id` of the actor's workspace, where the actor may read it. */
async function readableLead(ctx: Ctx, id: string): Promise<SQL | undefined> {
  return and(eq(leads.workspaceId, ctx.actor.workspaceId), eq(leads.id, id), isNull(leads.deletedAt), await readableLeads(ctx));
}

/** The live lead `id` the actor may read (locked for update when asked); 404 otherwise. */
export async function findLead(ctx: Ctx, db: Executor, id: string, lock = false): Promise<LeadRow> {
  const query = db
    .select()
    .from(leads)
    .where(await readableLead(ctx, id));
  const [row] = await (lock ? query.for('update') : query);
  if (!row) throw notFound('lead');
  return row;
}

/** One lead, whole; 404 when it is not the workspace's, was removed or the actor may not read it. */
export async function getLead(ctx: Ctx, id: string, db: Executor = ctx.db): Promise<TLead> {
  const [named] = await selectLeads(db).where(await readableLead(ctx, id));
  if (!named) throw notFound('lead');
  return presentLead(ctx, named);
}
