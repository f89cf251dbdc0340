import type { TApiToken, TCreateApiTokenInput, TCreatedApiToken } from '@clientela/contract';
import { ZCreateApiTokenInput } from '@clientela/contract';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Ctx } from '../../http/context.ts';
import { notFound } from '../../http/errors.ts';
import { hashSecret, newSecret } from '../../lib/tokens.ts';
import { apiTokenPolicy } from './api-tokens.policy.ts';
import { apiTokens } from './api-tokens.table.ts';

type TokenRow = typeof apiTokens.$inferSelect;

function presentToken(row: TokenRow): TApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
  };
}

/** The actor's own tokens that still work. */
export async function listApiTokens(ctx: Ctx) {
  await apiTokenPolicy.authorize(ctx.actor, 'read');
  const rows = await ctx.db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.workspaceId, ctx.actor.workspaceId), eq(apiTokens.userId, ctx.actor.userId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt));
  return { data: rows.map(presentToken), nextCursor: null, total: rows.length };
}

/** Creates a token; its secret is in this answer and nowhere else, ever. */
export async function createApiToken(ctx: Ctx, raw: TCreateApiTokenInput): Promise<TCreatedApiToken> {
  await apiTokenPolicy.authorize(ctx.actor, 'create');
  const input = ZCreateApiTokenInput.parse(raw);
  const secret = `clt_${newSecret()}`;
  const [row] = await ctx.db
    .insert(apiTokens)
    .values({
      workspaceId: ctx.actor.workspaceId,
      userId: ctx.actor.userId,
      name: input.name,
      prefix: secret.slice(0, 8),
      tokenHash: hashSecret(secret),
      expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
    })
    .returning();
  if (!row) throw new Error('token insert returned nothing');
  return { ...presentToken(row), secret };
}

/** Revokes one of the actor's tokens; someone else's token is "not found". */
export async function revokeApiToken(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.workspaceId, ctx.actor.workspaceId), eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .limit(1);
  if (!row) throw notFound('API token');
  await apiTokenPolicy.authorize(ctx.actor, 'revoke', { ownerId: row.userId }, false);
  await ctx.db
    .update(apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiTokens.workspaceId, row.workspaceId), eq(apiTokens.id, id)));
}
