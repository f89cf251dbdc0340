import type { TCreateUserInput, TUpdateProfileInput, TUpdateUserInput, TUserListQuery } from '@clientela/contract';
import { ZCreateUserInput } from '@clientela/contract';
import { and, count, eq, getTableColumns, ilike, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { afterCursor, cursorKey, orderBy, pageOf, parseSort } from '../../lib/pagination.ts';
import { hashPassword, verifyPassword } from '../../lib/passwords.ts';
import { sessions } from '../auth/auth.table.ts';
import { roles } from '../roles/roles.table.ts';
import { units } from '../units/units.table.ts';
import { userPolicy } from './users.policy.ts';
import { presentUser } from './users.presenter.ts';
import { users } from './users.table.ts';

const SORTS = {
  name: { column: users.name },
  email: { column: users.email },
  createdAt: { column: users.createdAt, cast: 'timestamptz' as const },
};

/** Lists the workspace's users, filtered and keyset-paginated. */
export async function listUsers(ctx: Ctx, query: TUserListQuery) {
  await userPolicy.authorize(ctx.actor, 'read');
  const keyset = parseSort(query.sort, SORTS, 'name');
  const filters: (SQL | undefined)[] = [eq(users.workspaceId, ctx.actor.workspaceId)];
  if (query.q) filters.push(or(ilike(users.name, `%${escapeLike(query.q)}%`), ilike(users.email, `%${escapeLike(query.q)}%`)));
  if (query['filter[role]']) filters.push(eq(users.role, query['filter[role]']));
  if (query['filter[unitId]']) filters.push(eq(users.unitId, query['filter[unitId]']));
  if (query['filter[active]']) filters.push(eq(users.active, query['filter[active]'] === 'true'));
  const where = and(...filters);
  const [rows, [counted]] = await Promise.all([
    ctx.db
      .select({ ...getTableColumns(users), cursorKey: cursorKey(keyset) })
      .from(users)
      .where(and(where, afterCursor(keyset, users.id, query.cursor)))
      .orderBy(...orderBy(keyset, users.id))
      .limit(query.limit + 1),
    ctx.db.select({ total: count() }).from(users).where(where),
  ]);
  const { page, nextCursor } = pageOf(rows, query.limit, keyset);
  return { data: page.map(presentUser), nextCursor, total: counted?.total ?? 0 };
}

/** Escapes LIKE wildcards in text typed by a person. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

async function findUser(db: Executor, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), eq(users.id, id)))
    .limit(1);
  if (!row) throw notFound('user');
  return row;
}

/** One user of the actor's workspace. */
export async function getUser(ctx: Ctx, id: string) {
  await userPolicy.authorize(ctx.actor, 'read', undefined, false);
  return presentUser(await findUser(ctx.db, ctx.actor.workspaceId, id));
}

async function assertUnitExists(db: Executor, workspaceId: string, unitId: string | null | undefined) {
  if (!unitId) return;
  const [unit] = await db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.workspaceId, workspaceId), eq(units.id, unitId)))
    .limit(1);
  if (!unit) throw new AppError('validation_failed', 'No such unit', { errors: [{ path: 'unitId', message: 'No such unit' }] });
}

/** The base role of a defined role of the workspace; another workspace's or an unknown role answers 400 on `roleId`. */
async function baseRoleOf(db: Executor, workspaceId: string, roleId: string) {
  const [role] = await db
    .select({ baseRole: roles.baseRole })
    .from(roles)
    .where(and(eq(roles.workspaceId, workspaceId), eq(roles.id, roleId)))
    .limit(1);
  if (!role) throw new AppError('validation_failed', 'No such role', { errors: [{ path: 'roleId', message: 'No such role' }] });
  return role.baseRole;
}

function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } }).cause ?? error;
  return (cause as { code?: string }).code === '23505';
}

