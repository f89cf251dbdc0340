import { describe, expect, it } from 'vitest';
import { type Browser, get, makeBakery, post, useTestApp } from '../../test/harness.ts';

const t = useTestApp();

const write = (browser: Browser, values: Record<string, unknown>) =>
  post(browser, '/api/v1/kb-articles', { body: '', language: 'en', ...values });
const search = (browser: Browser, q: string, extra = '') => get(browser, `/api/v1/kb-articles?q=${encodeURIComponent(q)}${extra}`);
const ids = (list: { data: { id: string }[] }) => list.data.map((a) => a.id);

describe('knowledge-base search', () => {
  it('finds a Russian article by inflected forms of its words, with the match marked', async () => {
    const { employeeA } = await makeBakery(t);
    const drywall = await write(employeeA.browser, {
      title: 'Гипсокартон: хранение',
      body: '<p>Листы гипсокартон хранят горизонтально, в сухом помещении.</p>',
      language: 'ru',
    });
    await write(employeeA.browser, { title: 'Цемент', body: '<p>Мешки с цементом держат на поддонах.</p>', language: 'ru' });
    for (const q of ['гипсокартона', 'гипсокартоном', 'листов гипсокартона', 'помещениях']) {
      const found = await search(employeeA.browser, q);
      expect(ids(found), q).toEqual([drywall.id]);
      expect(found.correctedQuery, q).toBeNull();
    }
    const found = await search(employeeA.browser, 'гипсокартоном');
    expect(found.data[0].headline).toContain('<mark>гипсокартон</mark>');
    expect(found.total).toBe(1);
  });

  it('finds an Italian article by a misspelt word, saying how the query was corrected', async () => {
    const { employeeA } = await makeBakery(t);
    const board = await write(employeeA.browser, {
      title: 'Posa del cartongesso',
      body: '<p>Le lastre di cartongesso si fissano alla struttura metallica con viti autoperforanti.</p>',
      language: 'it',
    });
    await write(employeeA.browser, { title: 'Intonaco', body: '<p>Stendere l’intonaco in due mani.</p>', language: 'it' });
    const found = await search(employeeA.browser, 'cartongeso');
    expect(ids(found)).toEqual([board.id]);
    expect(found.correctedQuery).toBe('cartongesso');
    // Several words, one of them misspelt; an inflected form is never "corrected".
    const two = await search(employeeA.browser, 'lastre cartongeso');
    expect(ids(two)).toEqual([board.id]);
    expect(two.correctedQuery).toBe('lastre cartongesso');
    expect((await search(employeeA.browser, 'lastra')).correctedQuery).toBeNull();
    // A short query also matches titles by trigram: a part of a word the stemmer would not find.
    const plaster = await write(employeeA.browser, { title: 'Gesso per stucchi', language: 'it' });
    const gesso = await search(employeeA.browser, 'gesso');
    expect(ids(gesso)).toEqual([plaster.id, board.id]);
    expect(gesso.correctedQuery).toBeNull();
    // Nothing near: nothing found, nothing corrected.
    expect(await search(employeeA.browser, 'zzzqqq')).toMatchObject({ data: [], total: 0, correctedQuery: null });
  });

  it('finds an English article by a stemmed form, title matches first', async () => {
    const { employeeA } = await makeBakery(t);
    const inTitle = await write(employeeA.browser, { title: 'Storing flour bags', body: '<p>Keep them dry.</p>' });
    const inBody = await write(employeeA.browser, {
      title: 'Warehouse rules',
      body: '<p>Stored goods, stores and storage: what is stored where, and how we store it.</p>',
    });
    for (const q of ['stored', 'stores', 'store']) {
      expect(ids(await search(employeeA.browser, q)), q).toEqual([inTitle.id, inBody.id]);
    }
    expect(ids(await search(employeeA.browser, 'bag'))).toEqual([inTitle.id]);
    // A word cut short is completed to the base's word.
    expect(await search(employeeA.browser, 'warehou')).toMatchObject({ data: [{ id: inBody.id }], correctedQuery: 'warehouse' });
  });

  it('marks the match in the passage whether it is in the opening words or far into a long text', async () => {
    const { employeeA } = await makeBakery(t);
    const filler = 'The shop keeps its shelves tidy and its floors swept every evening. '.repeat(20);
    const early = await write(employeeA.browser, { title: 'Early', body: `<p>Gypsum boards first. ${filler}</p>` });
    const late = await write(employeeA.browser, { title: 'Late', body: `<p>${filler} Then gypsum boards at the end.</p>` });
    const found = await search(employeeA.browser, 'gypsum');
    const headline = (id: string) => found.data.find((a: { id: string }) => a.id === id)?.headline as string;
    expect(headline(early.id)).toContain('<mark>Gypsum</mark> boards first');
    expect(headline(late.id)).toContain('Then <mark>gypsum</mark> boards');
  });

  it('escapes the article text in headlines: only the <mark> tags are markup', async () => {
    const { employeeA } = await makeBakery(t);
    await write(employeeA.browser, {
      title: 'Escaping',
      body: '<p>Never paste &lt;script&gt;alert(1)&lt;/script&gt; into the oven controller &amp; mind that 3 &lt; 4.</p>',
    });
    const [hit] = (await search(employeeA.browser, 'oven controller')).data;
    // The text-search parser leaves tag-like text out of headlines; whatever remains is escaped.
    expect(hit.headline).not.toContain('<script');
    expect(hit.headline).toContain('<mark>oven</mark> <mark>controller</mark> &#38; mind that');
    expect(hit.headline.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });

  it('applies filters to searches and pages the results', async () => {
    const { owner, employeeA } = await makeBakery(t);
    const cakes = await post(owner, '/api/v1/kb-categories', { name: 'Cakes' });
    const made: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const written = await write(employeeA.browser, {
        title: `Cream recipe ${i}`,
        body: `<p>cream ${'cream '.repeat(i)}</p>`,
        categoryId: i % 2 === 0 ? cakes.id : null,
        audience: i === 4 ? 'public' : 'internal',
        tags: i === 3 ? ['dairy'] : [],
      });
      made.push(written.id);
    }
    const first = await search(employeeA.browser, 'cream', '&limit=2');
    expect(first.total).toBe(5);
    const second = await search(employeeA.browser, 'cream', `&limit=2&cursor=${first.nextCursor}`);
    const third = await search(employeeA.browser, 'cream', `&limit=2&cursor=${second.nextCursor}`);
    expect(third.nextCursor).toBeNull();
    expect([...ids(first), ...ids(second), ...ids(third)].sort()).toEqual([...made].sort());
    expect((await search(employeeA.browser, 'cream', `&filter[categoryId]=${cakes.id}`)).total).toBe(3);
    expect(ids(await search(employeeA.browser, 'cream', '&filter[audience]=public'))).toEqual([made[4]]);
    expect(ids(await search(employeeA.browser, 'cream', '&filter[tag]=dairy'))).toEqual([made[3]]);
    expect((await search(employeeA.browser, 'cream', '&filter[language]=it')).total).toBe(0);
  });
});

