import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../../test/render.tsx';
import { fakeApi } from '../duplicates/test-duplicates.ts';
import { PublicKbPage } from './public-kb-page.tsx';
import { renderKb } from './test-kb.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
  window.localStorage.clear();
});

const ID = '00000000-0000-4000-8000-000000000a01';
const INTERNAL = '00000000-0000-4000-8000-000000000a09';
const BASE = '/api/v1/public/kb/rossi-bakery/articles';

const article = {
  id: ID,
  title: 'Delivery times',
  body: '<p>We deliver in <strong>3 days</strong>.</p><script>window.hacked = 1</script><img src="x" onerror="window.hacked = 2">',
  answer: 'We deliver in 3 days.',
  category: { id: '00000000-0000-4000-8000-0000000000c1', name: 'Delivery' },
  language: 'en',
  tags: ['delivery'],
  updatedAt: '2026-03-02T09:00:00.000Z',
  related: [{ id: '00000000-0000-4000-8000-000000000a02', title: 'Returns' }],
};

/** A signed-out visitor: the fake server answers only the public routes (anything else is a 404 and recorded). */
async function renderHelp(path: string) {
  const api = fakeApi(({ method, url }) => {
    if (method === 'GET' && url.startsWith(`${BASE}?`)) {
      const params = new URL(url, 'http://x').searchParams;
      return jsonResponse(200, {
        data: [
          {
            id: ID,
            title: 'Delivery times',
            answer: 'We deliver in 3 days.',
            language: 'en',
            headline: params.get('q') ? 'We <mark>deliver</mark> in 3 days<script>window.hacked = 3</script>' : null,
            updatedAt: '2026-03-02T09:00:00.000Z',
          },
        ],
        correctedQuery: params.get('q') === 'delivr' ? 'deliver' : null,
      });
    }
    if (method === 'GET' && url === `${BASE}/${ID}`) return jsonResponse(200, article);
    if (method === 'GET' && url === '/api/v1/public/kb/rossi-bakery/categories')
      return jsonResponse(200, {
        data: [
          { ...article.category, parentId: null, position: 0, articles: 2 },
          { id: '00000000-0000-4000-8000-0000000000c3', name: 'Internal only', parentId: null, position: 1, articles: 0 },
        ],
      });
    if (method === 'POST' && url === `${BASE}/${ID}/feedback`) return jsonResponse(204, undefined);
    return undefined;
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  const view = await renderKb({
    path,
    routes: [
      { path: '/help/:workspace', element: <PublicKbPage /> },
      { path: '/help/:workspace/:id', element: <PublicKbPage /> },
    ],
  });
  return { api, router: view.router };
}

describe('PublicKbPage', () => {
  it('searches the public articles in the visitor’s language, safely, through the public routes only', async () => {
    const { api, router } = await renderHelp('/help/rossi-bakery?q=delivr');
    const item = await screen.findByTestId('kb-public-item');
    expect(within(item).getByTestId('kb-headline').innerHTML).toBe('We <mark>deliver</mark> in 3 days');
    expect(screen.getByTestId('kb-did-you-mean').textContent).toBe('Did you mean: deliver');
    expect(item.textContent).toContain('Updated 2 Mar 2026');
    const first = new URL(api.calls.find((call) => call.url.startsWith(`${BASE}?`))?.url ?? '', 'http://x');
    expect(Object.fromEntries(first.searchParams)).toEqual({ q: 'delivr', language: 'en', limit: '50' });

    // Categories without public articles are not offered; picking one narrows the search.
    expect(screen.queryByText('Internal only')).toBeNull();
    fireEvent.click(within(await screen.findByRole('group', { name: 'Categories' })).getByText('Delivery'));
    await waitFor(() => expect(router.state.location.search).toBe('?q=delivr&category=00000000-0000-4000-8000-0000000000c1'));
    await waitFor(() =>
      expect(new URL(api.calls.at(-1)?.url ?? '', 'http://x').searchParams.get('categoryId')).toBe('00000000-0000-4000-8000-0000000000c1'),
    );

    fireEvent.click(screen.getByText('All languages'));
    await waitFor(() => expect(router.state.location.search).toBe('?q=delivr&category=00000000-0000-4000-8000-0000000000c1&lang=all'));
    await waitFor(() => expect(new URL(api.calls.at(-1)?.url ?? '', 'http://x').searchParams.has('language')).toBe(false));

    fireEvent.click(within(item).getByRole('link', { name: 'Delivery times' }));
    await screen.findByRole('heading', { name: 'Delivery times' });
    expect(router.state.location.pathname).toBe(`/help/rossi-bakery/${ID}`);
    expect((window as { hacked?: number }).hacked).toBeUndefined();
    expect(api.calls.every((call) => call.url.startsWith('/api/v1/public/kb/rossi-bakery/'))).toBe(true);
  }, 40_000);

  it('shows an article, cleaned again in the browser, and takes the visitor’s changeable "was this helpful"', async () => {
    const { api } = await renderHelp(`/help/rossi-bakery/${ID}`);
    await screen.findByRole('heading', { name: 'Delivery times' });
    const body = screen.getByTestId('kb-article-body');
    expect(body.innerHTML).toBe('<p>We deliver in <strong>3 days</strong>.</p>');
    expect(document.querySelector('script, img[onerror]')).toBeNull();
    expect(screen.getByRole('link', { name: 'Returns' }).getAttribute('href')).toBe(
      '/help/rossi-bakery/00000000-0000-4000-8000-000000000a02',
    );

    const yes = screen.getByRole('button', { name: /Yes/ });
    const no = screen.getByRole('button', { name: /No/ });
    fireEvent.click(yes);
    await waitFor(() => expect(yes.getAttribute('aria-pressed')).toBe('true'));
    fireEvent.click(no);
    await waitFor(() => expect(no.getAttribute('aria-pressed')).toBe('true'));
    expect(yes.getAttribute('aria-pressed')).toBe('false');
    await waitFor(() => expect(api.calls.filter((call) => call.method === 'POST')).toHaveLength(2));
    expect(api.calls.filter((call) => call.method === 'POST').map((call) => [call.url, call.body])).toEqual([
      [`${BASE}/${ID}/feedback`, { helpful: true }],
      [`${BASE}/${ID}/feedback`, { helpful: false }],
    ]);
    // Nothing here needs a session: no staff route was asked.
    expect(api.calls.some((call) => call.url.includes('/auth/') || call.url.startsWith('/api/v1/kb-'))).toBe(false);
  }, 40_000);

  it('answers an article that is not public like a missing one', async () => {
    await renderHelp(`/help/rossi-bakery/${INTERNAL}`);
    expect(await screen.findByText('This article does not exist or is no longer public.')).toBeTruthy();
    expect(screen.getByRole('link', { name: /All articles/ }).getAttribute('href')).toBe('/help/rossi-bakery');
  }, 40_000);
});
