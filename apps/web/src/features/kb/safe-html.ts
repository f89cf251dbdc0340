import { KB_ARTICLE_TAGS, KB_OWN_IMAGE } from '@clientela/contract';
import DOMPurify from 'dompurify';

/**
 * What an article's body may hold in the page: the server's allowlist (sanitize-html) again,
 * as a second guard. Images only from our own attachment files.
 */
const ARTICLE = {
  ALLOWED_TAGS: [...KB_ARTICLE_TAGS],
  ALLOWED_ATTR: ['href', 'title', 'src', 'alt', 'width', 'height', 'start', 'colspan', 'rowspan', 'scope'],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|tel:|\/api\/v1\/attachments\/)/i,
};

// An instance of its own, so that the image hook below touches nothing else in the page.
let articlePurifier: ReturnType<typeof DOMPurify> | undefined;

function purifier() {
  if (!articlePurifier) {
    articlePurifier = DOMPurify(window);
    articlePurifier.addHook('afterSanitizeAttributes', (node) => {
      if (node.nodeName === 'IMG' && !KB_OWN_IMAGE.test(node.getAttribute('src') ?? '')) node.remove();
      // A link leaves the article in a tab of its own, unable to reach back to this page.
      if (node.nodeName === 'A' && node.hasAttribute('href')) {
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
      }
    });
  }
  return articlePurifier;
}

/** An article's body, safe to put into the page. */
export function cleanArticleHtml(html: string): string {
  return purifier().sanitize(html, ARTICLE);
}

/** A search result's passage: its text with the matches in `<mark>`, nothing else. */
export function cleanHeadline(html: string): string {
  return DOMPurify.sanitize(html, { ALLOWED_TAGS: ['mark'], ALLOWED_ATTR: [] });
}
