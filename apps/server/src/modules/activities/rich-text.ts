import sanitizeHtml from 'sanitize-html';

/**
 * What rich text may hold: paragraphs, emphasis, lists, quotes, code and links (web, mail and
 * phone only, opened in a new tab). Scripts, styles, event handlers, images and frames go, and
 * the content of scripts and styles with them.
 */
const RICH_TEXT: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'ul', 'ol', 'li', 'blockquote', 'code', 'pre', 'h2', 'h3', 'a'],
  allowedAttributes: { a: ['href', 'rel', 'target'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowProtocolRelative: false,
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow', target: '_blank' }),
  },
};
const PLAIN_TEXT: sanitizeHtml.IOptions = { allowedTags: [], allowedAttributes: {} };

/** Rich text as it is stored: cleaned HTML, or null when no text is left. */
export function sanitiseRichText(html: string | null | undefined): string | null {
  if (!html) return null;
  const clean = sanitizeHtml(html, RICH_TEXT).trim();
  return sanitizeHtml(clean, PLAIN_TEXT).trim() ? clean : null;
}
