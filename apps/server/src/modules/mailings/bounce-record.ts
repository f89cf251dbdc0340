import { sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.ts';
import { type DeliveryReport, diagnosticOf, type ParsedBounce, severityOf } from './bounce-parse.ts';

/** What a message sent back to the bounce address did. */
export type BounceOutcome =
  /** A permanent failure: the recipient is `bounced` and the contact's address is no longer mailed. */
  | 'bounced'
  /** A temporary one (delayed, 4.x.x): noted on the recipient, nothing suppressed. */
  | 'delayed'
  /** Already recorded: nothing changed. */
  | 'unchanged'
  /** No delivery status in it (an out-of-office reply, a person writing), or nothing failed. */
  | 'not_a_bounce'
  /** It names no recipient we know (or one of another workspace than the one allowed). */
  | 'unknown_recipient';

type Row = { workspace_id: string; mailing_id: string; contact_id: string; email: string | null; status: string };

/** Where a bounce may land: the SMTP listener takes any workspace; the admin route only its own. */
export type BounceScope = { workspaceId?: string };

// A report about a message never sent (skipped) is no bounce of ours.
const REACHED = sql`r.status IN ('queued', 'sending', 'sent', 'failed', 'bounced')`;

/** Finds (and locks) the recipient a bounce is about: by token in the order given, then by Message-ID and address. */
async function findRecipient(tx: Executor, tokens: string[], bounce: ParsedBounce, scope: BounceScope): Promise<Row | undefined> {
  const inScope = scope.workspaceId ? sql`AND r.workspace_id = ${scope.workspaceId}` : sql``;
  for (const token of tokens) {
    const { rows } = await tx.execute<Row>(sql`
      SELECT r.workspace_id, r.mailing_id, r.contact_id, r.email, r.status FROM mailing_recipient r
      WHERE r.token = ${token} ${inScope} AND ${REACHED} FOR UPDATE`);
    if (rows[0]) return rows[0];
  }
  const addresses = bounce.reports.map((r) => r.finalRecipient?.toLowerCase()).filter((a): a is string => !!a);
  if (!bounce.returnedMessageId || addresses.length === 0) return undefined;
  // The last resort, when the envelope and the headers were rewritten on the way: the original Message-ID
  // and the failed address together (no index on message_id; it is rare and bounded by the address match).
  const { rows } = await tx.execute<Row>(sql`
    SELECT r.workspace_id, r.mailing_id, r.contact_id, r.email, r.status FROM mailing_recipient r
    WHERE r.message_id = ${bounce.returnedMessageId} AND lower(r.email) IN (${sql.join(
      addresses.map((a) => sql`${a}`),
      sql`, `,
    )}) ${inScope} AND ${REACHED} LIMIT 1 FOR UPDATE`);
  return rows[0];
}

/** The report about this recipient: the one naming its address, else the only or the worst one. */
function reportFor(reports: DeliveryReport[], email: string | null): DeliveryReport | undefined {
  const named = reports.find((r) => email && r.finalRecipient?.toLowerCase() === email.toLowerCase());
  if (named) return named;
  const rank = { permanent: 0, transient: 1, none: 2 } as const;
  return [...reports].sort((a, b) => rank[severityOf(a)] - rank[severityOf(b)])[0];
}

/**
 * Records one message sent back to the bounce address, in one transaction. The recipient is the first of
 * `tokens` (VERP addresses the message was delivered to) known, then the one the message itself names
 * (its `To`, the returned `X-Clientela-Recipient`, the original Message-ID with the failed address). The
 * workspace is the recipient row's, never taken from the message: whoever knows a token (it is a random
 * secret that only that recipient's message carries) can bounce that one recipient and no other.
 * The same report twice changes nothing more.
 */
export async function recordBounce(db: Database, bounce: ParsedBounce, tokens: string[], scope: BounceScope = {}): Promise<BounceOutcome> {
  if (!bounce.reports.some((r) => severityOf(r) !== 'none')) return 'not_a_bounce';
  const candidates = [...new Set([...tokens, ...bounce.addressedTo, ...(bounce.returnedRecipient ? [bounce.returnedRecipient] : [])])];
  return db.transaction(async (tx) => {
    const row = await findRecipient(tx, candidates, bounce, scope);
    if (!row) return 'unknown_recipient';
    const report = reportFor(bounce.reports, row.email);
    const severity = report ? severityOf(report) : 'none';
    if (!report || severity === 'none') return 'not_a_bounce';
    const error = diagnosticOf(report);
    const key = sql`workspace_id = ${row.workspace_id} AND mailing_id = ${row.mailing_id} AND contact_id = ${row.contact_id}`;
    if (severity === 'transient') {
      // A delay is a note on the recipient; it never overrides a bounce and never suppresses the address.
      const updated = await tx.execute(sql`UPDATE mailing_recipient SET error = ${error}, updated_at = now()
        WHERE ${key} AND status <> 'bounced' AND error IS DISTINCT FROM ${error}`);
      return (updated.rowCount ?? 0) > 0 ? 'delayed' : 'unchanged';
    }
    const updated = await tx.execute(sql`UPDATE mailing_recipient SET status = 'bounced', error = ${error}, updated_at = now()
      WHERE ${key} AND status <> 'bounced'`);
    // The contact's address is suppressed only while it is still the one the message went to: a late
    // bounce of an address since corrected does not stop mail to the new one.
    const suppressed = await tx.execute(sql`UPDATE contact SET email_bounced_at = now()
      WHERE workspace_id = ${row.workspace_id} AND id = ${row.contact_id} AND email_bounced_at IS NULL
        AND lower(nullif(btrim(emails -> 0 ->> 'value'), '')) = lower(${row.email ?? ''})`);
    return (updated.rowCount ?? 0) + (suppressed.rowCount ?? 0) > 0 ? 'bounced' : 'unchanged';
  });
}
