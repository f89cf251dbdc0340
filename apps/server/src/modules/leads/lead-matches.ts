import type { TLeadMatches } from '@clientela/contract';
import { type AnyColumn, and, eq, isNull, sql } from 'drizzle-orm';
import type { Ctx } from '../../http/context.ts';
import { companies, companyPolicy } from '../companies/index.ts';
import { contactCompanies, contactPolicy, contacts } from '../contacts/index.ts';
import { normaliseEmail, phoneNeedle } from '../customers/index.ts';
import { escapeLike } from '../users/index.ts';
import { findLead } from './lead-rows.ts';

const MATCHES_SHOWN = 10;

/** The stored copies hold every address, space-separated: a whole-word match of one of them. */
const hasEmail = (column: AnyColumn, email: string) => sql<boolean>`(' ' || ${column} || ' ') LIKE ${`% ${escapeLike(email)} %`}`;
const hasPhone = (column: AnyColumn, needle: string) => sql<boolean>`${column} LIKE ${`%${escapeLike(needle)}%`}`;

/**
 * Customers the lead may already be: contacts and companies the reader may see with the lead's
 * e-mail or phone (normalised as the customer base stores them), and companies of its company name.
 */
export async function leadMatches(ctx: Ctx, id: string): Promise<TLeadMatches> {
  const lead = await findLead(ctx, ctx.db, id);
  const email = lead.email ? normaliseEmail(lead.email) : null;
  const phone = lead.phone ? phoneNeedle(lead.phone) : null;
  const companyName = lead.companyName?.trim().toLowerCase() || null;
  const workspaceId = ctx.actor.workspaceId;
  const none = sql<boolean>`false`;

  const contactEmail = email ? hasEmail(contacts.emailsNormalised, email) : none;
  const contactPhone = phone ? hasPhone(contacts.phoneDigits, phone) : none;
  const foundContacts =
    email || phone
      ? await ctx.db
          .select({
            id: contacts.id,
            name: contacts.name,
            emails: contacts.emails,
            phones: contacts.phones,
            byEmail: contactEmail,
            byPhone: contactPhone,
            company: sql<{ id: string; name: string } | null>`(SELECT json_build_object('id', c.id, 'name', c.name)
              FROM ${contactCompanies} cc JOIN ${companies} c ON c.workspace_id = cc.workspace_id AND c.id = cc.company_id AND c.deleted_at IS NULL
              WHERE cc.workspace_id = contact.workspace_id AND cc.contact_id = contact.id ORDER BY c.name LIMIT 1)`,
          })
          .from(contacts)
          .where(
            and(
              eq(contacts.workspaceId, workspaceId),
              isNull(contacts.deletedAt),
              sql`(${contactEmail} OR ${contactPhone})`,
              await contactPolicy.filter(ctx.actor, 'read', { owner: contacts.ownerId, unit: contacts.unitId }),
            ),
          )
          .orderBy(contacts.name, contacts.id)
          .limit(MATCHES_SHOWN)
      : [];

  const companyEmail = email ? hasEmail(companies.emailsNormalised, email) : none;
  const companyPhone = phone ? hasPhone(companies.phoneDigits, phone) : none;
  const companyByName = companyName ? sql<boolean>`lower(${companies.name}) = ${companyName}` : none;
  const foundCompanies =
    email || phone || companyName
      ? await ctx.db
          .select({
            id: companies.id,
            name: companies.name,
            city: companies.city,
            byEmail: companyEmail,
            byPhone: companyPhone,
            byName: companyByName,
          })
          .from(companies)
          .where(
            and(
              eq(companies.workspaceId, workspaceId),
              isNull(companies.deletedAt),
              sql`(${companyEmail} OR ${companyPhone} OR ${companyByName})`,
              await companyPolicy.filter(ctx.actor, 'read', { owner: companies.ownerId, unit: companies.unitId }),
            ),
          )
          .orderBy(companies.name, companies.id)
          .limit(MATCHES_SHOWN)
      : [];

  return {
    contacts: foundContacts.map((c) => ({
      id: c.id,
      name: c.name ?? '',
      company: c.company,
      email: c.emails[0]?.value ?? null,
      phone: c.phones[0]?.value ?? null,
      matchedOn: [...(c.byEmail ? (['email'] as const) : []), ...(c.byPhone ? (['phone'] as const) : [])],
    })),
    companies: foundCompanies.map((c) => ({
      id: c.id,
      name: c.name,
      city: c.city,
      matchedOn: [
        ...(c.byEmail ? (['email'] as const) : []),
        ...(c.byPhone ? (['phone'] as const) : []),
        ...(c.byName ? (['name'] as const) : []),
      ],
    })),
  };
}
