import {
  PROTECTABLE_FIELDS,
  type TCreateRoleInput,
  type TDefinedRole,
  type TRoleCatalogue,
  type TUpdateRoleInput,
  ZCreateRoleInput,
} from '@clientela/contract';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../http/context.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { type Actor, policyCatalogue } from '../authz/index.ts';
import { customFields } from '../custom-fields/custom-fields.table.ts';
import { users } from '../users/users.table.ts';
import { type RoleFieldRules, type RolePermissions, roles } from './roles.table.ts';

type Row = typeof roles.$inferSelect;

// People and roles stay with admins: a defined role granting them would let its holders raise their own rights.
const ADMIN_ONLY = new Set(['users']);

/** Only admins define roles. */
export function assertAdmin(actor: Actor) {
  if (actor.role !== 'admin') throw forbidden('Only administrators manage roles');
}

function present(row: Row, userCount: number): TDefinedRole {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    baseRole: row.baseRole,
    permissions: row.permissions,
    fieldRules: row.fieldRules,
    userCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the editor offers: resources with their actions and scopes, and the fields a role can protect (custom ones too). */
export async function roleCatalogue(ctx: Ctx): Promise<TRoleCatalogue> {
  assertAdmin(ctx.actor);
  const custom = await ctx.db
    .select({ entity: customFields.entity, key: customFields.key })
    .from(customFields)
    .where(eq(customFields.workspaceId, ctx.actor.workspaceId))
    .orderBy(asc(customFields.position), asc(customFields.key));
  const fields: Record<string, string[]> = Object.fromEntries(
    Object.entries(PROTECTABLE_FIELDS).map(([entity, list]) => [entity, [...list]]),
  );
  for (const { entity, key } of custom) {
    const plural = entity === 'company' ? 'companies' : 'contacts';
    fields[plural] = [...(fields[plural] ?? []), `custom.${key}`];
  }
  return { resources: policyCatalogue().filter(({ resource }) => !ADMIN_ONLY.has(resource)), fields };
}

/** Refuses resources, actions, scopes or fields the catalogue does not offer, naming the offending path. */
async function validate(ctx: Ctx, input: { permissions?: RolePermissions; fieldRules?: RoleFieldRules }) {
  const catalogue = await roleCatalogue(ctx);
  const errors: { path: string; message: string }[] = [];
  for (const [resource, actions] of Object.entries(input.permissions ?? {})) {
    const known = catalogue.resources.find((entry) => entry.resource === resource);
    if (!known) {
      errors.push({ path: `permissions.${resource}`, message: 'Unknown resource' });
      continue;
    }
    for (const [action, scope] of Object.entries(actions)) {
      const offered = known.actions.find((entry) => entry.action === action);
      if (!offered) errors.push({ path: `permissions.${resource}.${action}`, message: 'Unknown action' });
      else if (!offered.scopes.includes(scope))
        errors.push({ path: `permissions.${resource}.${action}`, message: 'Scope not available here' });
    }
  }
  for (const [entity, rules] of Object.entries(input.fieldRules ?? {})) {
    const known = catalogue.fields[entity];
    if (!known) {
      errors.push({ path: `fieldRules.${entity}`, message: 'Unknown entity' });
      continue;
    }
    for (const field of Object.keys(rules)) {
      if (!known.includes(field)) errors.push({ path: `fieldRules.${entity}.${field}`, message: 'Unknown field' });
    }
  }
  if (errors.length > 0) throw new AppError('validation_failed', 'The role names something that does not exist', { errors });
}

// Spelled out: inside a selected field drizzle would name the outer column without its table.
const holders = (workspaceId: string) =>
  sql<number>`(SELECT count(*)::int FROM app_user u WHERE u.workspace_id = ${workspaceId}::uuid AND u.role_id = "role"."id")`;

/** The workspace's defined roles, by name, with how many people hold each. */
export async function listRoles(ctx: Ctx) {
  assertAdmin(ctx.actor);
  const rows = await ctx.db
    .select({ role: roles, userCount: holders(ctx.actor.workspaceId) })
    .from(roles)
    .where(eq(roles.workspaceId, ctx.actor.workspaceId))
    .orderBy(asc(sql`lower(${roles.name})`));
  return { data: rows.map(({ role, userCount }) => present(role, userCount)) };
}

/** One defined role. */
export async function getRole(ctx: Ctx, id: string) {
  assertAdmin(ctx.actor);
  const [row] = await ctx.db
    .select({ role: roles, userCount: holders(ctx.actor.workspaceId) })
    .from(roles)
    .where(and(eq(roles.workspaceId, ctx.actor.workspaceId), eq(roles.id, id)))
    .limit(1);
  if (!row) throw notFound('role');
  return present(row.role, row.userCount);
}

function codeOf(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: string } }).cause ?? error;
  return (cause as { code?: string }).code;
}

const nameTaken = () =>
  new AppError('duplicate_name', 'A role with this name already exists', { errors: [{ path: 'name', message: 'Already in use' }] });

/** An admin defines a role. */
export async function createRole(ctx: Ctx, raw: TCreateRoleInput) {
  assertAdmin(ctx.actor);
  const input = ZCreateRoleInput.parse(raw);
  await validate(ctx, input);
  try {
    const [row] = await ctx.db
      .insert(roles)
      .values({ ...input, description: input.description ?? null, workspaceId: ctx.actor.workspaceId })
      .returning();
    if (!row) throw new Error('role insert returned nothing');
    return present(row, 0);
  } catch (error) {
    if (codeOf(error) === '23505') throw nameTaken();
    throw error;
  }
}

/**
 * An admin changes a role; its holders' sign-ins pick it up at once. A new base role is
 * written to its holders too, so that lists filtered by role stay true.
 */
export async function updateRole(ctx: Ctx, id: string, input: TUpdateRoleInput) {
  assertAdmin(ctx.actor);
  await validate(ctx, input);
  const workspaceId = ctx.actor.workspaceId;
  try {
    await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .update(roles)
        .set({ ...input, updatedAt: sql`now()` })
        .where(and(eq(roles.workspaceId, workspaceId), eq(roles.id, id)))
        .returning();
      if (!row) throw notFound('role');
      if (input.baseRole) {
        await tx
          .update(users)
          .set({ role: input.baseRole, updatedAt: sql`now()` })
          .where(and(eq(users.workspaceId, workspaceId), eq(users.roleId, id)));
        const [admins] = await tx
          .select({ total: count() })
          .from(users)
          .where(and(eq(users.workspaceId, workspaceId), eq(users.role, 'admin'), eq(users.active, true)));
        if ((admins?.total ?? 0) === 0) {
          throw new AppError('last_admin', 'The workspace needs at least one active administrator', {
            errors: [{ path: 'baseRole', message: 'Last administrator' }],
          });
        }
      }
    });
  } catch (error) {
    if (codeOf(error) === '23505') throw nameTaken();
    throw error;
  }
  return getRole(ctx, id);
}

/** An admin deletes a role nobody holds any more. */
export async function deleteRole(ctx: Ctx, id: string) {
  assertAdmin(ctx.actor);
  try {
    const deleted = await ctx.db
      .delete(roles)
      .where(and(eq(roles.workspaceId, ctx.actor.workspaceId), eq(roles.id, id)))
      .returning({ id: roles.id });
    if (deleted.length === 0) throw notFound('role');
  } catch (error) {
    if (codeOf(error) === '23503') {
      throw new AppError('in_use', 'People still hold this role', { errors: [{ path: 'id', message: 'Still held' }] });
    }
    throw error;
  }
}
