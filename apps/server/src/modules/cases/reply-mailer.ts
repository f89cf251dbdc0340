import nodemailer from 'nodemailer';
import type pg from 'pg';

type LogFn = (details: object, message: string) => void;

export type CaseReplyMailerOptions = {
  pool: pg.Pool;
  /** An SMTP URL (`smtp://user:pass@host:587`, `smtps://…`) or nodemailer's SMTP options. */
  transport: string | { url?: string; host?: string; port?: number; secure?: boolean; auth?: { user: string; pass: string } };
  /** The sender, e.g. `Clientela <crm@example.com>`; the reply's author is its Reply-To. */
  from: string;
  log: { info: LogFn; warn: LogFn };
  intervalMs?: number;
  /** The wait after the 1st, 2nd, … failed attempt; after one more failure than listed, the reply is given up ('failed'). */
  retryDelaysMs?: readonly number[];
  /** A reply 'sending' for longer than this was taken by a process that died: it is taken again. */
  staleMs?: number;
  /** A reply still unsent after this long is given up rather than reach the customer late and out of turn. */
  maxAgeMs?: number;
  batchSize?: number;
};

export type CaseReplyMailer = { sendNow: () => Promise<number>; stop: () => Promise<void> };

type Claimed = {
  workspace_id: string;
  id: string;
  body: string;
  email_to: string;
  email_attempts: number;
  created_at: Date;
  number: string;
  subject: string;
  author_name: string | null;
  author_email: string | null;
};

// As the notification sender does: rows locked by another sender are skipped, and a row taken is
// 'sending' (emailed_at = when) before the lock goes, so no two processes send the same reply.
const CLAIM = `
  WITH claimed AS (
    UPDATE case_message m
    SET email_state = 'sending', email_attempts = m.email_attempts + 1, emailed_at = now()
    WHERE (m.workspace_id, m.id) IN (
      SELECT q.workspace_id, q.id FROM case_message q
      WHERE q.email_state IN ('pending', 'sending')
        AND (
          (q.email_state = 'pending' AND (q.email_attempts = 0
            OR q.emailed_at <= now() - coalesce(($1::float8[])[q.email_attempts], 0) * interval '1 millisecond'))
          OR (q.email_state = 'sending' AND q.emailed_at < now() - $2::float8 * interval '1 millisecond')
        )
      ORDER BY q.created_at
      LIMIT $3
      FOR UPDATE SKIP LOCKED
    )
    RETURNING m.*
  )
  SELECT c.workspace_id, c.id, c.body, c.email_to, c.email_attempts, c.created_at,
    s.number, s.subject, a.name AS author_name, a.email AS author_email
  FROM claimed c
  JOIN support_case s ON s.workspace_id = c.workspace_id AND s.id = c.case_id
  LEFT JOIN app_user a ON a.workspace_id = c.workspace_id AND a.id = c.author_id`;

const SETTLE = `
  UPDATE case_message SET email_state = $4, emailed_at = now()
  WHERE workspace_id = $1 AND id = $2 AND email_state = 'sending' AND email_attempts = $3`;

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);

const MINUTE = 60_000;

/** The reply as the customer reads it: the case's number and subject, the words as written. */
export function composeReply(row: Pick<Claimed, 'number' | 'subject' | 'body'>) {
  const paragraphs = row.body
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
  return {
    subject: `[${row.number}] ${row.subject}`.replace(/\s+/g, ' '),
    text: `${row.body}\n`,
    html: `<!doctype html><html><body style="font-family: sans-serif; line-height: 1.5">\n${paragraphs}\n</body></html>`,
  };
}

/**
 * Sends the replies to customers written with `channel: 'email'`: every few seconds (and on
 * `sendNow()`) it takes a batch of pending replies, sends each to the case's contact and marks it
 * sent, pending again after a wait, or failed after the last retry or once too old.
 */
export function startCaseReplyMailer({
  pool,
  transport,
  from,
  log,
  intervalMs = 5000,
  retryDelaysMs = [MINUTE, 5 * MINUTE, 15 * MINUTE, 60 * MINUTE, 180 * MINUTE],
  staleMs = 10 * MINUTE,
  maxAgeMs = 3 * 24 * 60 * MINUTE,
  batchSize = 50,
}: CaseReplyMailerOptions): CaseReplyMailer {
  const timeouts = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };
  const smtp = nodemailer.createTransport({
    ...(typeof transport === 'string' ? { url: transport } : transport),
    ...timeouts,
    pool: true,
    maxConnections: 2,
  });
  const maxAttempts = retryDelaysMs.length + 1;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let chain: Promise<unknown> = Promise.resolve();
  const settle = (row: Claimed, state: 'sent' | 'pending' | 'failed') =>
    pool.query(SETTLE, [row.workspace_id, row.id, row.email_attempts, state]);

  async function deliver(row: Claimed): Promise<boolean> {
    if (Date.now() - row.created_at.getTime() > maxAgeMs) {
      await settle(row, 'failed');
      return false;
    }
    try {
      await smtp.sendMail({
        from,
        to: row.email_to,
        ...(row.author_email ? { replyTo: { name: row.author_name ?? '', address: row.author_email } } : {}),
        ...composeReply(row),
        headers: { 'X-Clientela-Case': row.number },
      });
    } catch (error) {
      const state = row.email_attempts >= maxAttempts ? 'failed' : 'pending';
      log.warn({ err: error, message: row.id, attempt: row.email_attempts, state }, 'e-mailing a reply to a customer failed');
      await settle(row, state);
      return false;
    }
    await settle(row, 'sent');
    return true;
  }

  async function round(): Promise<number> {
    let sent = 0;
    while (!stopped) {
      const { rows } = await pool.query<Claimed>(CLAIM, [retryDelaysMs, staleMs, batchSize]);
      for (const row of rows) if (await deliver(row)) sent += 1;
      if (rows.length < batchSize) break;
    }
    return sent;
  }

  const sendNow = (): Promise<number> => {
    const run = chain.then(round);
    chain = run.catch(() => {});
    return run;
  };
  const tick = () => {
    timer = setTimeout(async () => {
      await sendNow().catch((error: unknown) => log.warn({ err: error }, 'the case reply queue could not be read'));
      if (!stopped) tick();
    }, intervalMs);
    timer.unref();
  };
  tick();
  log.info({ every: intervalMs }, 'replies to customers are e-mailed');
  return {
    sendNow,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await chain;
      smtp.close();
    },
  };
}
