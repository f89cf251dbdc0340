import { and, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../../db/client.ts';
import { hashSecret } from '../../lib/tokens.ts';
import { apiTokens } from '../api-tokens/api-tokens.table.ts';
import { users } from '../users/users.table.ts';
import { type AuditEventInput, recordAudit } from './record-audit.ts';

type Event = Omit<AuditEventInput, 'workspaceId' | 'actorKind' | 'actorId' | 'actorName' | 'request' | 'ip' | 'userAgent'>;

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const USER_ACCESS_FIELDS = ['role', 'roleId', 'active'] as const;

/** The route's resource, its parameters left out: `/api/v1/deals/:id/products/:productId` → `deals/products`. */
function entityOf(request: FastifyRequest): string | null {
  const route = request.routeOptions.url ?? '';
  const parts = route
    .replace(/^\/api\/(v1|portal)\//, '')
    .split('/')
    .filter((part) => part && !part.startsWith(':') && part !== '*');
  return parts.length > 0 ? parts.join('/') : null;
}

/** The record the route names: its last path parameter. */
function recordIdOf(request: FastifyRequest): string | null {
  const params = (request.params ?? {}) as Record<string, unknown>;
  const values = Object.values(params).filter((value): value is string => typeof value === 'string');
  return values.at(-1) ?? null;
}

const pathOf = (request: FastifyRequest) => request.url.split('?')[0] ?? request.url;
const queryOf = (request: FastifyRequest) => (request.query ?? {}) as Record<string, unknown>;
const bodyOf = (request: FastifyRequest) =>
  (request.body && typeof request.body === 'object' ? request.body : {}) as Record<string, unknown>;
const pick = (source: Record<string, unknown>, keys: readonly string[]) =>
  Object.fromEntries(keys.filter((key) => source[key] !== undefined).map((key) => [key, source[key]]));

/** What a successful request did that the audit log keeps, if anything. */
function successEvent(request: FastifyRequest, before: Record<string, unknown> | undefined): Event | null {
  const path = pathOf(request);
  const method = request.method;
  const entity = entityOf(request);
  const recordId = recordIdOf(request);
  if (!path.startsWith('/api/v1/')) return null;
  if (path === '/api/v1/auth/logout') return method === 'POST' ? { action: 'auth.logout' } : null;
  if (path.startsWith('/api/v1/roles'))
    return WRITES.has(method) ? { action: 'role.change', entity: 'roles', recordId, details: { method, after: bodyOf(request) } } : null;
  if (/^\/api\/v1\/users(\/[^/]+)?$/.test(path) && (method === 'POST' || method === 'PATCH')) {
    const after = pick(bodyOf(request), USER_ACCESS_FIELDS);
    if (Object.keys(after).length === 0) return null;
    return { action: 'role.change', entity: 'users', recordId, details: { ...(before ? { before } : {}), after } };
  }
  if (method === 'DELETE') return { action: 'delete', entity, recordId };
  if (/^\/api\/v1\/merges(\/[^/]+\/undo)?$/.test(path) && method === 'POST') {
    const body = bodyOf(request);
    const undo = path.endsWith('/undo');
    return {
      action: 'merge',
      entity: typeof body.entity === 'string' ? body.entity : 'merges',
      recordId: undo ? recordId : (body.survivorId as string),
      details: { undo, ...(undo ? { mergeId: recordId } : pick(body, ['survivorId', 'mergedIds'])) },
    };
  }
  if (/^\/api\/v1\/imports\/[^/]+\/(run|repeat)$/.test(path) && method === 'POST')
    return { action: 'import', entity: 'imports', recordId, details: { step: path.split('/').at(-1) } };
  if (/^\/api\/v1\/imports\/[^/]+\/report$/.test(path) && method === 'GET')
    return { action: 'export', entity: 'imports', recordId, details: { what: 'import-report', format: queryOf(request).format ?? 'csv' } };
  // Polling an export job's progress is not an export: its start and its file are.
  if (path.startsWith('/api/v1/exports') && !/^\/api\/v1\/exports\/jobs\/[^/]+$/.test(path) && (method === 'GET' || method === 'POST')) {
    const body = bodyOf(request);
    const resource = (request.params as Record<string, unknown>)?.resource ?? body.resource;
    return {
      action: 'export',
      entity: typeof resource === 'string' ? resource : 'exports',
      recordId: resource ? null : recordId,
      details: pick({ ...queryOf(request), ...body }, ['format', 'q', 'columns', 'query']),
    };
  }
  if (method === 'GET' && queryOf(request).format === 'xlsx') return { action: 'export', entity, recordId, details: { format: 'xlsx' } };
  return null;
}

/** Remembers up to this many API tokens' ids by their secret's hash, so a token's request costs no extra read. */
const TOKEN_IDS_MAX = 1000;

/**
 * Records what the audit log keeps, for every route, old or new, before the answer leaves:
 * refusals (403) of signed-in people, deletions, exports, imports, merges, role changes, sign-outs
 * and each request made with an API token. Sign-ins are recorded by the login itself.
 */
export function registerAuditCapture(app: FastifyInstance, db: Database) {
  const before = new WeakMap<FastifyRequest, Record<string, unknown>>();
  const tokenIds = new Map<string, { id: string; name: string } | null>();

  const tokenOf = async (request: FastifyRequest, workspaceId: string) => {
    const secret = request.headers.authorization?.slice(7).trim() ?? '';
    const hash = hashSecret(secret);
    if (!tokenIds.has(hash)) {
      const [row] = await db
        .select({ id: apiTokens.id, name: apiTokens.name })
        .from(apiTokens)
        .where(and(eq(apiTokens.workspaceId, workspaceId), eq(apiTokens.tokenHash, hash)));
      if (tokenIds.size >= TOKEN_IDS_MAX) tokenIds.clear();
      tokenIds.set(hash, row ?? null);
    }
    return tokenIds.get(hash) ?? null;
  };

  // A user's role and activity before a change, to show both sides.
  app.addHook('preHandler', async (request) => {
    if (request.method !== 'PATCH' || !request.signedIn || !/^\/api\/v1\/users\/[^/?]+$/.test(pathOf(request))) return;
    const id = recordIdOf(request);
    if (!id || !Object.keys(pick(bodyOf(request), USER_ACCESS_FIELDS)).length) return;
    const [row] = await db
      .select({ role: users.role, roleId: users.roleId, active: users.active })
      .from(users)
      .where(and(eq(users.workspaceId, request.signedIn.user.workspaceId), eq(users.id, id)));
    if (row) before.set(request, row);
  });

  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const signedIn = request.signedIn;
    if (!signedIn) return payload;
    const status = reply.statusCode;
    const events: Event[] = [];
    if (status === 403)
      events.push({
        action: 'access.denied',
        outcome: 'denied',
        entity: entityOf(request),
        recordId: recordIdOf(request),
        details: { status },
      });
    else if (status < 400) {
      const event = successEvent(request, before.get(request));
      if (event) events.push(event);
    }
    const byToken = request.authMethod === 'token';
    if (events.length === 0 && !byToken) return payload;
    const token = byToken ? await tokenOf(request, signedIn.user.workspaceId) : null;
    if (byToken)
      events.push({ action: 'token.use', outcome: status < 400 ? 'success' : status === 403 ? 'denied' : 'failure', details: { status } });
    const common = {
      workspaceId: signedIn.user.workspaceId,
      actorKind: byToken ? ('token' as const) : ('user' as const),
      actorId: signedIn.user.id,
      actorName: signedIn.user.name,
      request: `${request.method} ${request.url}`,
      ip: request.ip,
      userAgent: request.headers['user-agent'] ?? null,
    };
    await recordAudit(
      db,
      events.map((event) => ({
        ...common,
        ...event,
        details: { ...event.details, ...(token ? { tokenId: token.id, tokenName: token.name } : {}) },
      })),
      request.log,
    );
    return payload;
  });
}
