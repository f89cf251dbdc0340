import { type TMailing, type TMailingStatus, ZCompanyListQuery, ZContactListQuery } from '@clientela/contract';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { companyListWhere } from '../companies/index.ts';
import { contactListWhere, contactPolicy, contacts } from '../contacts/index.ts';
import type { JobQueue } from '../jobs/jobs.ts';
import { checkSavedQuery, savedViews, staticLists } from '../views/index.ts';
import { mailingPolicy } from './mailings.policy.ts';
import { lockMailing, readMailing } from './mailings.service.ts';
import { mailings } from './mailings.table.ts';
import { MAILING_JOB } from './send-job.ts';

type Audience = { entity: 'company' | 'contact'; query: Record<string, string> };

/** What a mailing goes to: its saved view's query, or its static list as a list filter. */
async function audienceOf(ctx: Ctx, tx: Executor, mailing: { viewId: string | null; listId: string | null }): Promise<Audience> {
  const ws = ctx.actor.workspaceId;
  const visible = (table: typeof savedViews | typeof staticLists) => sql`(${table.ownerId} = ${ctx.actor.userId} OR ${table.shared})`;
  if (mailing.viewId) {
    const [view] = await tx
      .select({ entity: savedViews.entity, query: savedViews.query })
      .from(savedViews)
      .where(and(eq(savedViews.workspaceId, ws), eq(savedViews.id, mailing.viewId), visible(savedViews)));
    if (view) return { entity: view.entity, query: view.query };
  } else if (mailing.listId) {
    const [list] = await tx
      .select({ entity: staticLists.entity })
      .from(staticLists)
      .where(and(eq(staticLists.workspaceId, ws), eq(staticLists.id, mailing.listId), visible(staticLists)));
    if (list) return { entity: list.entity, query: { 'filter[listId]': mailing.listId } };
  }
  throw new AppError('validation_failed', 'The mailing has no audience', {
    errors: [{ path: mailing.listId ? 'listId' : 'viewId', message: 'The saved view or list no longer exists' }],
  });
}

/** The contacts an audience reaches, among the live ones the actor may read, as a WHERE on `contact`. */
async function audienceWhere(ctx: Ctx, tx: Executor, audience: Audience): Promise<SQL> {
  const query = await checkSavedQuery(tx, ctx.actor.workspaceId, audience.entity, audience.query);
  if (audience.entity === 'contact') return (await contactListWhere(ctx, ZContactListQuery.parse(query))) as SQL;
  const companyWhere = await companyListWhere(ctx, ZCompanyListQuery.parse(query));
  return sql`${contacts.workspaceId} = ${ctx.actor.workspaceId} AND ${contacts.deletedAt} IS NULL
    AND ${await contactPolicy.filter(ctx.actor, 'read', { owner: contacts.ownerId, unit: contacts.unitId })}
    AND EXISTS (SELECT 1 FROM contact_company cc JOIN company ON company.workspace_id = cc.workspace_id AND company.id = cc.company_id
      WHERE cc.workspace_id = ${contacts.workspaceId} AND cc.contact_id = ${contacts.id} AND ${companyWhere})`;
}

/**
 * Queues a draft: every contact of its audience becomes a recipient in one INSERT … SELECT, the ones
 * that must not get it already with the reason (no e-mail, no consent, unsubscribed, bounced); then
 * the sending job is started.
 */