describe('the article list without a query', () => {
  it('is filtered, sorted and keyset-paginated', async () => {
    const { employeeA } = await makeBakery(t);
    const titles = ['Bread', 'Apple pie', 'Croissant', 'Donut', 'Eclair'];
    const made: Record<string, string> = {};
    for (const title of titles) {
      made[title] = (await write(employeeA.browser, { title, status: title === 'Donut' ? 'draft' : 'published' })).id;
    }
    const pages: string[] = [];
    let cursor = '';
    for (let i = 0; i < 3; i += 1) {
      const page = await get(employeeA.browser, `/api/v1/kb-articles?sort=title&limit=2${cursor}`);
      expect(page.total).toBe(5);
      pages.push(...page.data.map((a: { title: string }) => a.title));
      cursor = page.nextCursor ? `&cursor=${page.nextCursor}` : '';
    }
    expect(pages).toEqual([...titles].sort());
    expect(cursor).toBe('');
    const newest = await get(employeeA.browser, '/api/v1/kb-articles?limit=1');
    expect(newest.data[0]).toMatchObject({ title: 'Eclair', headline: null, category: null, answer: '' });
    expect((await get(employeeA.browser, '/api/v1/kb-articles?filter[status]=draft')).data.map((a: { id: string }) => a.id)).toEqual([
      made.Donut,
    ]);
    expect((await get(employeeA.browser, '/api/v1/kb-articles?filter[language]=ru')).total).toBe(0);
  });
});
