/**
 * VERP (variable envelope return path): each mailing message goes out with the envelope sender
 * `bounces+<recipient token>@<bounce domain>`, so a bounce report coming back names its recipient in
 * the address it is delivered to. The token is the recipient's unsubscribe secret, which the message
 * already carries in its List-Unsubscribe header: the address reveals nothing new to anyone.
 */

/** The header that repeats the recipient token inside the message, for bounces that return its headers. */
export const RECIPIENT_HEADER = 'X-Clientela-Recipient';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const VERP = new RegExp(`^bounces\\+(${UUID})@[^@\\s]+$`, 'i');
const UUID_ONLY = new RegExp(`^${UUID}$`, 'i');

/** The envelope sender of one recipient's message. */
export function verpAddress(recipientId: string, bounceDomain: string): string {
  return `bounces+${recipientId}@${bounceDomain}`;
}

/** The recipient token of a VERP address (`bounces+<uuid>@…`), lower-cased; undefined for any other address. */
export function recipientOfAddress(address: string): string | undefined {
  return VERP.exec(address.trim())?.[1]?.toLowerCase();
}

/** A recipient token as found in a header, when it is one. */
export function recipientOfHeader(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed && UUID_ONLY.test(trimmed) ? trimmed.toLowerCase() : undefined;
}

/** The host part of an address such as `Shop <news@shop.example>`; undefined when there is none. */
export function domainOfAddress(from: string): string | undefined {
  return /@([^>\s@]+)>?\s*$/.exec(from)?.[1];
}
