import type { TConsentSource, TConvertLeadInput } from '@clientela/contract';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { leadSources } from '../campaigns/campaigns.table.ts';
import { type AttributedRow, hasConvertingTouch } from '../campaigns/index.ts';
import { companies, companyPolicy, createCompany } from '../companies/index.ts';
import { contactCompanies, contactPolicy, contacts, createContact } from '../contacts/index.ts';
import { createDeal, deals } from '../deals/index.ts';
import { consentEvents } from '../mailings/mailings.table.ts';
import { findLead, invalid, type LeadRow } from './lead-rows.ts';
import { leadPolicy } from './leads.policy.ts';
import { leads } from './leads.table.ts';

/** A contact or company given by id must be one the actor may read; 400 naming the field otherwise. */
async function assertReadable(ctx: Ctx, db: Executor, kind: 'contact' | 'company', id: string): Promise<void> {
  const table = kind === 'contact' ? contacts : companies;
  const policy = kind === 'contact' ? contactPolicy : companyPolicy;
  const [row] = await db
    .select({ id: table.id })
    .from(table)
    .where(
      and(
        eq(table.workspaceId, ctx.actor.workspaceId),
        eq(table.id, id),
        isNull(table.deletedAt),
        await policy.filter(ctx.actor, 'read', { owner: table.ownerId, unit: table.unitId }),
      ),
    );
  if (!row) throw invalid(`No such ${kind}`, [{ path: `${kind}Id`, message: `No such ${kind}` }]);
}

/**
 * Writes the lead's attribution on a record: the first touch only where it has none yet (an
 * existing customer keeps where they first came from), the converting touch from the lead.
 */
async function attribute(db: Executor, table: 'contact' | 'company', id: string, lead: LeadRow) {
  await db.execute(sql`UPDATE ${sql.identifier(table)} SET
      source_id = coalesce(source_id, ${lead.sourceId}::uuid),
      campaign_id = coalesce(campaign_id, ${lead.campaignId}::uuid),
      converted_source_id = coalesce(${lead.sourceId}::uuid, converted_source_id),
      converted_campaign_id = coalesce(${lead.campaignId}::uuid, converted_campaign_id)
    WHERE workspace_id = ${lead.workspaceId} AND id = ${id}`);
}

/**
 * The deal made from a lead comes from it: the lead's first touch (when it has one; else the deal
 * keeps its customer's), the touch that converted the lead (its own, else its first), and the lead itself.
 */
async function attributeDeal(db: Executor, dealId: string, lead: LeadRow) {
  const first = lead.sourceId !== null || lead.campaignId !== null;
  const converting: Pick<AttributedRow, 'convertedSourceId' | 'convertedCampaignId'> | null = hasConvertingTouch(lead)
    ? { convertedSourceId: lead.convertedSourceId, convertedCampaignId: lead.convertedCampaignId }
    : first
      ? { convertedSourceId: lead.sourceId, convertedCampaignId: lead.campaignId }
      : null;
  await db
    .update(deals)
    .set({
      leadId: lead.id,
      ...(first ? { sourceId: lead.sourceId, campaignId: lead.campaignId } : {}),
      ...(converting ?? {}),
    })
    .where(and(eq(deals.workspaceId, lead.workspaceId), eq(deals.id, dealId)));
}

/** Where the consent ticked on a lead was given. */
const consentSourceOf = (lead: LeadRow): TConsentSource =>
  lead.channel === 'web_form' ? 'web_form' : lead.channel === 'import' ? 'import' : 'manual';

/** The consent the lead gave becomes the contact's (recorded as a consent event), unless already granted. */
async function grantConsent(ctx: Ctx, db: Executor, contactId: string, lead: LeadRow) {
  const source = consentSourceOf(lead);
  const [changed] = await db
    .update(contacts)
    .set({ marketingConsent: 'granted', consentAt: sql`now()`, consentSource: source })
    .where(
      and(
        eq(contacts.workspaceId, lead.workspaceId),
        eq(contacts.id, contactId),
        sql`${contacts.marketingConsent} IS DISTINCT FROM 'granted'`,
      ),
    )
    .returning({ id: contacts.id });
  if (!changed) return;
  const name = lead.name || lead.email || lead.phone || lead.companyName || '';
  await db.insert(consentEvents).values({
    workspaceId: lead.workspaceId,
    contactId,
    state: 'granted',
    source,
    detail: `Lead ${name}`.trim().slice(0, 500),
    actorId: ctx.actor.userId,
  });
}

/** Field errors of a nested service, named under the part of the input they came from (`deal.stageId`). */
async function within<T>(prefix: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError && error.errors) {
      throw new AppError(error.code, error.message, {
        errors: error.errors.map((e) => ({ ...e, path: e.path ? `${prefix}.${e.path}` : prefix })),
        headers: error.headers,
        ...(error.extra ? { extra: error.extra } : {}),
      });
    }
    throw error;
  }
}

