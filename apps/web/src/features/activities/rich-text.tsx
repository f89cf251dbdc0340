import DOMPurify from 'dompurify';
import { useMemo } from 'react';
import './rich-text.css';

/** What rich text may hold in the page; the server keeps the same and cleans it first. */
const ALLOWED = {
  ALLOWED_TAGS: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'ul', 'ol', 'li', 'blockquote', 'code', 'pre', 'h2', 'h3', 'a'],
  ALLOWED_ATTR: ['href', 'rel', 'target'],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|tel:)/i,
};

/** HTML safe to show: DOMPurify cleans it again in the browser, as a second guard behind the server. */
export function cleanHtml(html: string): string {
  return DOMPurify.sanitize(html, ALLOWED);
}

/** An activity's rich text, as the server cleaned it (and cleaned once more here). */
export function RichText({ html }: { html: string }) {
  const clean = useMemo(() => cleanHtml(html), [html]);
  // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on the server and again by DOMPurify just above.
  return <div className="rich-text" dangerouslySetInnerHTML={{ __html: clean }} />;
}
