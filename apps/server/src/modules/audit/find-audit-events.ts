import type { TAuditEvent, TAuditEventList, ZAuditLogQuery } from '@clientela/contract';
import { and, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../http/context.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { auditEvents } from './audit.table.ts';

type Query = z.output<typeof ZAuditLogQuery>;

/** Only administrators read the audit log. */
function mustBeAdmin(ctx: Ctx) {
  if (ctx.actor.role !== 'admin') throw forbidden('Only an administrator reads the audit log');
}

function present(row: typeof auditEvents.$inferSelect): TAuditEvent {
  return {
    ...row,
    at: row.at.toISOString(),
    actorKind: row.actorKind as TAuditEvent['actorKind'],
    outcome: row.outcome as TAuditEvent['outcome'],
  };
}

const encodeCursor = (at: string, id: string) => Buffer.from(JSON.stringify([at, id])).toString('base64url');

function decodeCursor(cursor: string): [string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (
      Array.isArray(value) &&
      typeof value[0] === 'string' &&
      /^[0-9a-f-]{36}$/.test(String(value[1])) &&
      !Number.isNaN(Date.parse(value[0]))
    ) {
      return [value[0], value[1]];
    }
  } catch {}
  throw new AppError('validation_failed', 'The cursor is not one this list gave', {
    errors: [{ path: 'cursor', message: 'Unknown cursor' }],
  });
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The events matching the filters, newest first, a page at a time; days are read in the reader's time zone. */
export async function findAuditEvents(ctx: Ctx, query: Query, timeZone: string): Promise<TAuditEventList> {
  mustBeAdmin(ctx);
  const t = auditEvents;
  const filters: (SQL | undefined)[] = [eq(t.workspaceId, ctx.actor.workspaceId)];
  if (query.action?.length) filters.push(inArray(t.action, query.action));
  if (query.actor) filters.push(eq(t.actorId, query.actor));
  if (query.outcome) filters.push(eq(t.outcome, query.outcome));
  if (query.entity) filters.push(eq(t.entity, query.entity));
  if (query.recordId) filters.push(eq(t.recordId, query.recordId));
  if (query.from) filters.push(sql`${t.at} >= (${query.from}::date)::timestamp AT TIME ZONE ${timeZone}`);
  if (query.to) filters.push(sql`${t.at} < (${query.to}::date + 1)::timestamp AT TIME ZONE ${timeZone}`);
  if (query.q?.trim()) {
    const like = `%${escapeLike(query.q.trim())}%`;
    filters.push(or(ilike(t.actorName, like), ilike(t.request, like), ilike(t.recordId, like)));
  }
  const where = and(...filters);
  const page = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = await ctx.db
    .select({ event: t, cursorAt: sql<string>`${t.at}::text` })
    .from(t)
    .where(page ? and(where, sql`(${t.at}, ${t.id}) < (${page[0]}::timestamptz, ${page[1]}::uuid)`) : where)
    .orderBy(desc(t.at), desc(t.id))
    .limit(query.limit + 1);
  const [{ total } = { total: 0 }] = await ctx.db.select({ total: sql<number>`count(*)::int` }).from(t).where(where);
  const last = rows.length > query.limit ? rows[query.limit - 1] : undefined;
  return {
    data: rows.slice(0, query.limit).map((row) => present(row.event)),
    nextCursor: last ? encodeCursor(last.cursorAt, last.event.id) : null,
    total,
  };
}

/** One event (admins), within the reader's workspace. */
export async function getAuditEvent(ctx: Ctx, id: string): Promise<TAuditEvent> {
  mustBeAdmin(ctx);
  const [row] = await ctx.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.workspaceId, ctx.actor.workspaceId), eq(auditEvents.id, id)));
  if (!row) throw notFound('audit event');
  return present(row);
}
