import type { TNotificationKind } from '@clientela/contract';
import nodemailer from 'nodemailer';
import type pg from 'pg';
import { openMailQueue } from './mail-queue.ts';
import { composeMail, type MailNotice } from './mail-text.ts';

type LogFn = (details: object, message: string) => void;

export type MailerOptions = {
  pool: pg.Pool;
  /** An SMTP URL (`smtp://user:pass@host:587`, `smtps://…`) or nodemailer's SMTP options. */
  transport: string | { url?: string; host?: string; port?: number; secure?: boolean; auth?: { user: string; pass: string } };
  /** The sender, e.g. `Clientela <crm@example.com>`. */
  from: string;
  /** Where people open the app: links in the mail lead to `<publicUrl>/tasks/<id>`. */
  publicUrl: string;
  log: { info: LogFn; warn: LogFn };
  /** How often the queue is looked at (on top of `sendNow()`). */
  intervalMs?: number;
  /** The wait after the 1st, 2nd, … failed attempt; after one more failure than listed, the mail is given up ('failed'). */
  retryDelaysMs?: readonly number[];
  /** A mail 'sending' for longer than this was taken by a process that died: it is taken again. */
  staleMs?: number;
  batchSize?: number;
};

export type Mailer = {
  /** Sends what is due now (after any round under way); resolves with how many mails went out. */
  sendNow: () => Promise<number>;
  /** Finishes the round under way, then stops and closes the SMTP connections. */
  stop: () => Promise<void>;
};

type Claimed = {
  workspace_id: string;
  id: string;
  kind: TNotificationKind;
  task_id: string | null;
  case_id: string | null;
  title: string;
  detail: Record<string, string> | null;
  created_at: Date;
  email_attempts: number;
  actor_name: string | null;
  due_at: Date | null;
  email: string;
  name: string;
  locale: string;
  time_zone: string;
  active: boolean;
};

// Takes due mails for this process alone: rows locked by another sender are skipped, and a row
// taken is 'sending' (with emailed_at = when) before the lock goes, so no two processes send it.
const CLAIM = `
  WITH claimed AS (
    UPDATE notification n
    SET email_state = 'sending', email_attempts = n.email_attempts + 1, emailed_at = now()
    WHERE (n.workspace_id, n.id) IN (
      SELECT q.workspace_id, q.id FROM notification q
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
    RETURNING n.*
  )
  SELECT c.workspace_id, c.id, c.kind, c.task_id, c.case_id, c.title, c.detail, c.created_at, c.email_attempts,
    a.name AS actor_name, t.due_at, u.email, u.name, u.locale, u.time_zone, u.active
  FROM claimed c
  JOIN app_user u ON u.workspace_id = c.workspace_id AND u.id = c.user_id
  LEFT JOIN app_user a ON a.workspace_id = c.workspace_id AND a.id = c.actor_id
  LEFT JOIN task t ON t.workspace_id = c.workspace_id AND t.id = c.task_id`;

// Only the attempt that took the row may settle it (a stale row may have been taken again since).
const SETTLE = `
  UPDATE notification SET email_state = $4, emailed_at = now()
  WHERE workspace_id = $1 AND id = $2 AND email_state = 'sending' AND email_attempts = $3`;

// Right before a mail goes out, its claim is renewed: a row that waited its turn behind slow sends is
// not taken as dead by another process meanwhile; a row already taken again is not sent twice.
const RENEW = `
  UPDATE notification SET emailed_at = now()
  WHERE workspace_id = $1 AND id = $2 AND email_state = 'sending' AND email_attempts = $3`;

/** As many mails at once as the SMTP pool has connections. */
const CONNECTIONS = 3;

const MINUTE = 60_000;

/**
 * Sends the e-mail copies of notices: every few seconds (and on `sendNow()`) it takes up to a batch of
 * pending mails, sends each in its recipient's language and time zone, and marks it sent, or pending
 * again after a wait, or failed after the last retry. Several processes may run one each.
 */
export function startMailer({
  pool,
  transport,
  from,
  publicUrl,
  log,
  intervalMs = 5000,
  retryDelaysMs = [MINUTE, 5 * MINUTE, 15 * MINUTE, 60 * MINUTE, 180 * MINUTE],
  staleMs = 10 * MINUTE,
  batchSize = 50,
}: MailerOptions): Mailer {
  const closeQueue = openMailQueue();
  // Timeouts well under staleMs: a send that hangs fails before another process may take its row.
  const timeouts = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };
  const smtp = nodemailer.createTransport({
    ...(typeof transport === 'string' ? { url: transport } : transport),
    ...timeouts,
    pool: true,
    maxConnections: CONNECTIONS,
  });
  const maxAttempts = retryDelaysMs.length + 1;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let chain: Promise<unknown> = Promise.resolve();

  const settle = (row: Claimed, state: 'sent' | 'pending' | 'failed') =>
    pool.query(SETTLE, [row.workspace_id, row.id, row.email_attempts, state]);

  async function deliver(row: Claimed): Promise<boolean> {
    if (!row.active || !row.email) {
      await settle(row, 'failed');
      return false;
    }
    const notice: MailNotice = {
      id: row.id,
      kind: row.kind,
      taskId: row.task_id,
      caseId: row.case_id,
      title: row.title,
      detail: row.detail,
      createdAt: row.created_at,
      actorName: row.actor_name,
      dueAt: row.due_at,
      recipient: { name: row.name, locale: row.locale, timeZone: row.time_zone },
    };
    const renewed = await pool.query(RENEW, [row.workspace_id, row.id, row.email_attempts]);
    if (renewed.rowCount === 0) return false;
    try {
      await smtp.sendMail({
        from,
        to: { name: row.name, address: row.email },
        ...composeMail(notice, publicUrl),
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
    } catch (error) {
      const state = row.email_attempts >= maxAttempts ? 'failed' : 'pending';
      log.warn({ err: error, notification: row.id, attempt: row.email_attempts, state }, 'sending a notification e-mail failed');
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
      const waiting = [...rows];
      await Promise.all(
        Array.from({ length: CONNECTIONS }, async () => {
          for (let row = waiting.shift(); row; row = waiting.shift()) if (await deliver(row)) sent += 1;
        }),
      );
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
      await sendNow().catch((error: unknown) => log.warn({ err: error }, 'the notification mail queue could not be read'));
      if (!stopped) tick();
    }, intervalMs);
  };
  tick();
  log.info({ every: intervalMs }, 'notification e-mails are sent');

  return {
    sendNow,
    stop: async () => {
      stopped = true;
      closeQueue();
      clearTimeout(timer);
      await chain;
      smtp.close();
    },
  };
}