/** An admin creates a colleague's account with a first password. */
export async function createUser(ctx: Ctx, raw: TCreateUserInput) {
  await userPolicy.authorize(ctx.actor, 'create');
  const input = ZCreateUserInput.parse(raw);
  await assertUnitExists(ctx.db, ctx.actor.workspaceId, input.unitId);
  if (input.roleId) input.role = await baseRoleOf(ctx.db, ctx.actor.workspaceId, input.roleId);
  const passwordHash = await hashPassword(input.password);
  try {
    const [row] = await ctx.db
      .insert(users)
      .values({ ...input, passwordHash, workspaceId: ctx.actor.workspaceId })
      .returning();
    if (!row) throw new Error('user insert returned nothing');
    return presentUser(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
}

const emailTaken = () =>
  new AppError('email_taken', 'A user with this e-mail already exists in the workspace', {
    errors: [{ path: 'email', message: 'Already in use' }],
  });

/**
 * An admin changes a colleague's name, role (built-in or defined), unit, password or active flag. The workspace
 * always keeps one active admin; a deactivated user or a new password ends their sessions.
 */
export async function updateUser(ctx: Ctx, id: string, given: TUpdateUserInput) {
  await userPolicy.authorize(ctx.actor, 'read', undefined, false);
  await userPolicy.authorize(ctx.actor, 'update');
  await assertUnitExists(ctx.db, ctx.actor.workspaceId, given.unitId);
  const input = { ...given };
  // A defined role brings its base role; picking a built-in role alone leaves the defined one.
  if (input.roleId) input.role = await baseRoleOf(ctx.db, ctx.actor.workspaceId, input.roleId);
  else if (input.role !== undefined && input.roleId === undefined) input.roleId = null;
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return ctx.db.transaction(async (tx) => {
    const workspaceId = ctx.actor.workspaceId;
    // Lock the admins first, so two admins demoting each other cannot both succeed.
    const admins = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.workspaceId, workspaceId), eq(users.role, 'admin'), eq(users.active, true)))
      .for('update');
    const current = await findUser(tx, workspaceId, id);
    const losesAdmin = current.role === 'admin' && current.active && ((input.role && input.role !== 'admin') || input.active === false);
    if (losesAdmin && admins.length <= 1) {
      throw new AppError('last_admin', 'The workspace needs at least one active administrator', {
        errors: [{ path: input.active === false ? 'active' : 'role', message: 'Last administrator' }],
      });
    }
    const { password: _password, ...fields } = input;
    const [row] = await tx
      .update(users)
      .set({ ...fields, ...(passwordHash ? { passwordHash } : {}), updatedAt: sql`now()` })
      .where(and(eq(users.workspaceId, workspaceId), eq(users.id, id)))
      .returning();
    if (!row) throw notFound('user');
    if (input.active === false || passwordHash) {
      await tx
        .update(sessions)
        .set({ revokedAt: sql`now()` })
        .where(and(eq(sessions.workspaceId, workspaceId), eq(sessions.userId, id), sql`${sessions.revokedAt} IS NULL`));
    }
    return presentUser(row);
  });
}

/** A user changes their own name, language or time zone. */
export async function updateProfile(ctx: Ctx, input: TUpdateProfileInput) {
  const [row] = await ctx.db
    .update(users)
    .set({ ...input, updatedAt: sql`now()` })
    .where(and(eq(users.workspaceId, ctx.actor.workspaceId), eq(users.id, ctx.actor.userId)))
    .returning();
  if (!row) throw notFound('user');
  return row;
}

/** A user changes their password; every other session of theirs ends. */
export async function changePassword(ctx: Ctx, input: { currentPassword: string; newPassword: string }, keepSessionHash: string | null) {
  const current = await findUser(ctx.db, ctx.actor.workspaceId, ctx.actor.userId);
  if (!(await verifyPassword(current.passwordHash, input.currentPassword))) {
    throw new AppError('validation_failed', 'The current password is wrong', {
      errors: [{ path: 'currentPassword', message: 'Wrong password' }],
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, updatedAt: sql`now()` })
      .where(and(eq(users.workspaceId, current.workspaceId), eq(users.id, current.id)));
    await tx
      .update(sessions)
      .set({ revokedAt: sql`now()` })
      .where(
        and(
          eq(sessions.workspaceId, current.workspaceId),
          eq(sessions.userId, current.id),
          sql`${sessions.revokedAt} IS NULL`,
          keepSessionHash ? ne(sessions.tokenHash, keepSessionHash) : undefined,
        ),
      );
  });
}
