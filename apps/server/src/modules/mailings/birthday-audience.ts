import { ZContactListQuery } from '@clientela/contract';
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.ts';
import type { Actor } from '../authz/index.ts';
import { contactListWhere, contacts } from '../contacts/index.ts';
import { unitSubtree } from '../units/index.ts';
import { users } from '../users/index.ts';
import { savedViews, staticListMembers, staticLists } from '../views/index.ts';

/** The first active administrator of a workspace, acting for the automation (sender of its tasks). */
export async function automationActor(db: Executor, workspaceId: string): Promise<Actor | null> {
  const [admin] = await db
    .select({ id: users.id, name: users.name, unitId: users.unitId })
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), eq(users.role, 'admin'), eq(users.active, true)))
    .orderBy(asc(users.createdAt), asc(users.id))
    .limit(1);
  if (!admin) return null;
  return {
    workspaceId,
    userId: admin.id,
    name: admin.name,
    role: 'admin',
    unitId: admin.unitId,
    unitTree: () => (admin.unitId ? unitSubtree(db, workspaceId, admin.unitId) : Promise.resolve(new Set<string>())),
  };
}

/**
 * The contacts the automation is limited to, as SQL on `contact`: a static list's members, or a
 * saved view's query as its list would read it with an administrator's reach; no limit: true.
 * A view or list gone, or a view whose query no longer reads, limits to nobody: greeting everyone
 * instead would surprise.
 */
export async function audienceWhere(db: Database, actor: Actor, setting: { viewId: string | null; listId: string | null }): Promise<SQL> {
  const { workspaceId } = actor;
  if (setting.listId) {
    const [list] = await db
      .select({ entity: staticLists.entity })
      .from(staticLists)
      .where(and(eq(staticLists.workspaceId, workspaceId), eq(staticLists.id, setting.listId)));
    if (list?.entity !== 'contact') return sql`false`;
    return sql`EXISTS (SELECT 1 FROM ${staticListMembers} m WHERE m.workspace_id = ${workspaceId}
      AND m.list_id = ${setting.listId} AND m.record_id = ${contacts.id})`;
  }
  if (setting.viewId) {
    const [view] = await db
      .select({ entity: savedViews.entity, query: savedViews.query })
      .from(savedViews)
      .where(and(eq(savedViews.workspaceId, workspaceId), eq(savedViews.id, setting.viewId)));
    if (view?.entity !== 'contact') return sql`false`;
    const parsed = ZContactListQuery.safeParse(view.query);
    if (!parsed.success) return sql`false`;
    try {
      return (await contactListWhere({ db, actor }, parsed.data)) ?? sql`true`;
    } catch {
      return sql`false`;
    }
  }
  return sql`true`;
}
