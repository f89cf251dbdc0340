import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { hashSecret } from '../../lib/tokens.ts';
import { apiTokens } from '../api-tokens/api-tokens.table.ts';
import type { Actor, ShareAccess } from '../authz/index.ts';
import { sharedResourcesLoader, shareLoader } from '../roles/record-shares.service.ts';
import { roles } from '../roles/roles.table.ts';
import { unitSubtree } from '../units/unit-tree.ts';
import { users } from '../users/users.table.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';
import { sessions } from './auth.table.ts';

export type SignedIn = {
  actor: Actor;
  user: typeof users.$inferSelect;
  workspace: typeof workspaces.$inferSelect;
};

// Touching last-seen on every request would turn each read into a write.
const TOUCH_AFTER_MS = 60_000;
export const SESSION_TTL_MS = 30 * 24 * 3600_000;

type RoleRow = Pick<typeof roles.$inferSelect, 'baseRole' | 'permissions' | 'fieldRules'> | null;

/** A defined role's columns, read with the user (null when the user holds a built-in role only). */
const roleColumns = { baseRole: roles.baseRole, permissions: roles.permissions, fieldRules: roles.fieldRules };
const roleJoin = and(eq(roles.workspaceId, users.workspaceId), eq(roles.id, users.roleId));

/**
 * The actor of a user. A signed-in actor (`remembersShares`) lives in the sign-in cache, which
 * every change to shares empties, so it may remember what is shared with the person; a job's
 * actor lives as long as the job and asks each time.
 */
function actorOf(db: Database, user: typeof users.$inferSelect, role: RoleRow = null, remembersShares = true): Actor {
  let tree: Promise<ReadonlySet<string>> | undefined;
  return {
    workspaceId: user.workspaceId,
    userId: user.id,
    name: user.name,
    role: role?.baseRole ?? user.role,
    roleId: role ? user.roleId : null,
    permissions: role?.permissions ?? {},
    fieldRules: role?.fieldRules ?? {},
    unitId: user.unitId,
    unitTree: () => {
      const unitId = user.unitId;
      tree ??= unitId ? unitSubtree(db, user.workspaceId, unitId) : Promise.resolve(new Set<string>());
      return tree;
    },
    shareOf: shareLoader(db, user.workspaceId, user.id, user.unitId),
    ...(remembersShares ? { sharedResources: sharedResourcesLoader(db, user.workspaceId, user.id, user.unitId) } : {}),
  };
}

/**
 * The actor for one request: a signed-in actor outlives requests in the sign-in cache, while
 * shares change any time, so each request remembers the shares it read for itself only.
 */
export function forRequest(actor: Actor): Actor {
  const load = actor.shareOf;
  if (!load) return actor;
  const shares = new Map<string, Promise<ShareAccess | null>>();
  return {
    ...actor,
    shareOf: (resource, recordId) => {
      const key = `${resource}:${recordId}`;
      let access = shares.get(key);
      if (!access) {
        access = load(resource, recordId);
        shares.set(key, access);
      }
      return access;
    },
  };
}

/** Resolves a session cookie's secret to the signed-in user, or null if it opens nothing. */
export async function actorFromSession(db: Database, secret: string): Promise<SignedIn | null> {
  const [row] = await db
    .select({ session: sessions, user: users, workspace: workspaces, role: roleColumns })
    .from(sessions)
    .innerJoin(users, and(eq(users.workspaceId, sessions.workspaceId), eq(users.id, sessions.userId)))
    .leftJoin(roles, roleJoin)
    .innerJoin(workspaces, eq(workspaces.id, sessions.workspaceId))
    .where(
      and(
        eq(sessions.tokenHash, hashSecret(secret)),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql`now()`),
        eq(users.active, true),
      ),
    )
    .limit(1);
  if (!row) return null;
  if (Date.now() - row.session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    // Sliding expiry: a session in use stays open.
    await db
      .update(sessions)
      .set({ lastSeenAt: sql`now()`, expiresAt: sql`now() + ${`${SESSION_TTL_MS / 1000} seconds`}::interval` })
      .where(and(eq(sessions.workspaceId, row.session.workspaceId), eq(sessions.id, row.session.id)));
  }
  return { actor: actorOf(db, row.user, row.role), user: row.user, workspace: row.workspace };
}

/** Resolves a bearer API token to its owner, or null if it is unknown, revoked or expired. */
export async function actorFromApiToken(db: Database, secret: string): Promise<SignedIn | null> {
  const [row] = await db
    .select({ token: apiTokens, user: users, workspace: workspaces, role: roleColumns })
    .from(apiTokens)
    .innerJoin(users, and(eq(users.workspaceId, apiTokens.workspaceId), eq(users.id, apiTokens.userId)))
    .leftJoin(roles, roleJoin)
    .innerJoin(workspaces, eq(workspaces.id, apiTokens.workspaceId))
    .where(
      and(
        eq(apiTokens.tokenHash, hashSecret(secret)),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql`now()`)),
        eq(users.active, true),
      ),
    )
    .limit(1);
  if (!row) return null;
  const lastUsed = row.token.lastUsedAt?.getTime() ?? 0;
  if (Date.now() - lastUsed > TOUCH_AFTER_MS) {
    await db
      .update(apiTokens)
      .set({ lastUsedAt: sql`now()` })
      .where(and(eq(apiTokens.workspaceId, row.token.workspaceId), eq(apiTokens.id, row.token.id)));
  }
  return { actor: actorOf(db, row.user, row.role), user: row.user, workspace: row.workspace };
}

/** The actor of a background job: the user who started it, as long as they are still active. */
export async function actorOfUser(db: Database, workspaceId: string, userId: string): Promise<Actor | null> {
  const [row] = await db
    .select({ user: users, role: roleColumns })
    .from(users)
    .leftJoin(roles, roleJoin)
    .where(and(eq(users.workspaceId, workspaceId), eq(users.id, userId), eq(users.active, true)));
  return row ? actorOf(db, row.user, row.role, false) : null;
}
