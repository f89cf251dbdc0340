import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Browser, makeBakery, post, useTestApp } from '../../test/harness.ts';
import { PUBLIC_KB_RATE_LIMIT } from './kb.routes.ts';
import { kbArticleFeedback } from './kb.table.ts';

const t = useTestApp();

/** An anonymous visitor's request: no cookie, no token. */
const visit = (url: string, options: { method?: 'GET' | 'POST'; payload?: unknown; ip?: string; agent?: string } = {}) =>
  t.app.inject({
    method: options.method ?? 'GET',
    url,
    ...(options.payload ? { payload: options.payload as Record<string, unknown> } : {}),
    remoteAddress: options.ip ?? '203.0.113.7',
    headers: { 'user-agent': options.agent ?? 'Firefox' },
  });

/** A workspace with one public article and every kind of article that must stay inside, all about plasterboard. */
async function helpCentre() {
  const bakery = await makeBakery(t);
  const { owner, managerA, employeeA } = bakery;
  const slug: string = owner.session.user.workspace.slug;
  const write = (browser: Browser, values: Record<string, unknown>) =>
    post(browser, '/api/v1/kb-articles', {
      title: 'Plasterboard',
      body: '<p>Plasterboard sheets are stored flat.</p>',
      language: 'en',
      audience: 'public',
      ...values,
    });
  const guides = await post(owner, '/api/v1/kb-categories', { name: 'Guides' });
  const secrets = await post(owner, '/api/v1/kb-categories', { name: 'Supplier margins' });
  const open = await write(employeeA.browser, { title: 'Storing plasterboard', categoryId: guides.id, tags: ['boards'] });
  const internal = await write(employeeA.browser, {
    title: 'Plasterboard supplier discounts',
    body: '<p>Plasterboard confidentialmargin is 40%.</p>',
    audience: 'internal',
    categoryId: secrets.id,
    tags: ['boards'],
  });
  const draft = await write(employeeA.browser, { title: 'Plasterboard draft', status: 'draft', categoryId: guides.id });
  const archived = await write(employeeA.browser, { title: 'Plasterboard archived', status: 'archived' });
  const removed = await write(employeeA.browser, { title: 'Plasterboard removed' });
  await managerA.browser.request({ method: 'DELETE', url: `/api/v1/kb-articles/${removed.id}` });
  const hidden = [internal, draft, archived, removed].map((a) => a.id as string);
  return { ...bakery, slug, open, hidden, guides, secrets, base: `/api/v1/public/kb/${slug}` };
}

