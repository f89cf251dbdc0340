import { describe, expect, it } from 'vitest';
import { cleanArticleHtml, cleanHeadline } from './safe-html.ts';

describe('cleanHeadline', () => {
  it('keeps only the <mark> of the matches', () => {
    expect(cleanHeadline('We deliver <mark>plasterboard</mark> <b>fast</b>')).toBe('We deliver <mark>plasterboard</mark> fast');
  });

  it('drops scripts, event handlers and attributes, even on <mark>', () => {
    const clean = cleanHeadline(
      '<script>alert(1)</script><img src=x onerror="alert(2)"><mark onclick="alert(3)" style="color:red">gesso</mark>',
    );
    expect(clean).toBe('<mark>gesso</mark>');
    expect(clean).not.toContain('script');
    expect(clean).not.toContain('onerror');
  });
});

describe('cleanArticleHtml', () => {
  it('keeps the rich text an article is written in', () => {
    const html =
      '<h2>Delivery</h2><p>In <strong>3</strong> <em>days</em></p><ul><li>one</li></ul><table><tbody><tr><td>a</td></tr></tbody></table>';
    expect(cleanArticleHtml(html)).toBe(html);
  });

  it('removes scripts, handlers, javascript: links and images from elsewhere', () => {
    const clean = cleanArticleHtml(
      '<p onclick="x()">Hi<script>alert(1)</script></p><a href="javascript:alert(2)">link</a>' +
        '<img src="https://evil.example/pixel.png" onerror="alert(3)"><img src="/api/v1/attachments/00000000-0000-4000-8000-000000000f01/file" alt="plan">' +
        '<iframe src="https://evil.example"></iframe>',
    );
    expect(clean).toBe('<p>Hi</p><a>link</a><img src="/api/v1/attachments/00000000-0000-4000-8000-000000000f01/file" alt="plan">');
  });

  it('opens links in a tab of their own that cannot reach back to the page', () => {
    expect(cleanArticleHtml('<a href="https://example.com" target="_self" rel="opener">x</a>')).toBe(
      '<a href="https://example.com" target="_blank" rel="noopener noreferrer">x</a>',
    );
  });
});
