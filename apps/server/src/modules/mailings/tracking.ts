import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a recipient's links are signed with: known only to the server, derived from the recipient. */
export type LinkKey = { token: string; mailingId: string; contactId: string };

/** The signature of a click link's target: an HMAC keyed by a secret of the recipient, so links cannot redirect elsewhere. */
export function signUrl(key: LinkKey, url: string): string {
  const secret = createHmac('sha256', 'clientela-click-link').update(`${key.token}:${key.mailingId}:${key.contactId}`).digest();
  return createHmac('sha256', secret).update(url).digest('base64url');
}

/** Whether a click link's signature is the one `signUrl` gives. */
export function verifyUrl(key: LinkKey, url: string, signature: string): boolean {
  const expected = Buffer.from(signUrl(key, url));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

const unescapeHtml = (value: string) =>
  value
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
const escapeHtml = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * Adds tracking to a personalised mail: web links (not the unsubscribe one) go through
 * `<publicUrl>/t/c/<token>` with a signature, and a 1×1 image `<publicUrl>/t/o/<token>` marks the opening.
 */
export function addTracking(
  html: string,
  options: { publicUrl: string; key: LinkKey; unsubscribeUrl: string; opens: boolean; clicks: boolean },
): string {
  const { publicUrl, key } = options;
  let result = html;
  if (options.clicks) {
    result = result.replace(/href="([^"]+)"/gi, (whole, href: string) => {
      const url = unescapeHtml(href);
      if (!/^https?:\/\//i.test(url) || url === options.unsubscribeUrl || url.startsWith(`${publicUrl}/u/`)) return whole;
      const link = `${publicUrl}/t/c/${key.token}?u=${encodeURIComponent(url)}&s=${signUrl(key, url)}`;
      return `href="${escapeHtml(link)}"`;
    });
  }
  if (options.opens) {
    const pixel = `<img src="${publicUrl}/t/o/${key.token}" width="1" height="1" alt="" style="display:block;border:0;width:1px;height:1px" />`;
    result = /<\/body>/i.test(result) ? result.replace(/<\/body>/i, `${pixel}</body>`) : result + pixel;
  }
  return result;
}