describe('the public knowledge base', () => {
  it('shows published public articles only, in lists, search, related articles and counts', async () => {
    const { base, open, guides } = await helpCentre();
    const list = await visit(`${base}/articles`);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual({
      data: [expect.objectContaining({ id: open.id, title: 'Storing plasterboard', headline: null })],
      correctedQuery: null,
    });
    for (const q of ['plasterboard', 'supplier', 'discounts', 'draft', 'archived', 'removed', 'confidentialmargin']) {
      const found = (await visit(`${base}/articles?q=${q}`)).json();
      expect(
        found.data.map((a: { id: string }) => a.id),
        q,
      ).toEqual(q === 'plasterboard' ? [open.id] : []);
    }
    // A misspelt word of an internal article is not offered as a correction.
    expect((await visit(`${base}/articles?q=confidentialmargn`)).json()).toEqual({ data: [], correctedQuery: null });
    expect((await visit(`${base}/articles?q=plasterbord`)).json()).toMatchObject({
      data: [{ id: open.id }],
      correctedQuery: 'plasterboard',
    });
    expect((await visit(`${base}/articles?categoryId=${guides.id}`)).json().data).toHaveLength(1);
    expect((await visit(`${base}/articles?language=it`)).json().data).toEqual([]);
    // The article: its related list holds no internal article, though one shares its tag.
    const read = await visit(`${base}/articles/${open.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ id: open.id, category: { id: guides.id, name: 'Guides' }, related: [] });
    expect(read.json()).not.toHaveProperty('audience');
    // Categories: only those holding public articles, counting only those.
    expect((await visit(`${base}/categories`)).json()).toEqual({ data: [expect.objectContaining({ id: guides.id, articles: 1 })] });
  });

  it('answers 404 for an internal, draft, archived or deleted article exactly as for a missing one, on every route', async () => {
    const { base, hidden } = await helpCentre();
    const missing = await visit(`${base}/articles/${randomUUID()}`);
    expect(missing.statusCode).toBe(404);
    const shape = (body: Record<string, unknown>) => ({ ...body, instance: undefined });
    for (const id of hidden) {
      const read = await visit(`${base}/articles/${id}`);
      expect(read.statusCode).toBe(404);
      expect(shape(read.json())).toEqual(shape(missing.json()));
      const feedback = await visit(`${base}/articles/${id}/feedback`, { method: 'POST', payload: { helpful: true } });
      expect(feedback.statusCode).toBe(404);
    }
    const [hiddenId] = hidden;
    const rows = await t.db
      .select()
      .from(kbArticleFeedback)
      .where(eq(kbArticleFeedback.articleId, hiddenId as string));
    expect(rows).toEqual([]);
  });

  it('is not reached through another workspace’s address, nor an unknown one', async () => {
    const { open } = await helpCentre();
    const other = await makeBakery(t);
    const theirSlug = other.owner.session.user.workspace.slug;
    expect((await visit(`/api/v1/public/kb/${theirSlug}/articles/${open.id}`)).statusCode).toBe(404);
    expect((await visit(`/api/v1/public/kb/${theirSlug}/articles?q=plasterboard`)).json().data).toEqual([]);
    expect((await visit(`/api/v1/public/kb/no-such-bakery/articles`)).statusCode).toBe(404);
    expect((await visit(`/api/v1/public/kb/no-such-bakery/articles/${open.id}`)).statusCode).toBe(404);
  });

  it('counts one "was this helpful" answer per visitor, known by a hash, never by address', async () => {
    const { base, open, employeeA } = await helpCentre();
    const url = `${base}/articles/${open.id}/feedback`;
    expect((await visit(url, { method: 'POST', payload: { helpful: true } })).statusCode).toBe(204);
    expect((await visit(url, { method: 'POST', payload: { helpful: false } })).statusCode).toBe(204);
    expect((await visit(url, { method: 'POST', payload: { helpful: true }, agent: 'Chromium' })).statusCode).toBe(204);
    expect((await visit(url, { method: 'POST', payload: { helpful: true }, ip: '198.51.100.4' })).statusCode).toBe(204);
    const seen = (await employeeA.browser.request({ method: 'GET', url: `/api/v1/kb-articles/${open.id}` })).json();
    expect(seen).toMatchObject({ helpfulYes: 2, helpfulNo: 1 });
    const voters = (await t.db.select().from(kbArticleFeedback).where(eq(kbArticleFeedback.articleId, open.id))).map((f) => f.voter);
    expect(voters).toHaveLength(3);
    for (const voter of voters) expect(voter).toMatch(/^visitor:[0-9a-f]{64}$/);
    const bad = await visit(url, { method: 'POST', payload: { helpful: 'very' } });
    expect(bad.statusCode).toBe(400);
  });

  it('is rate limited per address', async () => {
    const { base } = await helpCentre();
    const ip = '192.0.2.99';
    for (let i = 0; i < PUBLIC_KB_RATE_LIMIT; i += 1) expect((await visit(`${base}/articles`, { ip })).statusCode).toBe(200);
    expect((await visit(`${base}/articles`, { ip })).statusCode).toBe(429);
    expect((await visit(`${base}/articles`, { ip: '192.0.2.100' })).statusCode).toBe(200);
  });
});
