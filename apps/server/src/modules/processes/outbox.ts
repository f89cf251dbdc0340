import nodemailer from 'nodemailer';
import type pg from 'pg';

type LogFn = (details: object, message: string) => void;

export type ProcessOutboxOptions = {
  pool: pg.Pool;
  /** An SMTP URL (`smtp://user:pass@host:587`, `smtps://…`) or nodemailer's SMTP options; without one, e-mails wait. */
  transport?: string | { url?: string; host?: string; port?: number; secure?: boolean; auth?: { user: string; pass: string } } | undefined;
  /** The sender, e.g. `Clientela <crm@example.com>`. */
  from: string;
  log: { info: LogFn; warn: LogFn };
  /** How often the outbox is looked at (on top of `sendNow()`). */
  intervalMs?: number;
  /** The wait after the 1st, 2nd, … failed attempt; after one more failure than listed, the row is given up ('failed'). */
  retryDelaysMs?: readonly number[];
  /** A row 'sending' for longer than this was taken by a process that died: it is taken again. */
  staleMs?: number;
  batchSize?: number;
  /** How webhooks are called (a test may pass its own). */
  fetch?: typeof fetch;
  /** How long a webhook may take to answer. */
  webhookTimeoutMs?: number;
};

export type ProcessOutbox = {
  /** Sends what is due now (after any round under way); resolves with how many rows went out. */
  sendNow: () => Promise<number>;
  /** Finishes the round under way, then stops and closes the SMTP connections. */
  stop: () => Promise<void>;
};

type Claimed = {
  workspace_id: string;
  id: string;
  kind: 'email' | 'webhook';
  payload: Record<string, unknown>;
  attempts: number;
};

// Takes due rows for this process alone: rows locked by another sender are skipped. A row taken is
// 'sending' with next_attempt_at moved to when it counts as abandoned, so one condition finds both
// rows due and rows whose sender died mid-send.
const CLAIM = `
  UPDATE process_outbox o
  SET state = 'sending', attempts = o.attempts + 1, next_attempt_at = now() + $1::float8 * interval '1 millisecond'
  WHERE (o.workspace_id, o.id) IN (
    SELECT q.workspace_id, q.id FROM process_outbox q
    WHERE q.state IN ('pending', 'sending') AND q.next_attempt_at <= now() AND q.kind = ANY($3::text[])
    ORDER BY q.next_attempt_at
    LIMIT $2
    FOR UPDATE SKIP LOCKED
  )
  RETURNING o.workspace_id, o.id, o.kind, o.payload, o.attempts`;

// Only the attempt that took the row may settle or renew it (a stale row may have been taken again since).
const MINE = `workspace_id = $1 AND id = $2 AND state = 'sending' AND attempts = $3`;
const SENT = `UPDATE process_outbox SET state = 'sent', sent_at = now(), last_error = NULL WHERE ${MINE}`;
const RETRY = `UPDATE process_outbox SET state = 'pending', last_error = $4, next_attempt_at = now() + $5::float8 * interval '1 millisecond' WHERE ${MINE}`;
const FAILED = `UPDATE process_outbox SET state = 'failed', last_error = $4 WHERE ${MINE}`;
const RENEW = `UPDATE process_outbox SET next_attempt_at = now() + $4::float8 * interval '1 millisecond' WHERE ${MINE}`;

const CONNECTIONS = 3;
const MINUTE = 60_000;

/** An answer that repeating the call will not change (a 4xx but a timeout or "too many"). */
class Permanent extends Error {}

const isJson = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/**
 * Sends the side effects process steps left in the outbox: e-mails over SMTP and webhook calls
 * (with `Idempotency-Key: <row id>`). Every few seconds, and on `sendNow()`, it takes a batch of
 * due rows, marks each sent, or pending again after a wait, or failed after the last try.
 * Several processes may run one each: a row is taken by one of them at a time.
 */
export function startProcessOutbox({
  pool,
  transport,
  from,
  log,
  intervalMs = 2000,
  retryDelaysMs = [MINUTE, 5 * MINUTE, 15 * MINUTE, 60 * MINUTE, 180 * MINUTE],
  staleMs = 10 * MINUTE,
  batchSize = 50,
  fetch: fetchFn = fetch,
  webhookTimeoutMs = 10_000,
}: ProcessOutboxOptions): ProcessOutbox {
  // Timeouts well under staleMs: a send that hangs fails before another process may take its row.
  const smtp = transport
    ? nodemailer.createTransport({
        ...(typeof transport === 'string' ? { url: transport } : transport),
        connectionTimeout: 30_000,
        greetingTimeout: 30_000,
        socketTimeout: 60_000,
        pool: true,
        maxConnections: CONNECTIONS,
      })
    : null;
  const kinds = smtp ? ['email', 'webhook'] : ['webhook'];
  const maxAttempts = retryDelaysMs.length + 1;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let chain: Promise<unknown> = Promise.resolve();

  const key = (row: Claimed) => [row.workspace_id, row.id, row.attempts];

  async function email(row: Claimed) {
    if (!smtp) throw new Error('no SMTP transport');
    const { to, subject, body } = row.payload as { to: string[]; subject: string; body: string };
    await smtp.sendMail({
      from,
      to,
      subject,
      text: body,
      // The same Message-ID on a repeat lets a mail system drop the copy.
      messageId: `<${row.id}@process.clientela>`,
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
  }

  async function webhook(row: Claimed) {
    const { url, method, body } = row.payload as { url: string; method: string; body: string | null };
    const response = await fetchFn(url, {
      method,
      headers: {
        'content-type': body !== null && isJson(body) ? 'application/json' : 'text/plain; charset=utf-8',
        'idempotency-key': row.id,
        'user-agent': 'Clientela',
      },
      ...(body !== null ? { body } : {}),
      redirect: 'manual',
      signal: AbortSignal.timeout(webhookTimeoutMs),
    });
    await response.body?.cancel();
    if (response.ok) return;
    const message = `HTTP ${response.status}`;
    if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) throw new Permanent(message);
    throw new Error(message);
  }

  async function deliver(row: Claimed): Promise<boolean> {
    const renewed = await pool.query(RENEW, [...key(row), staleMs]);
    if (renewed.rowCount === 0) return false;
    try {
      await (row.kind === 'email' ? email(row) : webhook(row));
    } catch (error) {
      const message = (error as Error).message.slice(0, 1000);
      const giveUp = error instanceof Permanent || row.attempts >= maxAttempts;
      log.warn({ err: error, outbox: row.id, kind: row.kind, attempt: row.attempts, giveUp }, 'a process step’s side effect failed');
      if (giveUp) await pool.query(FAILED, [...key(row), message]);
      else await pool.query(RETRY, [...key(row), message, retryDelaysMs[row.attempts - 1] ?? 0]);
      return false;
    }
    await pool.query(SENT, key(row));
    return true;
  }

  async function round(): Promise<number> {
    let sent = 0;
    while (!stopped) {
      const { rows } = await pool.query<Claimed>(CLAIM, [staleMs, batchSize, kinds]);
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
      await sendNow().catch((error: unknown) => log.warn({ err: error }, 'the process outbox could not be read'));
      if (!stopped) tick();
    }, intervalMs);
  };
  tick();
  log.info({ every: intervalMs, email: smtp !== null }, 'process e-mails and webhooks are sent');

  return {
    sendNow,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await chain;
      smtp?.close();
    },
  };
}
