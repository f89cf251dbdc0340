import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { SMTPServer } from 'smtp-server';
import type { Database } from '../../db/client.ts';
import { recipientOfAddress } from './bounce-address.ts';
import { type ParsedBounce, parseBounce } from './bounce-parse.ts';
import { recordBounce } from './bounce-record.ts';

/** The largest bounce taken: a report plus the returned original's headers, or a whole small original. */
export const BOUNCE_MAX_BYTES = 2 * 1024 * 1024;

export type BounceListener = { port: number; close: () => Promise<void> };

type Options = { db: Database; host: string; port: number; log?: Pick<Logger, 'info' | 'warn'>; maxBytes?: number };

const refusal = (message: string, responseCode: number) => Object.assign(new Error(message), { responseCode });

/**
 * An SMTP listener for bounces: an MTA in front relays `bounces+*@<bounce domain>` to it. It accepts only
 * VERP recipients (`bounces+<uuid>@…`; others get 550), messages up to `maxBytes`, no authentication and no
 * TLS: keep it on loopback or a private network, never reachable from the internet. Each message is
 * recorded before it is accepted; a database failure answers 451 so that the MTA tries again later.
 */
export async function startBounceListener(options: Options): Promise<BounceListener> {
  const { db, log } = options;
  const maxBytes = options.maxBytes ?? BOUNCE_MAX_BYTES;
  const server = new SMTPServer({
    name: 'clientela-bounces',
    banner: 'Clientela bounce intake',
    disabledCommands: ['STARTTLS', 'AUTH'],
    size: maxBytes,
    logger: false,
    maxClients: 20,
    socketTimeout: 60_000,
    onRcptTo(address, _session, callback) {
      if (recipientOfAddress(address.address)) return callback();
      callback(refusal('No such mailbox here: only bounces are taken', 550));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= maxBytes) chunks.push(chunk);
      });
      stream.on('error', (error) => callback(error));
      stream.on('end', () => {
        if (stream.sizeExceeded) return callback(refusal('Message too big for a bounce', 552));
        const tokens = session.envelope.rcptTo.map((a) => recipientOfAddress(a.address)).filter((t): t is string => !!t);
        void take(Buffer.concat(chunks), tokens).then(
          () => callback(),
          (error: unknown) => {
            log?.warn({ err: error }, 'recording a bounce failed; the sender is asked to try again');
            callback(refusal('Try again later', 451));
          },
        );
      });
    },
  });

  /** Parses (a message that cannot be read is dropped: sending it again would not help) and records. */
  async function take(raw: Buffer, tokens: string[]) {
    let bounce: ParsedBounce;
    try {
      bounce = await parseBounce(raw);
    } catch (error) {
      log?.warn({ err: error }, 'a message to the bounce address could not be read; dropped');
      return;
    }
    // Each VERP address the message was delivered to is a report about that recipient.
    for (const token of tokens.length > 0 ? tokens : [undefined]) {
      const outcome = await recordBounce(db, bounce, token ? [token] : []);
      log?.info({ recipient: token, outcome }, 'bounce received');
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => log?.warn({ err: error }, 'bounce listener error'));
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
