import { MY_DAY_CAP, OPEN_AGREEMENT_STATUSES, type TMyDayAgreement, type TMyDayContract } from '@clientela/contract';
import { and, asc, eq, inArray, isNull, lte, ne, sql } from 'drizzle-orm';
import { runPrepared } from '../../db/prepared.ts';
import type { Ctx } from '../../http/context.ts';
import { agreementPolicy } from '../agreements/agreements.policy.ts';
import { agreements } from '../agreements/agreements.table.ts';
import { companies, companyPolicy } from '../companies/index.ts';
import { contacts } from '../contacts/index.ts';
import { contracts } from '../contracts/contracts.table.ts';
import { joinedContactName, readableCustomerJoins } from './readable-customers.ts';

/** How far ahead an agreement's or contract's end shows on my day. */
export const EXPIRY_HORIZON_DAYS = 30;

type Section<T> = { items: T[]; total: number };

/**
 * Open agreements I keep (I agreed on them, or made them when nobody is named) that lapse
 * before `horizon`, lapsed ones first. The customer is named only when I may read it.
 */
export async function expiringAgreements(ctx: Ctx, today: string, horizon: string): Promise<Section<TMyDayAgreement>> {
  if (!(await agreementPolicy.can(ctx.actor, 'read'))) return { items: [], total: 0 };
  // The customer's name comes with the agreement, joined only when it is live and mine to read.
  const joins = await readableCustomerJoins(ctx);
  const rows = await runPrepared(
    ctx.db
      .select({
        row: agreements,
        companyName: companies.name,
        contactName: joinedContactName,
        total: sql<number>`(count(*) OVER ())::int`,
      })
      .from(agreements)
      .leftJoin(companies, joins.company(agreements.workspaceId, agreements.companyId))
      .leftJoin(contacts, joins.contact(agreements.workspaceId, agreements.contactId))
      .where(
        and(
          eq(agreements.workspaceId, ctx.actor.workspaceId),
          isNull(agreements.deletedAt),
          sql`coalesce(${agreements.agreedById}, ${agreements.createdById}) = ${ctx.actor.userId}`,
          inArray(agreements.status, [...OPEN_AGREEMENT_STATUSES]),
          lte(agreements.validUntil, horizon),
        ),
      )
      .orderBy(asc(agreements.validUntil), asc(agreements.id))
      .limit(MY_DAY_CAP),
  );
  const ref = (id: string | null, name: string | null) => (id && name !== null ? { id, name } : null);
  return {
    items: rows.map(({ row, companyName, contactName }) => ({
      id: row.id,
      title: row.title,
      status: row.status,
      validUntil: row.validUntil as string,
      company: ref(row.companyId, companyName),
      contact: ref(row.contactId, contactName),
      expired: (row.validUntil as string) < today,
    })),
    total: rows[0]?.total ?? 0,
  };
}

/** Live contracts I am responsible for, of companies I may read, ending before `horizon` (ended ones first). */
export async function expiringContracts(ctx: Ctx, today: string, horizon: string): Promise<Section<TMyDayContract>> {
  const rows = await runPrepared(
    ctx.db
      .select({ row: contracts, companyName: companies.name, total: sql<number>`(count(*) OVER ())::int` })
      .from(contracts)
      .innerJoin(companies, and(eq(companies.workspaceId, contracts.workspaceId), eq(companies.id, contracts.companyId)))
      .where(
        and(
          eq(contracts.workspaceId, ctx.actor.workspaceId),
          isNull(contracts.deletedAt),
          ne(contracts.renewal, 'ended'),
          eq(contracts.responsibleId, ctx.actor.userId),
          lte(contracts.endDate, horizon),
          isNull(companies.deletedAt),
          await companyPolicy.filter(ctx.actor, 'read', { owner: companies.ownerId, unit: companies.unitId }),
        ),
      )
      .orderBy(asc(contracts.endDate), asc(contracts.id))
      .limit(MY_DAY_CAP),
  );
  return {
    items: rows.map(({ row, companyName }) => ({
      id: row.id,
      number: row.number,
      subject: row.subject,
      company: { id: row.companyId, name: companyName },
      endDate: row.endDate as string,
      renewal: row.renewal,
      expired: (row.endDate as string) < today,
    })),
    total: rows[0]?.total ?? 0,
  };
}
