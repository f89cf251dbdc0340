import { type ParsedMail, simpleParser } from 'mailparser';
import { RECIPIENT_HEADER, recipientOfAddress, recipientOfHeader } from './bounce-address.ts';

/** One per-recipient block of a delivery status notification (RFC 3464). */
export type DeliveryReport = {
  /** `failed`, `delayed`, `delivered`, `relayed` or `expanded`, lower-cased. */
  action: string;
  /** The enhanced status code (RFC 3463), e.g. `5.1.1`; taken from the diagnostic when the field is missing. */
  status: string | undefined;
  /** The address the report is about, without its `rfc822;` type. */
  finalRecipient: string | undefined;
  /** The remote server's words (`Diagnostic-Code` without its `smtp;` type), as they are. */
  diagnostic: string | undefined;
};

/** What a message sent back to the bounce address says, and which recipient it names. */
export type ParsedBounce = {
  /** The DSN's per-recipient reports; empty when the message is no DSN (an out-of-office reply, a person writing). */
  reports: DeliveryReport[];
  /** Recipient tokens of the VERP addresses the message is addressed to (`To`, `Delivered-To`, `X-Original-To`). */
  addressedTo: string[];
  /** The `X-Clientela-Recipient` header of the returned original message or its headers. */
  returnedRecipient: string | undefined;
  /** The Message-ID of the returned original message. */
  returnedMessageId: string | undefined;
};

const DSN_TYPES = new Set(['message/delivery-status', 'message/global-delivery-status']);
const RETURNED_TYPES = new Set(['message/rfc822', 'text/rfc822-headers', 'message/global', 'message/global-headers']);
const OPTIONS = {
  keepDeliveryStatus: true,
  // The returned original stays raw: only its headers are read, never its (untrusted) body.
  ignoreEmbedded: true,
  skipHtmlToText: true,
  skipTextToHtml: true,
  skipImageLinks: true,
  checksumAlgo: false,
} as const;

/** Splits a delivery-status body into its header-like field groups (RFC 3464 §2.1), names lower-cased. */
export function deliveryStatusGroups(body: string): Map<string, string>[] {
  const groups: Map<string, string>[] = [];
  for (const block of body.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/)) {
    const fields = new Map<string, string>();
    // A line starting with white space continues the field before it.
    for (const line of block.replace(/\n[ \t]+/g, ' ').split('\n')) {
      const colon = line.indexOf(':');
      if (colon <= 0) continue;
      const name = line.slice(0, colon).trim().toLowerCase();
      if (!fields.has(name)) fields.set(name, line.slice(colon + 1).trim());
    }
    if (fields.size > 0) groups.push(fields);
  }
  return groups;
}

/** A typed field's value without its type (`rfc822; anna@example.com` → `anna@example.com`). */
const untyped = (value: string | undefined) => value?.replace(/^\s*[\w.-]+\s*;\s*/, '').trim() || undefined;

/** The per-recipient reports of a delivery-status body; the first group (per-message fields) is left out. */
export function deliveryReports(body: string): DeliveryReport[] {
  return deliveryStatusGroups(body)
    .filter((fields) => fields.has('action'))
    .map((fields) => {
      const diagnostic = untyped(fields.get('diagnostic-code'));
      const status =
        /^\d\.\d{1,3}\.\d{1,3}/.exec(fields.get('status') ?? '')?.[0] ?? /\b[245]\.\d{1,3}\.\d{1,3}\b/.exec(diagnostic ?? '')?.[0];
      return {
        action: (fields.get('action') ?? '').toLowerCase(),
        status,
        finalRecipient: untyped(fields.get('final-recipient') ?? fields.get('original-recipient'))?.replace(/^<|>$/g, ''),
        diagnostic,
      };
    });
}

/** Every address the message is addressed to: `To`, and the `Delivered-To` / `X-Original-To` an MTA adds. */
function addressesOf(mail: ParsedMail): string[] {
  const found: string[] = [];
  for (const object of Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []) {
    for (const entry of object.value) if (entry.address) found.push(entry.address);
  }
  for (const line of mail.headerLines) {
    if (line.key !== 'delivered-to' && line.key !== 'x-original-to') continue;
    const value = line.line.slice(line.line.indexOf(':') + 1).trim();
    found.push(value.replace(/^.*<|>.*$/g, '').trim());
  }
  return found;
}

const headerText = (mail: ParsedMail, name: string) => {
  const value = mail.headers.get(name);
  return typeof value === 'string' ? value : undefined;
};

/** Reads a message that came back to the bounce address: its DSN reports and the recipient it points to. */
export async function parseBounce(raw: Buffer): Promise<ParsedBounce> {
  const mail = await simpleParser(raw, OPTIONS);
  const reports: DeliveryReport[] = [];
  let returnedRecipient: string | undefined;
  let returnedMessageId: string | undefined;
  for (const part of mail.attachments) {
    const type = part.contentType.toLowerCase();
    if (DSN_TYPES.has(type)) reports.push(...deliveryReports(part.content.toString('utf8')));
    else if (RETURNED_TYPES.has(type) && !returnedRecipient && !returnedMessageId) {
      // Only the header block matters; a header-only part is given an empty body to parse.
      const text = part.content.toString('utf8');
      const head = text.split(/\r?\n\r?\n/, 1)[0] ?? '';
      const returned = await simpleParser(Buffer.from(`${head}\r\n\r\n`), OPTIONS);
      returnedRecipient = recipientOfHeader(headerText(returned, RECIPIENT_HEADER.toLowerCase()));
      returnedMessageId = headerText(returned, 'message-id');
    }
  }
  const addressedTo = addressesOf(mail)
    .map(recipientOfAddress)
    .filter((token): token is string => token !== undefined);
  return { reports, addressedTo: [...new Set(addressedTo)], returnedRecipient, returnedMessageId };
}

/** What a report means for the address: given up for good, only delayed, or nothing to act on. */
export function severityOf(report: DeliveryReport): 'permanent' | 'transient' | 'none' {
  if (report.action === 'failed' && report.status?.startsWith('5')) return 'permanent';
  if (report.action === 'failed' || report.action === 'delayed') return 'transient';
  return 'none';
}

/** The text kept on the recipient: the remote server's diagnostic as it is, with the status code when it lacks it. */
export function diagnosticOf(report: DeliveryReport): string {
  const text = report.diagnostic ?? report.status ?? report.action;
  const withStatus = report.status && !text.includes(report.status) ? `${report.status} ${text}` : text;
  return withStatus.slice(0, 500);
}
