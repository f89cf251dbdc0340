import type { TConsentRecord, TErasure, TPersonDataStatus } from '@clientela/contract';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { findPerson, mayErase, mayExport } from './person-access.ts';

const iso = (value: Date | string) => new Date(value).toISOString();

/** A contact's erasure (when and by whom), or null when the person was never erased. */
export async function erasureOf(db: Executor, workspaceId: string, contactId: string): Promise<TErasure | null> {
  const { rows } = await db.execute<{
    id: string;
    reason: string | null;
    erased_at: Date;
    erased_by_id: string | null;
    name: string | null;
  }>(
    sql`SELECT e.id, e.reason, e.erased_at, e.erased_by_id, u.name FROM person_erasure e
          LEFT JOIN app_user u ON u.workspace_id = e.workspace_id AND u.id = e.erased_by_id
         WHERE e.workspace_id = ${workspaceId} AND e.contact_id = ${contactId} ORDER BY e.erased_at DESC LIMIT 1`,
  );
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    contactId,
    reason: row.reason,
    erasedAt: iso(row.erased_at),
    erasedBy: row.erased_by_id ? { id: row.erased_by_id, name: row.name ?? '' } : null,
  };
}

/** The contact page's data-protection state: the erasure if any, and whether the reader may export or erase. */
export async function personDataStatus(ctx: Ctx, contactId: string): Promise<TPersonDataStatus> {
  await findPerson(ctx, ctx.db, contactId);
  return { erasure: await erasureOf(ctx.db, ctx.actor.workspaceId, contactId), canExport: mayExport(ctx), canErase: mayErase(ctx) };
}

/** The record of a person's consents, newest first: state, source, detail, who and when (anyone who may read the contact). */
export async function consentRecord(ctx: Ctx, contactId: string): Promise<TConsentRecord> {
  await findPerson(ctx, ctx.db, contactId);
  const { rows } = await ctx.db.execute<{
    id: string;
    state: 'granted' | 'withdrawn';
    source: TConsentRecord['data'][number]['source'];
    detail: string | null;
    actor_id: string | null;
    name: string | null;
    at: Date;
  }>(sql`SELECT e.id, e.state, e.source, e.detail, e.actor_id, u.name, e.at FROM consent_event e
           LEFT JOIN app_user u ON u.workspace_id = e.workspace_id AND u.id = e.actor_id
          WHERE e.workspace_id = ${ctx.actor.workspaceId} AND e.contact_id = ${contactId} ORDER BY e.at DESC, e.id DESC`);
  return {
    data: rows.map((row) => ({
      id: row.id,
      state: row.state,
      source: row.source,
      detail: row.detail,
      by: row.actor_id ? { id: row.actor_id, name: row.name ?? '' } : null,
      at: iso(row.at),
    })),
  };
}