/**
 * Converts a lead, all or nothing: the company and the contact (existing ones, or new ones from the
 * lead), optionally a deal, each attributed to the lead's source and campaign; the lead's consent
 * goes to the contact; the lead becomes converted. 409 `already_converted` the second time.
 */
export async function convertLead(ctx: Ctx, id: string, input: TConvertLeadInput): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const lead = await findLead(ctx, tx, id, true);
    await leadPolicy.authorize(ctx.actor, 'update', lead);
    if (lead.status === 'converted') throw new AppError('already_converted', 'The lead is already converted');
    // The customer services open their own transactions: savepoints of this one.
    const inner: Ctx = { ...ctx, db: tx as unknown as Ctx['db'] };
    const [source] = lead.sourceId
      ? await tx
          .select({ name: leadSources.name })
          .from(leadSources)
          .where(and(eq(leadSources.workspaceId, lead.workspaceId), eq(leadSources.id, lead.sourceId)))
      : [];
    const sourceName = source?.name ?? null;
    const ownerId = lead.ownerId ?? ctx.actor.userId;
    const newCustomer = { relationships: ['prospect' as const], status: 'potential' as const, ownerId, leadSource: sourceName };

    let companyId: string | null = null;
    if (input.companyId) {
      await assertReadable(ctx, tx, 'company', input.companyId);
      companyId = input.companyId;
    } else if (input.createCompany !== false && lead.companyName) {
      companyId = (
        await within('company', () => createCompany(inner, { ...newCustomer, name: lead.companyName as string, city: lead.city }))
      ).id;
    }

    let contactId: string | null = null;
    if (input.contactId) {
      await assertReadable(ctx, tx, 'contact', input.contactId);
      contactId = input.contactId;
      if (companyId) {
        await tx
          .insert(contactCompanies)
          .values({ workspaceId: lead.workspaceId, contactId, companyId, role: lead.position ?? '' })
          .onConflictDoNothing();
      }
    } else if (input.createContact !== false && (lead.firstName || lead.lastName || lead.email || lead.phone)) {
      // A lead known only by an address is named by it: a contact needs a name.
      const lastName = lead.firstName || lead.lastName ? lead.lastName : (lead.email ?? lead.phone ?? '');
      const created = await within('contact', () =>
        createContact(inner, {
          ...newCustomer,
          firstName: lead.firstName,
          lastName,
          position: lead.position,
          city: lead.city,
          emails: lead.email ? [{ label: '', value: lead.email }] : [],
          phones: lead.phone ? [{ label: '', value: lead.phone }] : [],
          ...(companyId ? { companies: [{ companyId, role: lead.position ?? '' }] } : {}),
        }),
      );
      contactId = created.id;
    }
    if (!contactId && !companyId) {
      throw invalid('The lead has nothing to make a contact or a company from', [
        { path: 'contactId', message: 'Choose an existing contact or company, or let the lead make one' },
      ]);
    }
    if (contactId) {
      await attribute(tx, 'contact', contactId, lead);
      if (lead.language) {
        await tx
          .update(contacts)
          .set({ language: sql`coalesce(${contacts.language}, ${lead.language})` })
          .where(and(eq(contacts.workspaceId, lead.workspaceId), eq(contacts.id, contactId)));
      }
      if (lead.marketingConsent) await grantConsent(ctx, tx, contactId, lead);
    }
    if (companyId) await attribute(tx, 'company', companyId, lead);

    let dealId: string | null = null;
    if (input.deal) {
      const { deal } = input;
      const created = await within('deal', () =>
        createDeal(inner, {
          title: deal.title,
          ...(deal.amount !== undefined ? { amount: deal.amount } : {}),
          ...(deal.currency !== undefined ? { currency: deal.currency } : {}),
          ...(deal.pipelineId ? { pipelineId: deal.pipelineId } : {}),
          ...(deal.stageId ? { stageId: deal.stageId } : {}),
          companyId,
          contactId,
          ownerId,
          source: sourceName,
        }),
      );
      dealId = created.id;
      await attributeDeal(tx, dealId, lead);
    }

    await tx
      .update(leads)
      .set({
        status: 'converted',
        convertedContactId: contactId,
        convertedCompanyId: companyId,
        convertedDealId: dealId,
        convertedAt: sql`now()`,
        convertedById: ctx.actor.userId,
        // Its own converting touch, else its first: source and campaign together, as the deal's.
        ...(hasConvertingTouch(lead) ? {} : { convertedSourceId: lead.sourceId, convertedCampaignId: lead.campaignId }),
        disqualifyReason: null,
        updatedAt: sql`now()`,
      })
      .where(and(eq(leads.workspaceId, lead.workspaceId), eq(leads.id, id)));
  });
}
