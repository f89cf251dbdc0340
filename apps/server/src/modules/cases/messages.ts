import { type TCaseMessageInput, ZCaseMessageInput } from '@clientela/contract';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';
import { recordArticleUses } from '../kb/index.ts';
import { type CaseRow, caseRef, findCase, invalid } from './case-rows.ts';
import { saveCase } from './case-writes.ts';
import { casePolicy } from './cases.policy.ts';
import { caseMessages } from './cases.table.ts';

const ids = (list: readonly string[]) =>
  sql`(${sql.join(
    list.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;

/** The knowledge-base articles named must be live articles of the workspace (400 naming each that is not). */
async function checkArticles(tx: Executor, workspaceId: string, articleIds: readonly string[]) {
  if (articleIds.length === 0) return;
  const { rows } = await tx.execute<{ id: string }>(sql`SELECT id FROM kb_article
    WHERE workspace_id = ${workspaceId} AND deleted_at IS NULL AND id IN ${ids(articleIds)}`);
  const found = new Set(rows.map((r) => r.id));
  const errors = articleIds.flatMap((id, i) => (found.has(id) ? [] : [{ path: `articleIds.${i}`, message: 'No such article' }]));
  if (errors.length > 0) throw invalid('An article does not exist', errors);
}

/** The e-mail address of the case's contact (their first one), where a reply by e-mail goes. */
async function contactEmail(tx: Executor, c: CaseRow): Promise<string | null> {
  if (!c.contactId) return null;
  const { rows } = await tx.execute<{ email: string | null }>(sql`SELECT nullif(btrim(emails -> 0 ->> 'value'), '') AS email
    FROM contact WHERE workspace_id = ${c.workspaceId} AND id = ${c.contactId} AND deleted_at IS NULL`);
  return rows[0]?.email ?? null;
}

/**
 * Adds a message to a case. Replies and the customer's words are written by who may handle the case;
 * an internal note by any reader. A reply by e-mail is queued for the contact's address (400 naming
 * `channel` without one) and sent by the case mail sender; the first reply meets the first-response
 * target. Each article inserted is counted as used once.
 */
export async function addMessage(ctx: Ctx, id: string, raw: TCaseMessageInput, now: Date): Promise<void> {
  const input = ZCaseMessageInput.parse(raw);
  const workspaceId = ctx.actor.workspaceId;
  await ctx.db.transaction(async (tx) => {
    const row = await findCase(ctx, tx, id, true);
    if (input.kind !== 'note') await casePolicy.authorize(ctx.actor, 'update', caseRef(row));
    const articleIds = [...new Set(input.articleIds ?? [])];
    await checkArticles(tx, workspaceId, articleIds);
    const emailed = input.kind === 'reply' && input.channel === 'email';
    const emailTo = emailed ? await contactEmail(tx, row) : null;
    if (emailed && !emailTo)
      throw invalid('The customer has no e-mail address', [{ path: 'channel', message: 'The case has no contact with an e-mail address' }]);
    const [message] = await tx
      .insert(caseMessages)
      .values({
        workspaceId,
        caseId: row.id,
        kind: input.kind,
        channel: input.channel ?? null,
        body: input.body,
        authorId: ctx.actor.userId,
        articleIds,
        emailState: emailTo ? 'pending' : null,
        emailTo,
        createdAt: now,
      })
      .returning({ id: caseMessages.id });
    if (!message) throw new Error('case message insert returned nothing');
    // Checked above: every article is counted.
    await recordArticleUses(tx, { workspaceId, caseId: row.id, messageId: message.id, userId: ctx.actor.userId, articleIds });
    const firstReply = input.kind === 'reply' && !row.firstRespondedAt;
    await saveCase(tx, ctx.actor.userId, row, firstReply ? { firstRespondedAt: now } : {}, now, { message: input.kind });
  });
}
