import { KB_ARTICLE_TAGS, KB_OWN_IMAGE } from '@clientela/contract';
import sanitizeHtml from 'sanitize-html';

/**
 * What an article's body may hold: paragraphs, headings, lists, emphasis, links (web, mail and
 * phone only, opened without handing the opener over), code, quotes, tables and our own images.
 * Scripts, styles, frames, forms, event handlers and inline styles go (with the content of
 * scripts and styles).
 */
const ARTICLE_HTML: sanitizeHtml.IOptions = {
  allowedTags: [...KB_ARTICLE_TAGS],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'target'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    ol: ['start'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer', target: '_blank' }),
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !KB_OWN_IMAGE.test(frame.attribs.src ?? ''),
};

const NO_TAGS: sanitizeHtml.IOptions = { allowedTags: [], allowedAttributes: {} };
/** Blocks are set apart by spaces, so that "<p>one</p><p>two</p>" reads "one two". */
const BLOCK = /<\/?(p|h[1-6]|ul|ol|li|table|caption|thead|tbody|tfoot|tr|td|th|blockquote|pre)\b[^>]*>|<(br|hr|img)\b[^>]*>/gi;
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** An article's body as it is stored: HTML cut down to the safe allowlist above. */
export function sanitiseArticleHtml(html: string): string {
  return sanitizeHtml(html, ARTICLE_HTML).trim();
}

/** The text of (already sanitised) HTML, without tags or entities, whitespace collapsed: for search and the default answer. */
export function plainTextOf(safeHtml: string): string {
  const text = sanitizeHtml(safeHtml.replace(BLOCK, ' $& '), NO_TAGS);
  return text
    .replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/\s+/g, ' ')
    .trim();
}

/** Plain text as HTML paragraphs (a case's resolution offered as an article's body). */
export function paragraphsOf(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => `<p>${escapeHtml(part).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const WORD = /\p{L}{3,40}/gu;

/** The distinct words (letters only, 3 to 40 of them, lower case) of some texts: what kb_word keeps. */
export function wordsOf(...texts: (string | null | undefined)[]): string[] {
  const words = new Set<string>();
  for (const text of texts) for (const match of (text ?? '').toLowerCase().matchAll(WORD)) words.add(match[0]);
  return [...words];
}
