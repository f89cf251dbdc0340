import type { TMe, TUser } from '@clientela/contract';
import { type Actor, effectivePermissions } from '../authz/index.ts';
import type { workspaces } from '../workspaces/workspaces.table.ts';
import type { users } from './users.table.ts';

type UserRow = typeof users.$inferSelect;
type WorkspaceRow = typeof workspaces.$inferSelect;

/** Exactly the fields of a user that may leave the server. */
export function presentUser(row: UserRow): TUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    locale: row.locale,
    timeZone: row.timeZone,
    role: row.role,
    unitId: row.unitId,
    roleId: row.roleId,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The signed-in user, with what their role lets them do, for the web app to reflect. */
export function presentMe(row: UserRow, workspace: WorkspaceRow, actor: Actor | null): TMe {
  return {
    ...presentUser(row),
    workspace: { id: workspace.id, name: workspace.name, slug: workspace.slug },
    permissions: actor ? effectivePermissions(actor) : {},
    fieldRules: actor?.fieldRules ?? {},
  };
}
