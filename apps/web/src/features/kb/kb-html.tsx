import { useMemo } from 'react';
import '../activities/rich-text.css';
import './kb.css';
import { cleanArticleHtml, cleanHeadline } from './safe-html.ts';

/** An article's body, as the server cleaned it and DOMPurify cleaned it once more here. */
export function ArticleBody({ html }: { html: string }) {
  const clean = useMemo(() => cleanArticleHtml(html), [html]);
  // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on the server and again by DOMPurify just above.
  return <div className="rich-text kb-article-body" data-testid="kb-article-body" dangerouslySetInnerHTML={{ __html: clean }} />;
}

/** A search result's matching passage, its matches marked; no other markup gets through. */
export function Headline({ html }: { html: string }) {
  const clean = useMemo(() => cleanHeadline(html), [html]);
  // biome-ignore lint/security/noDangerouslySetInnerHtml: only `<mark>` survives the cleaning just above.
  return <span className="kb-headline" data-testid="kb-headline" dangerouslySetInnerHTML={{ __html: clean }} />;
}
