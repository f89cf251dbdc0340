import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { MailSettings } from '../../http/route-helpers.ts';
import { domainOfAddress, RECIPIENT_HEADER, verpAddress } from './bounce-address.ts';

/** One marketing e-mail, already personalised. */
export type MarketingMail = {
  to: { name: string; address: string };
  subject: string;
  html: string;
  text: string;
  /** The recipient's unsubscribe page: becomes `List-Unsubscribe` with RFC 8058 one-click. */
  unsubscribeUrl?: string;
  headers?: Record<string, string>;
  /**
   * The mailing recipient's token: the message then goes out with the envelope sender
   * `bounces+<token>@<bounce domain>` and an `X-Clientela-Recipient` header, so that a late bounce finds it.
   */
  recipientId?: string;
};

/** A pooled SMTP connection for a run of marketing mails; close it when the run ends. */
export type MarketingSender = {
  send: (mail: MarketingMail) => Promise<{ messageId: string }>;
  close: () => void;
};

// Well under the time after which a recipient left 'sending' is taken as stale.
const TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

/** The host part of the sender's address, for Message-IDs. */
function domainOf(from: string): string {
  return domainOfAddress(from) ?? 'clientela.invalid';
}

/**
 * Opens a sender on the workspace's SMTP server: bulk headers (`Precedence: bulk`,
 * `List-Unsubscribe` and `List-Unsubscribe-Post: List-Unsubscribe=One-Click`) and a Message-ID
 * of our own on every mail. Several mails may be sent at once over the pool.
 */
export function openMarketingSender(mail: MailSettings, options: { pool?: boolean; bounceDomain?: string } = {}): MarketingSender {
  const transport = typeof mail.transport === 'string' ? { url: mail.transport } : mail.transport;
  const smtp = nodemailer.createTransport({
    ...transport,
    ...TIMEOUTS,
    ...(options.pool === false ? {} : { pool: true, maxConnections: 3 }),
  });
  const domain = domainOf(mail.from);
  const bounceDomain = options.bounceDomain || domain;
  return {
    async send(message) {
      const messageId = `<${randomUUID()}@${domain}>`;
      const headers: Record<string, string> = { Precedence: 'bulk', 'Auto-Submitted': 'auto-generated', ...message.headers };
      if (message.unsubscribeUrl) {
        headers['List-Unsubscribe'] = `<${message.unsubscribeUrl}>`;
        headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
      }
      if (message.recipientId) headers[RECIPIENT_HEADER] = message.recipientId;
      await smtp.sendMail({
        from: mail.from,
        to: message.to,
        subject: message.subject,
        html: message.html,
        text: message.text,
        messageId,
        headers,
        // The visible From stays; only the envelope sender (Return-Path) names the recipient.
        ...(message.recipientId ? { envelope: { from: verpAddress(message.recipientId, bounceDomain), to: [message.to.address] } } : {}),
      });
      return { messageId };
    },
    close: () => smtp.close(),
  };
}

/** Sends one marketing e-mail on a connection of its own (test sends, birthday greetings). */
export async function sendMarketingMail(mail: MailSettings, message: MarketingMail): Promise<{ messageId: string }> {
  const sender = openMarketingSender(mail, { pool: false });
  try {
    return await sender.send(message);
  } finally {
    sender.close();
  }
}

/** Whether the SMTP server refused the mail for good (a 5xx reply): the address bounces. */
export function isPermanentFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}
