import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Browser, get, makeBakery, post, useTestApp } from '../../test/harness.ts';
import { caseMessages, caseTypes, supportCases } from '../cases/cases.table.ts';
import { kbArticles, kbArticleVersions, kbCategories, kbWords } from './kb.table.ts';
import { updateWords } from './words.ts';

const t = useTestApp();

const article = (overrides: Record<string, unknown> = {}) => ({
  title: 'Storing flour',
  body: '<p>Keep flour in a <strong>dry</strong> place.</p>',
  language: 'en',
  ...overrides,
});

async function send(browser: Browser, method: 'POST' | 'PATCH' | 'DELETE' | 'GET', url: string, payload?: Record<string, unknown>) {
  return browser.request({ method, url, ...(payload ? { payload } : {}) });
}

/** A case, written straight into its table (the cases module has its own tests). */
async function makeCase(workspaceId: string, createdById: string, values: { subject: string; resolution?: string }) {
  const [type] = await t.db
    .insert(caseTypes)
    .values({ workspaceId, name: `Complaint ${Math.random()}` })
    .returning();
  const [row] = await t.db
    .insert(supportCases)
    .values({
      workspaceId,
      number: `C-2026-${Math.floor(Math.random() * 1e6)}`,
      subject: values.subject,
      resolution: values.resolution ?? null,
      kind: 'complaint',
      typeId: type?.id as string,
      channel: 'phone',
      createdById,
      ownerId: createdById,
    })
    .returning();
  return row as typeof supportCases.$inferSelect;
}

describe('knowledge-base categories', () => {
  it('are a tree arranged by managers and admins, listed for all with published-article counts', async () => {
    const { owner, managerA, employeeA } = await makeBakery(t);
    const bread = await post(managerA.browser, '/api/v1/kb-categories', { name: 'Bread' });
    const sourdough = await post(owner, '/api/v1/kb-categories', { name: 'Sourdough', parentId: bread.id, position: 2 });
    expect(sourdough).toMatchObject({ name: 'Sourdough', parentId: bread.id, position: 2, articles: 0 });
    expect((await send(employeeA.browser, 'POST', '/api/v1/kb-categories', { name: 'Mine' })).statusCode).toBe(403);
    expect((await send(employeeA.browser, 'PATCH', `/api/v1/kb-categories/${bread.id}`, { name: 'X' })).statusCode).toBe(403);
    expect((await send(employeeA.browser, 'DELETE', `/api/v1/kb-categories/${bread.id}`)).statusCode).toBe(403);

    await post(employeeA.browser, '/api/v1/kb-articles', article({ categoryId: sourdough.id }));
    await post(employeeA.browser, '/api/v1/kb-articles', article({ categoryId: sourdough.id, status: 'draft' }));
    const listed = await get(employeeA.browser, '/api/v1/kb-categories');
    expect(listed.data).toEqual([
      expect.objectContaining({ id: bread.id, parentId: null, articles: 0 }),
      expect.objectContaining({ id: sourdough.id, parentId: bread.id, articles: 1 }),
    ]);
  });

  it('refuse a parent that is missing, in another workspace, or would make a loop (400 naming parentId, nothing written)', async () => {
    const { owner } = await makeBakery(t);
    const other = await makeBakery(t);
    const foreign = await post(other.owner, '/api/v1/kb-categories', { name: 'Elsewhere' });
    const top = await post(owner, '/api/v1/kb-categories', { name: 'Top' });
    const middle = await post(owner, '/api/v1/kb-categories', { name: 'Middle', parentId: top.id });
    const bottom = await post(owner, '/api/v1/kb-categories', { name: 'Bottom', parentId: middle.id });

    const fromElsewhere = await send(owner, 'POST', '/api/v1/kb-categories', { name: 'Sneaky', parentId: foreign.id });
    expect(fromElsewhere.statusCode).toBe(400);
    expect(fromElsewhere.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'parentId' }] });
    for (const parentId of [bottom.id, top.id]) {
      const loop = await send(owner, 'PATCH', `/api/v1/kb-categories/${top.id}`, { parentId });
      expect(loop.statusCode).toBe(400);
      expect(loop.json().errors).toEqual([expect.objectContaining({ path: 'parentId' })]);
    }
    const unnamed = await send(owner, 'POST', '/api/v1/kb-categories', { name: '  ' });
    expect(unnamed.statusCode).toBe(400);
    expect(unnamed.json().errors[0].path).toBe('name');
    expect((await get(owner, '/api/v1/kb-categories')).data.map((c: { name: string }) => c.name).sort()).toEqual([
      'Bottom',
      'Middle',
      'Top',
    ]);
    // Another workspace's category is not there to change.
    expect((await send(owner, 'PATCH', `/api/v1/kb-categories/${foreign.id}`, { name: 'Mine now' })).statusCode).toBe(404);
    expect((await send(owner, 'DELETE', `/api/v1/kb-categories/${foreign.id}`)).statusCode).toBe(404);
  });

  it('deleted, leave their articles without a category and their sub-categories under the parent', async () => {
    const { owner, employeeA } = await makeBakery(t);
    const top = await post(owner, '/api/v1/kb-categories', { name: 'Top' });
    const middle = await post(owner, '/api/v1/kb-categories', { name: 'Middle', parentId: top.id });
    const bottom = await post(owner, '/api/v1/kb-categories', { name: 'Bottom', parentId: middle.id });
    const written = await post(employeeA.browser, '/api/v1/kb-articles', article({ categoryId: middle.id }));
    expect((await send(owner, 'DELETE', `/api/v1/kb-categories/${middle.id}`)).statusCode).toBe(204);
    expect((await get(employeeA.browser, `/api/v1/kb-articles/${written.id}`)).category).toBeNull();
    const left = (await get(owner, '/api/v1/kb-categories')).data;
    expect(left).toEqual([expect.objectContaining({ id: bottom.id, parentId: top.id }), expect.objectContaining({ id: top.id })]);
  });
});