export async function queueMailing(ctx: Ctx, id: string, jobs: JobQueue | undefined): Promise<TMailing> {
  await mailingPolicy.authorize(ctx.actor, 'manage');
  const ws = ctx.actor.workspaceId;
  await ctx.db.transaction(async (tx) => {
    const mailing = await lockMailing(tx, ws, id);
    if (mailing.status !== 'draft') throw new AppError('invalid_transition', 'Only a draft mailing can be queued');
    const { rows: template } = await tx.execute(
      sql`SELECT 1 FROM mail_template WHERE workspace_id = ${ws} AND id = ${mailing.templateId} AND deleted_at IS NULL`,
    );
    if (template.length === 0) {
      throw new AppError('validation_failed', 'The template is gone', { errors: [{ path: 'templateId', message: 'Not found' }] });
    }
    const where = await audienceWhere(ctx, tx, await audienceOf(ctx, tx, mailing));
    const email = sql`nullif(btrim(${contacts.emails} -> 0 ->> 'value'), '')`;
    // One message per address (lower-cased): two contacts sharing it get one. If any live contact of the
    // workspace with that address withdrew, none is sent; otherwise the first contact's row is queued and
    // the others are 'skipped_duplicate'.
    const inserted = await tx.execute(sql`
      INSERT INTO mailing_recipient (workspace_id, mailing_id, contact_id, email, status)
      SELECT ${ws}::uuid, ${id}::uuid, a.id, a.email,
        CASE
          WHEN a.status <> 'queued' THEN a.status
          WHEN a.withdrawn THEN 'skipped_unsubscribed'
          WHEN a.rank > 1 THEN 'skipped_duplicate'
          ELSE 'queued'
        END
      FROM (
        SELECT b.*, row_number() OVER (PARTITION BY lower(b.email) ORDER BY b.status = 'queued' DESC, b.id) AS rank
        FROM (
          SELECT ${contacts.id} AS id, ${email} AS email,
            CASE
              WHEN ${email} IS NULL THEN 'skipped_no_email'
              WHEN ${contacts.marketingConsent} = 'withdrawn' THEN 'skipped_unsubscribed'
              WHEN ${contacts.marketingConsent} IS DISTINCT FROM 'granted' THEN 'skipped_no_consent'
              WHEN ${contacts.emailBouncedAt} IS NOT NULL THEN 'bounced'
              ELSE 'queued'
            END AS status,
            EXISTS (SELECT 1 FROM contact o WHERE o.workspace_id = ${ws} AND o.deleted_at IS NULL
              AND o.marketing_consent = 'withdrawn' AND lower(nullif(btrim(o.emails -> 0 ->> 'value'), '')) = lower(${email})) AS withdrawn
          FROM ${contacts} WHERE ${where}
        ) b
      ) a`);
    await tx
      .update(mailings)
      .set({ status: 'queued', total: inserted.rowCount ?? 0, queuedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(mailings.workspaceId, ws), eq(mailings.id, id)));
  });
  await jobs?.send(MAILING_JOB, { workspaceId: ws, mailingId: id }, id);
  return readMailing(ctx.db, ws, id);
}

const MOVES: Record<'pause' | 'resume' | 'cancel', { from: TMailingStatus[]; to: TMailingStatus }> = {
  pause: { from: ['queued', 'sending'], to: 'paused' },
  resume: { from: ['paused'], to: 'queued' },
  cancel: { from: ['queued', 'sending', 'paused'], to: 'cancelled' },
};

/** Pauses, resumes or cancels a mailing; the sending job stops before its next message. */
export async function moveMailing(ctx: Ctx, id: string, move: keyof typeof MOVES, jobs: JobQueue | undefined): Promise<TMailing> {
  await mailingPolicy.authorize(ctx.actor, 'manage');
  const ws = ctx.actor.workspaceId;
  const { from, to } = MOVES[move];
  await ctx.db.transaction(async (tx) => {
    const mailing = await lockMailing(tx, ws, id);
    if (!from.includes(mailing.status)) throw new AppError('invalid_transition', `A ${mailing.status} mailing cannot ${move}`);
    await tx
      .update(mailings)
      .set({ status: to, updatedAt: new Date(), ...(to === 'cancelled' ? { finishedAt: new Date() } : {}) })
      .where(and(eq(mailings.workspaceId, ws), eq(mailings.id, id)));
  });
  if (move === 'resume') await jobs?.send(MAILING_JOB, { workspaceId: ws, mailingId: id }, id);
  return readMailing(ctx.db, ws, id);
}
