import type { TLoginInput } from '@clientela/contract';
import { and, eq, sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { verifyPassword } from '../../lib/passwords.ts';
import { csrfTokenFor, hashSecret, newSecret } from '../../lib/tokens.ts';
import { recordAudit } from '../audit/index.ts';
import { users } from '../users/users.table.ts';
import { workspaces } from '../workspaces/workspaces.table.ts';
import { SESSION_TTL_MS } from './actor.ts';
import { sessions } from './auth.table.ts';
import { assertNotThrottled, clearFailures, recordFailure } from './login-throttle.ts';

export type ClientInfo = { ip: string; userAgent: string | undefined };

/** A freshly opened session: the cookie's secret and the CSRF token that goes with it. */
export type OpenedSession = { secret: string; csrfToken: string; userId: string; workspaceId: string };

/** Opens a new session for a user (login, workspace creation). */
export async function openSession(db: Executor, user: { workspaceId: string; id: string }, client: ClientInfo): Promise<OpenedSession> {
  const secret = newSecret();
  await db.insert(sessions).values({
    workspaceId: user.workspaceId,
    userId: user.id,
    tokenHash: hashSecret(secret),
    userAgent: client.userAgent?.slice(0, 500) ?? null,
    ip: client.ip,
    expiresAt: new Date(Date.now() + SESSION_TTL_MS),
  });
  return { secret, csrfToken: csrfTokenFor(secret), userId: user.id, workspaceId: user.workspaceId };
}

/** Ends the session a cookie secret belongs to. */
export async function revokeSession(db: Executor, secret: string): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(eq(sessions.tokenHash, hashSecret(secret)));
}

/**
 * Checks e-mail and password and opens a session. Any session the browser held before is
 * revoked, so a session id planted before login is worthless after it.
 */
export async function login(db: Database, input: TLoginInput, client: ClientInfo, previousSecret: string | undefined) {
  const candidates = await db
    .select({ user: users, workspace: workspaces })
    .from(users)
    .innerJoin(workspaces, eq(workspaces.id, users.workspaceId))
    .where(and(eq(users.email, input.email), eq(users.active, true)));
  const inWorkspace = input.workspace ? candidates.filter((c) => c.workspace.slug === input.workspace) : candidates;
  const who = (user: typeof users.$inferSelect) => ({
    workspaceId: user.workspaceId,
    actorKind: 'user' as const,
    actorId: user.id,
    ip: client.ip,
    userAgent: client.userAgent ?? null,
    request: 'POST /api/v1/auth/login',
  });
  try {
    await assertNotThrottled(db, input.email, client.ip);
  } catch (error) {
    // A refused (429) attempt is kept too, as a denied failure, in each workspace the address belongs to.
    const denied = { action: 'auth.login_failed', outcome: 'denied' as const, details: { status: 429 } };
    await recordAudit(
      db,
      inWorkspace.map((c) => ({ ...who(c.user), actorName: input.email, ...denied })),
    );
    throw error;
  }

  const matching = [];
  for (const candidate of inWorkspace) {
    if (await verifyPassword(candidate.user.passwordHash, input.password)) matching.push(candidate);
  }
  if (inWorkspace.length === 0) await verifyPassword(null, input.password);
  if (matching.length > 1) {
    throw new AppError('workspace_required', 'This e-mail signs in to several workspaces; name the workspace', {
      errors: [{ path: 'workspace', message: 'Required' }],
    });
  }
  const match = matching[0];
  if (!match) {
    // An e-mail no workspace knows has no audit log to go to: only the server's request log shows the 401.
    await recordAudit(
      db,
      inWorkspace.map((c) => ({ ...who(c.user), actorName: input.email, action: 'auth.login_failed', outcome: 'failure' as const })),
    );
    await recordFailure(db, input.email, client.ip);
    throw new AppError('invalid_credentials', 'Wrong e-mail or password');
  }
  await clearFailures(db, input.email);
  const session = await db.transaction(async (tx) => {
    if (previousSecret) await revokeSession(tx, previousSecret);
    return openSession(tx, match.user, client);
  });
  await recordAudit(db, { ...who(match.user), actorName: match.user.name, action: 'auth.login' });
  return { session, user: match.user, workspace: match.workspace };
}