describe('knowledge-base articles', () => {
  it('are written by any staff member, read by all, changed by the author, managers and admins, removed by managers and admins', async () => {
    const { owner, managerA, employeeA, employeeB } = await makeBakery(t);
    const response = await send(employeeA.browser, 'POST', '/api/v1/kb-articles', article({ tags: ['flour', ' Flour ', 'storage'] }));
    expect(response.statusCode).toBe(201);
    const written = response.json();
    expect(written).toMatchObject({
      title: 'Storing flour',
      answer: 'Keep flour in a dry place.',
      audience: 'internal',
      status: 'published',
      version: 1,
      tags: ['flour', 'storage'],
      author: { id: employeeA.user.id, name: 'Elio' },
      updatedBy: { id: employeeA.user.id },
      mayChange: true,
      myFeedback: null,
      useCount: 0,
      sourceCase: null,
    });
    // Everyone reads it; only the author (of the employees) may change it.
    expect(await get(employeeB.browser, `/api/v1/kb-articles/${written.id}`)).toMatchObject({ title: 'Storing flour', mayChange: false });
    expect((await get(managerA.browser, `/api/v1/kb-articles/${written.id}`)).mayChange).toBe(true);
    const byBea = await send(employeeB.browser, 'PATCH', `/api/v1/kb-articles/${written.id}`, { title: 'Mine', version: 1 });
    expect(byBea.statusCode).toBe(403);
    const byManager = await send(managerA.browser, 'PATCH', `/api/v1/kb-articles/${written.id}`, {
      answer: 'Dry and cool.',
      version: 1,
    });
    expect(byManager.json()).toMatchObject({ version: 2, answer: 'Dry and cool.', updatedBy: { name: 'Marta' }, author: { name: 'Elio' } });
    // Employees cannot remove, even their own; a manager can, softly.
    expect((await send(employeeA.browser, 'DELETE', `/api/v1/kb-articles/${written.id}`)).statusCode).toBe(403);
    expect((await send(managerA.browser, 'DELETE', `/api/v1/kb-articles/${written.id}`)).statusCode).toBe(204);
    expect((await send(owner, 'GET', `/api/v1/kb-articles/${written.id}`)).statusCode).toBe(404);
    expect((await get(owner, '/api/v1/kb-articles')).total).toBe(0);
    const [kept] = await t.db.select().from(kbArticles).where(eq(kbArticles.id, written.id));
    expect(kept?.deletedAt).not.toBeNull();
  });

  it('keeps every saved version, and refuses a save over someone else’s with 409 version_conflict', async () => {
    const { managerA, employeeA } = await makeBakery(t);
    const written = await post(employeeA.browser, '/api/v1/kb-articles', article());
    const first = await send(employeeA.browser, 'PATCH', `/api/v1/kb-articles/${written.id}`, {
      body: '<p>Keep flour sealed.</p>',
      version: 1,
    });
    expect(first.json()).toMatchObject({ version: 2, body: '<p>Keep flour sealed.</p>', answer: 'Keep flour sealed.' });
    // Marta opened version 1 too: her save would overwrite Elio's.
    const stale = await send(managerA.browser, 'PATCH', `/api/v1/kb-articles/${written.id}`, { title: 'Flour', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'conflict', reason: 'version_conflict', version: 2 });
    expect((await get(managerA.browser, `/api/v1/kb-articles/${written.id}`)).title).toBe('Storing flour');
    await send(managerA.browser, 'PATCH', `/api/v1/kb-articles/${written.id}`, { title: 'Flour', version: 2 });

    const versions = await get(employeeA.browser, `/api/v1/kb-articles/${written.id}/versions`);
    expect(versions.data).toEqual([
      expect.objectContaining({ version: 3, title: 'Flour', author: { id: managerA.user.id, name: 'Marta' } }),
      expect.objectContaining({ version: 2, body: '<p>Keep flour sealed.</p>', author: expect.objectContaining({ name: 'Elio' }) }),
      expect.objectContaining({ version: 1, title: 'Storing flour', body: article().body, answer: null }),
    ]);
    expect(versions.data[0].createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('sanitises the body: scripts, event handlers and javascript: links go; safe markup, links and our own images stay', async () => {
    const { employeeA } = await makeBakery(t);
    const image = '/api/v1/attachments/8f14e45f-ceea-4e6a-9b0e-6a1d2c3b4a5f/file';
    const written = await post(
      employeeA.browser,
      '/api/v1/kb-articles',
      article({
        body: [
          '<h2>Oven</h2><script>alert(1)</script>',
          '<p onclick="steal()">Heat to <em>220</em> °C &amp; wait</p>',
          `<img src="x" onerror="alert(2)"><img src="${image}" alt="Oven" onerror="alert(3)"><img src="https://tracker.example/p.gif">`,
          '<a href="javascript:alert(4)">click</a> <a href="https://example.com/oven" target="_self">manual</a>',
          '<table><tr><td colspan="2" style="color:red">cell</td></tr></table><iframe src="https://example.com"></iframe>',
          '<ul><li>one</li><li><code>two</code></li></ul><blockquote>quote</blockquote>',
        ].join(''),
      }),
    );
    const body: string = written.body;
    expect(body).not.toMatch(/script|onerror|onclick|javascript:|alert|iframe|tracker|style=/i);
    expect(body).toContain('<h2>Oven</h2>');
    expect(body).toContain('<p>Heat to <em>220</em> °C &amp; wait</p>');
    expect(body).toContain(`<img src="${image}" alt="Oven" />`);
    expect(body).toContain('<a rel="noopener noreferrer" target="_blank">click</a>');
    expect(body).toContain('<a href="https://example.com/oven" target="_blank" rel="noopener noreferrer">manual</a>');
    expect(body).toContain('<td colspan="2">cell</td>');
    expect(body).toContain('<ul><li>one</li><li><code>two</code></li></ul><blockquote>quote</blockquote>');
    // The text without tags, for search and as the default answer.
    expect(written.answer).toBe('Oven Heat to 220 °C & wait click manual cell one two quote');
  });

  it('refuses bad input with 400 naming the fields, and writes nothing', async () => {
    const { employeeA } = await makeBakery(t);
    const other = await makeBakery(t);
    const foreignCategory = await post(other.owner, '/api/v1/kb-categories', { name: 'Elsewhere' });
    const workspaceId = employeeA.browser.session.user.workspace.id;
    const cases = [
      [{ title: '', body: 'x', language: 'en' }, 'title'],
      [{ title: 'x', body: 'x', language: 'de' }, 'language'],
      [{ title: 'x', body: 'x', language: 'en', audience: 'everyone' }, 'audience'],
      [{ title: 'x', body: 'x', language: 'en', tags: [''] }, 'tags.0'],
      [{ title: 'x', body: 'x', language: 'en', categoryId: foreignCategory.id }, 'categoryId'],
      [{ title: 'x', body: 'x', language: 'en', sourceCaseId: foreignCategory.id }, 'sourceCaseId'],
      [{ title: 'x', body: 'x', language: 'en', surprise: 1 }, 'surprise'],
    ] as const;
    for (const [payload, path] of cases) {
      const response = await send(employeeA.browser, 'POST', '/api/v1/kb-articles', payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const written = await post(employeeA.browser, '/api/v1/kb-articles', article());
    const noVersion = await send(employeeA.browser, 'PATCH', `/api/v1/kb-articles/${written.id}`, { title: 'New' });
    expect(noVersion.statusCode).toBe(400);
    expect(noVersion.json().errors[0].path).toBe('version');
    const badCategory = await send(employeeA.browser, 'PATCH', `/api/v1/kb-articles/${written.id}`, {
      title: 'New',
      categoryId: foreignCategory.id,
      version: 1,
    });
    expect(badCategory.statusCode).toBe(400);
    expect(await t.db.select().from(kbArticles).where(eq(kbArticles.workspaceId, workspaceId))).toHaveLength(1);
    expect(await t.db.select().from(kbArticleVersions).where(eq(kbArticleVersions.articleId, written.id))).toHaveLength(1);
    expect((await get(employeeA.browser, `/api/v1/kb-articles/${written.id}`)).title).toBe('Storing flour');
    expect((await send(employeeA.browser, 'GET', '/api/v1/kb-articles?sort=author')).statusCode).toBe(400);
    expect((await send(employeeA.browser, 'GET', '/api/v1/kb-articles?cursor=nonsense')).statusCode).toBe(400);
  });

  it('of another workspace answer 404 to every route', async () => {
    const { owner } = await makeBakery(t);
    const other = await makeBakery(t);
    const theirs = await post(other.employeeA.browser, '/api/v1/kb-articles', article());
    for (const [method, url, payload] of [
      ['GET', `/api/v1/kb-articles/${theirs.id}`],
      ['GET', `/api/v1/kb-articles/${theirs.id}/versions`],
      ['PATCH', `/api/v1/kb-articles/${theirs.id}`, { title: 'Mine', version: 1 }],
      ['DELETE', `/api/v1/kb-articles/${theirs.id}`],
      ['POST', `/api/v1/kb-articles/${theirs.id}/feedback`, { helpful: true }],
    ] as const) {
      expect((await send(owner, method, url, payload)).statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await get(owner, '/api/v1/kb-articles')).data).toEqual([]);
    expect((await get(owner, '/api/v1/kb-articles?q=flour')).data).toEqual([]);
  });

  it('refuse anonymous calls on every staff route (401)', async () => {
    const { employeeA } = await makeBakery(t);
    const written = await post(employeeA.browser, '/api/v1/kb-articles', article());
    for (const [method, url] of [
      ['GET', '/api/v1/kb-articles'],
      ['GET', '/api/v1/kb-articles?q=flour'],
      ['POST', '/api/v1/kb-articles'],
      ['GET', `/api/v1/kb-articles/${written.id}`],
      ['PATCH', `/api/v1/kb-articles/${written.id}`],
      ['DELETE', `/api/v1/kb-articles/${written.id}`],
      ['GET', `/api/v1/kb-articles/${written.id}/versions`],
      ['POST', `/api/v1/kb-articles/${written.id}/feedback`],
      ['GET', `/api/v1/kb-articles/draft-from-case/${written.id}`],
      ['GET', '/api/v1/kb-categories'],
      ['POST', '/api/v1/kb-categories'],
    ] as const) {
      const response = await t.app.inject({ method, url, ...(method === 'POST' || method === 'PATCH' ? { payload: {} } : {}) });
      expect(response.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('"was this helpful": one answer per person, changeable, counted on the article', async () => {
    const { managerA, employeeA, employeeB } = await makeBakery(t);
    const written = await post(employeeA.browser, '/api/v1/kb-articles', article());
    const url = `/api/v1/kb-articles/${written.id}/feedback`;
    expect((await send(employeeB.browser, 'POST', url, { helpful: true })).json()).toEqual({
      helpfulYes: 1,
      helpfulNo: 0,
      myFeedback: true,
    });
    await send(employeeB.browser, 'POST', url, { helpful: true });
    await send(managerA.browser, 'POST', url, { helpful: true });
    expect((await send(employeeB.browser, 'POST', url, { helpful: false, comment: 'Too short' })).json()).toEqual({
      helpfulYes: 1,
      helpfulNo: 1,
      myFeedback: false,
    });
    expect(await get(employeeB.browser, `/api/v1/kb-articles/${written.id}`)).toMatchObject({
      helpfulYes: 1,
      helpfulNo: 1,
      myFeedback: false,
    });
    expect((await get(employeeA.browser, `/api/v1/kb-articles/${written.id}`)).myFeedback).toBeNull();
    expect((await send(employeeB.browser, 'POST', url, { helpful: 'yes' })).statusCode).toBe(400);
  });

  it('lists up to five related articles: same category or shared tags first, then similar text', async () => {
    const { owner, employeeA } = await makeBakery(t);
    const cakes = await post(owner, '/api/v1/kb-categories', { name: 'Cakes' });
    const main = await post(
      employeeA.browser,
      '/api/v1/kb-articles',
      article({ title: 'Chocolate glaze', categoryId: cakes.id, tags: ['glaze'] }),
    );
    const sameCategory = await post(employeeA.browser, '/api/v1/kb-articles', article({ title: 'Sponge', categoryId: cakes.id }));
    const sharedTag = await post(employeeA.browser, '/api/v1/kb-articles', article({ title: 'Mirror finish', tags: ['glaze'] }));
    const similar = await post(
      employeeA.browser,
      '/api/v1/kb-articles',
      article({ title: 'Tempering chocolate', body: '<p>chocolate</p>' }),
    );
    await post(employeeA.browser, '/api/v1/kb-articles', article({ title: 'Unrelated bread', body: '<p>yeast</p>' }));
    await post(employeeA.browser, '/api/v1/kb-articles', article({ title: 'Draft glaze', tags: ['glaze'], status: 'draft' }));
    const related = (await get(employeeA.browser, `/api/v1/kb-articles/${main.id}`)).related.map((r: { id: string }) => r.id);
    expect(related.slice(0, 2).sort()).toEqual([sameCategory.id, sharedTag.id].sort());
    expect(related.slice(2)).toEqual([similar.id]);
    for (let i = 0; i < 5; i += 1)
      await post(employeeA.browser, '/api/v1/kb-articles', article({ title: `Cake ${i}`, categoryId: cakes.id }));
    expect((await get(employeeA.browser, `/api/v1/kb-articles/${main.id}`)).related).toHaveLength(5);
  });

  it('shows how often an article was inserted into replies', async () => {
    const { employeeA } = await makeBakery(t);
    const written = await post(employeeA.browser, '/api/v1/kb-articles', article());
    await t.db.update(kbArticles).set({ useCount: 3 }).where(eq(kbArticles.id, written.id));
    expect((await get(employeeA.browser, `/api/v1/kb-articles/${written.id}`)).useCount).toBe(3);
    expect((await get(employeeA.browser, '/api/v1/kb-articles?sort=-useCount')).data[0]).toMatchObject({ id: written.id, useCount: 3 });
  });
});

describe('articles from cases', () => {
  it('drafts an article from a case: its subject, resolution and last reply, in the reader’s language', async () => {
    const { employeeA, employeeB } = await makeBakery(t);
    const other = await makeBakery(t);
    const workspaceId = employeeA.browser.session.user.workspace.id;
    const complaint = await makeCase(workspaceId, employeeA.user.id, {
      subject: 'Plasterboard cracked on delivery',
      resolution: 'Unfounded: the boards were stored outside.\n\nAdvised <dry> storage.',
    });
    await t.db.insert(caseMessages).values([
      { workspaceId, caseId: complaint.id, kind: 'reply', body: 'First reply', authorId: employeeA.user.id },
      { workspaceId, caseId: complaint.id, kind: 'note', body: 'Internal note', authorId: employeeA.user.id },
    ]);
    await t.db.insert(caseMessages).values({
      workspaceId,
      caseId: complaint.id,
      kind: 'reply',
      body: 'Store the boards flat & dry.',
      authorId: employeeA.user.id,
      createdAt: new Date(Date.now() + 1000),
    });
    const draft = await get(employeeB.browser, `/api/v1/kb-articles/draft-from-case/${complaint.id}`);
    expect(draft).toEqual({
      title: 'Plasterboard cracked on delivery',
      body: '<p>Unfounded: the boards were stored outside.</p><p>Advised &#60;dry&#62; storage.</p><p>Store the boards flat &#38; dry.</p>',
      answer: 'Store the boards flat & dry.',
      language: 'en',
      sourceCaseId: complaint.id,
    });
    // Written from it, the article names its case.
    const written = await post(employeeB.browser, '/api/v1/kb-articles', { ...draft });
    expect(written.sourceCase).toEqual({ id: complaint.id, number: complaint.number });
    expect(written.body).toBe(
      '<p>Unfounded: the boards were stored outside.</p><p>Advised &lt;dry&gt; storage.</p><p>Store the boards flat &amp; dry.</p>',
    );
    // Another workspace's case is not there.
    const theirs = await makeCase(other.owner.session.user.workspace.id, other.employeeA.user.id, { subject: 'Theirs' });
    expect((await send(employeeA.browser, 'GET', `/api/v1/kb-articles/draft-from-case/${theirs.id}`)).statusCode).toBe(404);
    const fromTheirs = await send(employeeA.browser, 'POST', '/api/v1/kb-articles', { ...draft, sourceCaseId: theirs.id });
    expect(fromTheirs.statusCode).toBe(400);
    expect(fromTheirs.json().errors).toEqual([expect.objectContaining({ path: 'sourceCaseId' })]);
    await t.db
      .update(supportCases)
      .set({ deletedAt: new Date() })
      .where(and(eq(supportCases.id, complaint.id)));
    expect((await send(employeeA.browser, 'GET', `/api/v1/kb-articles/draft-from-case/${complaint.id}`)).statusCode).toBe(404);
  });
});

describe('the vocabulary of the base', () => {
  it('follows every write and removal', async () => {
    const { managerA, employeeA } = await makeBakery(t);
    const workspaceId = employeeA.browser.session.user.workspace.id;
    const words = async () =>
      Object.fromEntries(
        (await t.db.select().from(kbWords).where(eq(kbWords.workspaceId, workspaceId))).map((w) => [`${w.language}:${w.word}`, w.articles]),
      );
    const one = await post(employeeA.browser, '/api/v1/kb-articles', article({ title: 'Flour', body: '<p>Dry flour</p>' }));
    await post(employeeA.browser, '/api/v1/kb-articles', article({ title: 'Farina', body: '<p>farina secca</p>', language: 'it' }));
    await post(employeeA.browser, '/api/v1/kb-articles', article({ title: 'Sugar', body: '<p>dry sugar</p>' }));
    expect(await words()).toEqual({ 'en:flour': 1, 'en:dry': 2, 'en:sugar': 1, 'it:farina': 1, 'it:secca': 1 });
    await send(employeeA.browser, 'PATCH', `/api/v1/kb-articles/${one.id}`, { body: '<p>Cool flour</p>', version: 1 });
    expect(await words()).toMatchObject({ 'en:flour': 1, 'en:dry': 1, 'en:cool': 1 });
    await send(employeeA.browser, 'PATCH', `/api/v1/kb-articles/${one.id}`, { language: 'it', version: 2 });
    expect(await words()).toEqual({ 'it:flour': 1, 'it:cool': 1, 'en:dry': 1, 'en:sugar': 1, 'it:farina': 1, 'it:secca': 1 });
    await send(managerA.browser, 'DELETE', `/api/v1/kb-articles/${one.id}`);
    expect(await words()).toEqual({ 'en:dry': 1, 'en:sugar': 1, 'it:farina': 1, 'it:secca': 1 });
  });

  it('forgets a word when the last two articles using it are removed at the same time', async () => {
    const { employeeA } = await makeBakery(t);
    const workspaceId = employeeA.browser.session.user.workspace.id;
    const flour = { language: 'en' as const, title: 'Flour', answer: null, plainText: '' };
    await updateWords(t.db, workspaceId, null, flour);
    await updateWords(t.db, workspaceId, null, flour);
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let counted = () => {};
    const first = new Promise<void>((resolve) => {
      counted = resolve;
    });
    // One removal counts the word down and holds its transaction open; the other waits for its row.
    const one = t.db.transaction(async (tx) => {
      await updateWords(tx, workspaceId, flour, null);
      counted();
      await held;
    });
    await first;
    const two = t.db.transaction((tx) => updateWords(tx, workspaceId, flour, null));
    const waiting = async () =>
      Number(
        (
          await t.pool.query(
            "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
          )
        ).rows[0].n,
      );
    for (let i = 0; i < 100 && (await waiting()) === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    await Promise.all([one, two]);
    expect(await t.db.select().from(kbWords).where(eq(kbWords.workspaceId, workspaceId))).toEqual([]);
  });
});

it('keeps category rows of one workspace apart from another’s', async () => {
  const a = await makeBakery(t);
  const b = await makeBakery(t);
  await post(a.owner, '/api/v1/kb-categories', { name: 'Ours' });
  expect((await get(b.owner, '/api/v1/kb-categories')).data).toEqual([]);
  expect(await t.db.select().from(kbCategories).where(eq(kbCategories.workspaceId, b.owner.session.user.workspace.id))).toEqual([]);
});
