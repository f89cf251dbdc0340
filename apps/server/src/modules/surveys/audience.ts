import { ZCompanyListQuery, ZContactListQuery } from '@clientela/contract';
import { and, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../http/context.ts';
import { notFound } from '../../http/errors.ts';
import { ownOrShared } from '../authz/index.ts';
import { companyListWhere } from '../companies/index.ts';
import { contactListWhere, contactPolicy, contacts } from '../contacts/index.ts';
import { findVisibleList } from '../customers/index.ts';
import { savedViews } from '../views/index.ts';
import { invalid } from './survey-rows.ts';

/** Whom to reach: a saved view (of contacts or companies), a static list (of either), or contacts by id. */
export type AudienceTarget = { viewId?: string | undefined; listId?: string | undefined; contactIds?: string[] | undefined };

/**
 * The live contacts of a target that the actor may read, as a condition on `contact`. A company
 * view or list reaches the people who work for its companies (through contact_company).
 */
export async function audienceWhere(ctx: Ctx, target: AudienceTarget): Promise<SQL> {
  const base = and(
    eq(contacts.workspaceId, ctx.actor.workspaceId),
    isNull(contacts.deletedAt),
    await contactPolicy.filter(ctx.actor, 'read', { owner: contacts.ownerId, unit: contacts.unitId }),
  ) as SQL;
  if (target.contactIds) return and(base, inArray(contacts.id, target.contactIds)) as SQL;
  if (target.viewId) {
    const [view] = await ctx.db
      .select()
      .from(savedViews)
      .where(and(ownOrShared(ctx.actor, savedViews), eq(savedViews.id, target.viewId)));
    if (!view) throw notFound('view');
    if (view.entity === 'contact') {
      const query = ZContactListQuery.safeParse(view.query);
      if (!query.success)
        throw invalid('The view cannot be read', [{ path: 'viewId', message: 'The view has filters this list does not know' }]);
      return and(base, await contactListWhere(ctx, query.data)) as SQL;
    }
    const query = ZCompanyListQuery.safeParse(view.query);
    if (!query.success)
      throw invalid('The view cannot be read', [{ path: 'viewId', message: 'The view has filters this list does not know' }]);
    const companyWhere = await companyListWhere(ctx, query.data);
    return and(
      base,
      sql`EXISTS (SELECT 1 FROM contact_company cc JOIN company ON company.workspace_id = cc.workspace_id AND company.id = cc.company_id
        WHERE cc.workspace_id = ${contacts.workspaceId} AND cc.contact_id = ${contacts.id} AND ${companyWhere ?? sql`true`})`,
    ) as SQL;
  }
  if (target.listId) {
    const list = await findVisibleList(ctx, ctx.db, target.listId);
    if (list.entity === 'contact') {
      return and(
        base,
        sql`EXISTS (SELECT 1 FROM static_list_member m WHERE m.workspace_id = ${contacts.workspaceId}
          AND m.list_id = ${list.id} AND m.record_id = ${contacts.id})`,
      ) as SQL;
    }
    return and(
      base,
      sql`EXISTS (SELECT 1 FROM static_list_member m
        JOIN contact_company cc ON cc.workspace_id = m.workspace_id AND cc.company_id = m.record_id
        JOIN company co ON co.workspace_id = cc.workspace_id AND co.id = cc.company_id AND co.deleted_at IS NULL
        WHERE m.workspace_id = ${contacts.workspaceId} AND m.list_id = ${list.id} AND cc.contact_id = ${contacts.id})`,
    ) as SQL;
  }
  throw invalid('Say whom to reach', [{ path: 'viewId', message: 'Give exactly one of viewId, listId, contactIds' }]);
}
